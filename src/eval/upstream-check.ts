/**
 * A check of the instrument itself: the AEB folder ships the benchmark's own recorded predictions of
 * @mozilla/readability and trafilatura, so scoring them with our scorer must give the published rows.
 * A drift here means the scorer, not an extractor, changed.
 */

import { readAebGold, readAebUpstream } from "./read-aeb.js";
import type { BodyScores } from "./shingle-score.js";
import { aggregateBodyScores, matchShingles, tokensIdentical } from "./shingle-score.js";
import { aebTokens } from "./tokenize.js";

/** Body F1 published in the benchmark's README for the recorded outputs we ship. */
export const publishedAebF1: Readonly<Record<string, number>> = {
  readability_js: 0.947,
  trafilatura: 0.958,
};

export interface UpstreamCheck extends BodyScores {
  name: string;
  version: string;
  publishedF1: number;
}

/** Scores each recorded upstream output over `ids` (default: every AEB page). */
export function checkAebUpstream(aebDir: string, ids?: readonly string[]): UpstreamCheck[] {
  const gold = readAebGold(aebDir);
  const scored = ids ?? [...gold.keys()];
  return readAebUpstream(aebDir, Object.keys(publishedAebF1)).map((output) => {
    const matches = scored.map((id) =>
      matchShingles(gold.get(id) ?? "", output.bodies.get(id) ?? "", aebTokens),
    );
    const exact = scored.map((id) =>
      tokensIdentical(gold.get(id) ?? "", output.bodies.get(id) ?? "", aebTokens),
    );
    return {
      name: output.name,
      version: output.version,
      publishedF1: publishedAebF1[output.name] ?? Number.NaN,
      ...aggregateBodyScores(matches, exact),
    };
  });
}
