/**
 * Scores one extractor's predictions for a set: every figure of the table plus, per page, what went
 * wrong, so the worst pages can be listed. Pure: data in, numbers out.
 */
import { dateMatches } from "./date-match.js";
import type { EvalCase, Prediction } from "./eval-case.js";
import {
  authorsMatch,
  containsSnippet,
  endsWithSnippet,
  labelMatches,
  startsWithSnippet,
  viewsMatch,
} from "./field-match.js";
import type { MetricKey } from "./metrics.js";
import {
  aggregateBodyScores,
  matchShingles,
  pageF1,
  precisionScore,
  recallScore,
  type ShingleMatch,
  tokensIdentical,
} from "./shingle-score.js";
import { tokenizerFor } from "./tokenize.js";

export interface MetricScore {
  value: number;
  /** Pages (snippets, for the snippet metrics) judged. */
  total: number;
  /** How many of them passed (not for the body figures, which are averages). */
  hits?: number;
}

/** One field the prediction got wrong on a page, with both values as text for the report. */
export interface FieldMiss {
  metric: MetricKey;
  gold: string;
  predicted: string;
}

export interface PageScore {
  file: string;
  /** Page-level body figures (only for sets with a gold body). */
  body?: { f1: number; precision: number; recall: number; goldChars: number; predictedChars: number };
  misses: FieldMiss[];
  error?: string;
}

export interface ExtractorScores {
  metrics: Partial<Record<MetricKey, MetricScore>>;
  /** AEB's exact-match accuracy, when the set has a gold body. */
  bodyAccuracy?: number;
  pages: PageScore[];
}

/** Counts hits for a metric as pages or snippets are judged. */
class Tally {
  readonly counts = new Map<MetricKey, { hits: number; total: number }>();
  add(metric: MetricKey, hits: number, total: number): void {
    const count = this.counts.get(metric) ?? { hits: 0, total: 0 };
    count.hits += hits;
    count.total += total;
    this.counts.set(metric, count);
  }
}

const show = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === "" ? "∅" : String(value);

export function scoreExtractor(
  cases: readonly EvalCase[],
  predictions: readonly Prediction[],
  lang: "zh" | "en",
): ExtractorScores {
  const tokenize = tokenizerFor(lang);
  const tally = new Tally();
  const matches: ShingleMatch[] = [];
  const exact: boolean[] = [];
  const pages: PageScore[] = [];

  cases.forEach((evalCase, index) => {
    const predicted = predictions[index];
    if (!predicted) throw new Error(`no prediction for ${evalCase.file}`);
    const { gold } = evalCase;
    const page: PageScore = { file: evalCase.file, misses: [] };
    if (predicted.error) page.error = predicted.error;
    const judge = (metric: MetricKey, ok: boolean, goldText: string, predText: string) => {
      tally.add(metric, ok ? 1 : 0, 1);
      if (!ok) page.misses.push({ metric, gold: goldText, predicted: predText });
    };

    if (gold.body !== undefined) {
      const match = matchShingles(gold.body, predicted.text, tokenize);
      matches.push(match);
      exact.push(tokensIdentical(gold.body, predicted.text, tokenize));
      page.body = {
        f1: pageF1(match),
        precision: precisionScore(match),
        recall: recallScore(match),
        goldChars: gold.body.length,
        predictedChars: predicted.text.length,
      };
    }
    if (gold.title !== undefined) {
      judge("title", labelMatches(gold.title, predicted.title), show(gold.title), show(predicted.title));
    }
    if (gold.published !== undefined) {
      const ok = dateMatches(gold.published, predicted.publishedAt);
      judge("published", ok, show(gold.publishedText), show(predicted.publishedAt));
    }
    if (gold.authors !== undefined) {
      const ok = authorsMatch(gold.authors, predicted.authors);
      judge("authors", ok, show(gold.authors.join("、")), show(predicted.authors.join("、")));
    }
    if (gold.source !== undefined) {
      judge("source", labelMatches(gold.source, predicted.source), show(gold.source), show(predicted.source));
    }
    if (gold.views !== undefined) {
      judge("views", viewsMatch(gold.views, predicted.views), show(gold.views), show(predicted.views));
    }
    for (const snippet of gold.mustContain ?? []) {
      judge("mustContain", containsSnippet(predicted.text, snippet), snippet, "(missing)");
    }
    for (const snippet of gold.mustNotContain ?? []) {
      judge("mustNotContain", !containsSnippet(predicted.text, snippet), snippet, "(kept)");
    }
    if (gold.bodyFirst !== undefined) {
      const ok = startsWithSnippet(predicted.text, gold.bodyFirst);
      judge("bodyStart", ok, gold.bodyFirst, excerpt(predicted.text, "start"));
    }
    if (gold.bodyLast !== undefined) {
      const ok = endsWithSnippet(predicted.text, gold.bodyLast);
      judge("bodyEnd", ok, gold.bodyLast, excerpt(predicted.text, "end"));
    }
    pages.push(page);
  });

  const metrics: Partial<Record<MetricKey, MetricScore>> = {};
  let bodyAccuracy: number | undefined;
  if (matches.length > 0) {
    const body = aggregateBodyScores(matches, exact);
    metrics.bodyF1 = { value: body.f1, total: body.pages };
    metrics.bodyPrecision = { value: body.precision, total: body.pages };
    metrics.bodyRecall = { value: body.recall, total: body.pages };
    bodyAccuracy = body.accuracy;
  }
  for (const [metric, { hits, total }] of tally.counts) {
    metrics[metric] = { value: total === 0 ? 0 : hits / total, hits, total };
  }
  return bodyAccuracy === undefined ? { metrics, pages } : { metrics, bodyAccuracy, pages };
}

/** The first or last 30 characters of a body, whitespace collapsed, for a report line. */
function excerpt(text: string, end: "start" | "end"): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat === "") return "∅";
  return end === "start" ? `${flat.slice(0, 30)}…` : `…${flat.slice(-30)}`;
}
