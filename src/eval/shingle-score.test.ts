import { describe, expect, test } from "vitest";
import {
  aggregateBodyScores,
  matchShingles,
  pageF1,
  precisionScore,
  recallScore,
  shingleCounts,
  tokensIdentical,
} from "./shingle-score.js";
import { aebTokens, cjkTokens } from "./tokenize.js";

const words = (text: string) => text.split(" ").filter(Boolean);

describe("shingleCounts", () => {
  test("counts 4-grams as a multiset", () => {
    const counts = shingleCounts(words("x x x x x x"));
    expect([...counts.values()]).toEqual([3]);
  });

  test("a text shorter than 4 tokens is one shingle of all its tokens", () => {
    expect([...shingleCounts(["a", "b"]).keys()]).toEqual(["a\u0001b"]);
  });

  test("no tokens, no shingles", () => {
    expect(shingleCounts([]).size).toBe(0);
  });
});

describe("matchShingles", () => {
  test("identical texts are all true positives", () => {
    expect(matchShingles("a b c d e", "a b c d e", aebTokens)).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  test("normalises tp, fp and fn to sum to 1", () => {
    // gold shingles abcd bcde cdef; predicted abcd bcdx → tp 1, fp 1, fn 2
    const match = matchShingles("a b c d e f", "a b c d x", aebTokens);
    expect(match).toEqual({ tp: 0.25, fp: 0.25, fn: 0.5 });
    expect(precisionScore(match)).toBeCloseTo(0.5, 12);
    expect(recallScore(match)).toBeCloseTo(1 / 3, 12);
  });

  test("repeated shingles count as often as they occur", () => {
    // gold has "x x x x" five times, the prediction twice
    const match = matchShingles("x x x x x x x x", "x x x x x", aebTokens);
    expect(precisionScore(match)).toBe(1);
    expect(recallScore(match)).toBeCloseTo(0.4, 12);
  });

  test("short texts only match when all their tokens match", () => {
    const match = matchShingles("a b c", "a b", aebTokens);
    expect(precisionScore(match)).toBe(0);
    expect(recallScore(match)).toBe(0);
  });

  test("an empty prediction has no tp and no fp", () => {
    expect(matchShingles("a b c d", "", aebTokens)).toEqual({ tp: 0, fp: 0, fn: 1 });
  });

  test("Chinese is compared character by character with cjkTokens", () => {
    const match = matchShingles("今天天气很好。", "今天天气很好！网站首页", cjkTokens);
    // gold 今天天气 天天气很 天气很好; prediction adds 气很好网 很好网站 好网站首 网站首页
    expect(precisionScore(match)).toBeCloseTo(3 / 7, 12);
    expect(recallScore(match)).toBe(1);
  });
});

describe("precisionScore / recallScore edge cases", () => {
  test("nothing missing and nothing extra is perfect, even when all zero", () => {
    expect(precisionScore({ tp: 0, fp: 0, fn: 0 })).toBe(1);
    expect(recallScore({ tp: 0, fp: 0, fn: 0 })).toBe(1);
  });

  test("no true positives and no predictions is precision 0", () => {
    expect(precisionScore({ tp: 0, fp: 0, fn: 1 })).toBe(0);
    expect(recallScore({ tp: 0, fp: 1, fn: 0 })).toBe(0);
  });

  test("page F1 is the harmonic mean, 0 when both are 0", () => {
    expect(pageF1({ tp: 0.25, fp: 0.25, fn: 0.5 })).toBeCloseTo(0.4, 12);
    expect(pageF1({ tp: 0, fp: 0.5, fn: 0.5 })).toBe(0);
  });
});

describe("aggregateBodyScores", () => {
  test("averages P and R over different pages and takes F1 from the averages", () => {
    const half = matchShingles("a b c d e f", "a b c d x", aebTokens); // P .5, R 1/3
    const emptyPrediction = matchShingles("a b c d", "", aebTokens); // R 0, not in P
    const emptyGold = matchShingles("", "a b c d", aebTokens); // P 0, not in R
    const bothEmpty = matchShingles("", "", aebTokens); // in neither
    const scores = aggregateBodyScores(
      [half, emptyPrediction, emptyGold, bothEmpty],
      [false, false, false, true],
    );
    expect(scores.precision).toBeCloseTo((0.5 + 0) / 2, 12);
    expect(scores.recall).toBeCloseTo((1 / 3 + 0) / 2, 12);
    const p = 0.25;
    const r = 1 / 6;
    expect(scores.f1).toBeCloseTo((2 * p * r) / (p + r), 12);
    expect(scores.accuracy).toBe(0.25);
    expect(scores.pages).toBe(4);
  });

  test("F1 from averages differs from the mean of page F1s", () => {
    const good = matchShingles("a b c d e", "a b c d e", aebTokens);
    const bad = matchShingles("a b c d e f", "a b c d x", aebTokens);
    const scores = aggregateBodyScores([good, bad], [true, false]);
    const meanOfPageF1 = (pageF1(good) + pageF1(bad)) / 2;
    expect(scores.f1).not.toBeCloseTo(meanOfPageF1, 6);
    expect(scores.f1).toBeCloseTo((2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3), 12);
  });

  test("no pages at all gives zeros instead of failing", () => {
    expect(aggregateBodyScores([], [])).toEqual({ precision: 0, recall: 0, f1: 0, accuracy: 0, pages: 0 });
  });
});

test("tokensIdentical ignores punctuation and spacing but not words", () => {
  expect(tokensIdentical("Hello,  world!", "Hello world", aebTokens)).toBe(true);
  expect(tokensIdentical("Hello world", "hello world", aebTokens)).toBe(false);
});
