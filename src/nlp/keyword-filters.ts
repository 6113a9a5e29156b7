/**
 * What counts as a token and what may be a keyword, the same for every jieba binding.
 *
 * jieba returns whitespace, punctuation and symbols (`，`, `“`, `➥`, `㎡`) as tokens of their own, and its
 * TF-IDF ranks numbers and dates (`2023`, `42.6`) as highly as any unknown word. Records want neither.
 */
import type { Keyword } from "../output/record-schema.js";
import { keywordStopWords } from "./stop-words.js";

/** A token worth keeping holds at least one letter (any script, ideographs included) or digit. */
const wordCharacter = /[\p{L}\p{N}]/u;

/** Numbers, dates, times, percentages and ranges in ASCII or full-width digits: `42.6%`, `2023-01-10`. */
const numberLike = /^[\p{Nd}０-９.,，．:：/\-–%％+~～]+$/u;

/** Decimal places kept in keyword weights. */
const weightDecimals = 4;

/** True for tokens that carry a word: not whitespace, not punctuation or symbols alone. */
export function isWordToken(token: string): boolean {
  return wordCharacter.test(token);
}

/** True for words that may be keywords: two characters or more, not a number, not a stop word. */
export function isKeywordCandidate(word: string): boolean {
  const trimmed = word.trim();
  if ([...trimmed].length < 2) return false;
  if (!isWordToken(trimmed) || numberLike.test(trimmed)) return false;
  return !keywordStopWords.has(trimmed.toLowerCase());
}

/**
 * The final keyword list from a binding's ranked candidates: candidates filtered, weights rounded, highest
 * weight first (ties keep the binding's order), at most `topN`.
 */
export function finishKeywords(candidates: Iterable<Keyword>, topN: number): Keyword[] {
  const factor = 10 ** weightDecimals;
  const kept: Keyword[] = [];
  for (const { word, weight } of candidates) {
    if (!isKeywordCandidate(word)) continue;
    kept.push({ word: word.trim(), weight: Math.round(weight * factor) / factor });
  }
  return kept.sort((a, b) => b.weight - a.weight).slice(0, Math.max(0, topN));
}

/**
 * How many candidates to ask a binding for, so that `topN` survive the filters: dates, numbers and stop
 * words can take many of the top places on a short page.
 */
export function candidateCount(topN: number): number {
  return topN * 4 + 20;
}
