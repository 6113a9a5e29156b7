/**
 * The pages an extractor did worst on, each with a one-line reason, for the people improving it: by page
 * F1 (lowest first) on sets with a gold body, and by the number of failed field checks. The reason is read off the figures (empty body, kept too much, missed text) plus the fields
 * that were wrong, with gold and prediction side by side.
 */
import { metricDefinitions } from "./metrics.js";
import type { ExtractorRun } from "./run-eval.js";
import type { PageScore } from "./score-set.js";

export interface WorstPage {
  file: string;
  /** Page F1 when the set has a gold body. */
  f1?: number;
  /** Failed checks (field-only sets). */
  misses: number;
  reason: string;
}

const labelOf = new Map(metricDefinitions.map((m) => [m.key, m.label]));

/** Why a body scored as it did, from its precision, recall and lengths. */
export function bodyReason(body: NonNullable<PageScore["body"]>, error?: string): string {
  if (error) return `no body: ${error}`;
  if (body.predictedChars === 0) return "empty body";
  const ratio = body.predictedChars / Math.max(1, body.goldChars);
  const size = `${body.predictedChars} chars vs gold ${body.goldChars}`;
  if (body.precision < 0.2 && body.recall < 0.2) return `wrong block (${size})`;
  if (body.precision + 0.1 < body.recall)
    return `kept extra text, P ${body.precision.toFixed(2)} (${size}, ×${ratio.toFixed(1)})`;
  if (body.recall + 0.1 < body.precision)
    return `missed text, R ${body.recall.toFixed(2)} (${size}, ×${ratio.toFixed(1)})`;
  return `P ${body.precision.toFixed(2)} R ${body.recall.toFixed(2)} (${size})`;
}

function missText(page: PageScore, max = 3): string {
  const shown = page.misses
    .slice(0, max)
    .map((miss) => `${labelOf.get(miss.metric)}: ${miss.gold} ≠ ${miss.predicted}`);
  if (page.misses.length > max) shown.push(`+${page.misses.length - max} more`);
  return shown.join("; ");
}

/** Worst pages by body F1 (`"body"`), or by number of failed field checks (`"fields"`). */
export function worstPages(run: ExtractorRun, count: number, by: "body" | "fields"): WorstPage[] {
  const pages = run.scores.pages;
  if (by === "body") {
    return [...pages]
      .filter((page) => page.body !== undefined)
      .sort((a, b) => (a.body?.f1 ?? 0) - (b.body?.f1 ?? 0))
      .slice(0, count)
      .map((page) => {
        const body = page.body as NonNullable<PageScore["body"]>;
        const fields = page.misses.length > 0 ? ` | ${missText(page, 2)}` : "";
        return {
          file: page.file,
          f1: body.f1,
          misses: page.misses.length,
          reason: bodyReason(body, page.error) + fields,
        };
      });
  }
  return [...pages]
    .filter((page) => page.misses.length > 0)
    .sort((a, b) => b.misses.length - a.misses.length)
    .slice(0, count)
    .map((page) => ({
      file: page.file,
      misses: page.misses.length,
      reason: (page.error ? `threw: ${page.error}; ` : "") + missText(page),
    }));
}
