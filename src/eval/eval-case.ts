/**
 * What the evaluation passes between its stages: a page with its gold labels (from a set reader), what an
 * extractor said about it (from a predictor), and the language that decides how body text is tokenised.
 *
 * Gold fields follow one convention: `undefined` = the set does not label this field for the page (it is
 * not scored), `null` / `[]` = the page shows none (only an empty prediction is right).
 */
import type { DateParts } from "./date-match.js";

export interface Gold {
  /** Clean body text. */
  body?: string;
  title?: string | null;
  published?: DateParts | null;
  /** The gold date as written, for reports. */
  publishedText?: string | null;
  authors?: string[];
  source?: string | null;
  views?: number | null;
  mustContain?: string[];
  mustNotContain?: string[];
  /** The first / last characters of the body (the body must open / close with them). */
  bodyFirst?: string;
  bodyLast?: string;
}

export interface EvalCase {
  /** Path of the page inside the set's folder, e.g. `original/10.html`. */
  file: string;
  /** The page's URL: from the gold when the set records it, else `http://corpus.local/<set>/<file>`. */
  url: string;
  /** Raw bytes as a fetcher would hand them over (wrappers such as CleanEval's `<text>` removed). */
  body: Uint8Array;
  gold: Gold;
  /** Anything odd about this page's gold that a reader of the results should know. */
  notes?: string[];
}

/** What one extractor said about one page. A page that failed is an empty prediction with `error` set. */
export interface Prediction {
  text: string;
  title: string | null;
  publishedAt: string | null;
  authors: string[];
  source: string | null;
  views: number | null;
  error?: string;
  /** The page was parsed a second time without CSS after jsdom threw on it. */
  parseRetried?: boolean;
}

export const emptyPrediction: Omit<Prediction, "error"> = {
  text: "",
  title: null,
  publishedAt: null,
  authors: [],
  source: null,
  views: null,
};

/** A set's pages, ready to run. */
export interface EvalSetData {
  lang: "zh" | "en";
  cases: EvalCase[];
  /** Set-level remarks (skipped pages, unusable gold), printed with the table. */
  notes: string[];
}
