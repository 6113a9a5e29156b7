/**
 * A check of the gold rather than the extractor: how much of each gold body occurs in the page at all.
 * A gold shingle that is nowhere in the page's text (a typing error, characters mis-decoded when the gold
 * was made) cannot be extracted by anyone, so the mean share is a ceiling on body recall. It tells a
 * reader whether a set's goal is reachable: CleanEval's 2007 gold, for instance, has such errors.
 */

import { parseHtml } from "../extract/parse-html.js";
import { decodeHtml } from "../fetch/decode-charset.js";
import type { EvalCase } from "./eval-case.js";
import { shingleCounts } from "./shingle-score.js";
import type { Tokenizer } from "./tokenize.js";

/** Share of `gold`'s shingles (counted with multiplicity) that occur in `pageText`; 1 for an empty gold. */
export function goldShareInPage(gold: string, pageText: string, tokenize: Tokenizer): number {
  const goldCounts = shingleCounts(tokenize(gold));
  const pageCounts = shingleCounts(tokenize(pageText));
  let total = 0;
  let found = 0;
  for (const [key, count] of goldCounts) {
    total += count;
    if (pageCounts.has(key)) found += count;
  }
  return total === 0 ? 1 : found / total;
}

/** The whole text of a saved page (everything under `<body>`), decoded the way caiji decodes it. */
export function pageText(evalCase: EvalCase): string {
  const { html } = decodeHtml(evalCase.body, null);
  const parsed = parseHtml(html, evalCase.url);
  try {
    return parsed.document.body?.textContent ?? "";
  } finally {
    parsed.dispose();
  }
}
