/**
 * A check of the gold itself: cwced and CleanEval share pages (the same bytes once CleanEval's wrapper is cut
 * off), but their annotators kept different things: CleanEval keeps the headline, reader comments and every
 * post of a blog page, cwced keeps the article alone. Scoring one set's gold body as if it were an
 * extractor's output against the other set's gold says how high any extractor that satisfies one set can
 * score on the other, printed beside the set's figures: the price, on this set, of being right on the other.
 */
import { createHash } from "node:crypto";
import type { EvalCase } from "./eval-case.js";
import { aggregateBodyScores, type BodyScores, matchShingles, tokensIdentical } from "./shingle-score.js";
import type { Tokenizer } from "./tokenize.js";

function digest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Scores `other`'s gold bodies as predictions against `cases`' gold bodies, on the pages both sets hold
 * (same page bytes). `undefined` when they share no page with a body on both sides.
 */
export function crossGoldScores(
  cases: readonly EvalCase[],
  other: readonly EvalCase[],
  tokenize: Tokenizer,
): BodyScores | undefined {
  const otherGold = new Map<string, string>();
  for (const evalCase of other) {
    if (evalCase.gold.body !== undefined) otherGold.set(digest(evalCase.body), evalCase.gold.body);
  }
  const matches = [];
  const exact = [];
  for (const evalCase of cases) {
    const predicted = otherGold.get(digest(evalCase.body));
    if (predicted === undefined || evalCase.gold.body === undefined) continue;
    matches.push(matchShingles(evalCase.gold.body, predicted, tokenize));
    exact.push(tokensIdentical(evalCase.gold.body, predicted, tokenize));
  }
  return matches.length === 0 ? undefined : aggregateBodyScores(matches, exact);
}

/** The note printed with the set's figures. */
export function crossGoldNote(set: string, otherSet: string, scores: BodyScores): string {
  const f = (value: number) => value.toFixed(3);
  return (
    `gold check: ${otherSet}'s gold body, scored as the output on the ${scores.pages} pages both sets hold, gets ${set} body F1 ` +
    `${f(scores.f1)} (P ${f(scores.precision)}, R ${f(scores.recall)}): the two golds disagree on the same pages, and an ` +
    `extractor that reproduced ${otherSet}'s gold exactly would score this here`
  );
}
