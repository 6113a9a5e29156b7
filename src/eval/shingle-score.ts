/**
 * Body-text scores exactly as the Article Extraction Benchmark computes them
 * (scrapinghub/article-extraction-benchmark `evaluate.py`), so caiji's figures sit in the same table as
 * the published ones:
 *
 * 1. Tokens → 4-gram shingles, counted as a multiset. A text with 1–3 tokens has one shingle (all its
 *    tokens); an empty text has none.
 * 2. Per page: tp = Σ min(gold, pred), fp = prediction surplus, fn = gold surplus, then divided by
 *    tp + fp + fn so that long pages weigh no more than short ones (all zero stays all zero).
 * 3. Precision is averaged over the pages with tp + fp > 0 and recall over the pages with tp + fn > 0:
 *    an empty prediction lowers recall but is left out of precision, an empty gold the other way round,
 *    and a page where both are empty is left out of both. F1 = 2PR / (P + R) from the two averages, not a
 *    mean of per-page F1s. (Upstream fails on a set with no page to average; here that average is 0.)
 * 4. Accuracy: the share of pages whose token lists are identical.
 */
import type { Tokenizer } from "./tokenize.js";

export const shingleSize = 4;

/** One page's normalised counts (they sum to 1, or are all 0 when both texts have no tokens). */
export interface ShingleMatch {
  tp: number;
  fp: number;
  fn: number;
}

export interface BodyScores {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** Pages scored. */
  pages: number;
}

/** Multiset of `n`-token shingles, keyed by the tokens joined with U+0001 (never inside a token). */
export function shingleCounts(tokens: readonly string[], n: number = shingleSize): Map<string, number> {
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join("\u0001");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** tp/fp/fn of one page, normalised to sum to 1. */
export function matchShingles(gold: string, predicted: string, tokenize: Tokenizer): ShingleMatch {
  const goldCounts = shingleCounts(tokenize(gold));
  const predCounts = shingleCounts(tokenize(predicted));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, goldCount] of goldCounts) {
    const predCount = predCounts.get(key) ?? 0;
    tp += Math.min(goldCount, predCount);
    fn += Math.max(0, goldCount - predCount);
  }
  for (const [key, predCount] of predCounts) {
    fp += Math.max(0, predCount - (goldCounts.get(key) ?? 0));
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

/** Upstream `precision_score`: a page with nothing missing and nothing extra is perfect. */
export function precisionScore({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

/** Upstream `recall_score`. */
export function recallScore({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** Harmonic mean, 0 when both are 0 (upstream would divide by zero). */
export function harmonicF1(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** One page's own F1, for ranking the worst pages (not part of the published aggregate). */
export function pageF1(match: ShingleMatch): number {
  return harmonicF1(precisionScore(match), recallScore(match));
}

/** Whether the two texts have identical token lists (AEB's "accuracy"). */
export function tokensIdentical(gold: string, predicted: string, tokenize: Tokenizer): boolean {
  const a = tokenize(gold);
  const b = tokenize(predicted);
  return a.length === b.length && a.every((token, i) => token === b[i]);
}

/** Set-level scores from per-page matches; `exact` is one flag per page for accuracy. */
export function aggregateBodyScores(matches: readonly ShingleMatch[], exact: readonly boolean[]): BodyScores {
  const precision = mean(matches.filter((m) => m.tp + m.fp > 0).map(precisionScore));
  const recall = mean(matches.filter((m) => m.tp + m.fn > 0).map(recallScore));
  return {
    precision,
    recall,
    f1: harmonicF1(precision, recall),
    accuracy: mean(exact.map((flag) => (flag ? 1 : 0))),
    pages: matches.length,
  };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
