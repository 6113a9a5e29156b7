import { describe, expect, test } from "vitest";
import { parseDateParts } from "./date-match.js";
import { type EvalCase, emptyPrediction, type Prediction } from "./eval-case.js";
import { scoreExtractor } from "./score-set.js";

const page = (file: string, gold: EvalCase["gold"]): EvalCase => ({
  file,
  url: `http://corpus.local/t/${file}`,
  body: new Uint8Array(),
  gold,
});

const predict = (fields: Partial<Prediction>): Prediction => ({ ...emptyPrediction, ...fields });

describe("scoreExtractor", () => {
  test("scores each field only on pages labelled for it", () => {
    const cases = [
      page("a", { title: "标题甲", published: parseDateParts("2020-01-02"), authors: ["张三"], views: 10 }),
      page("b", { title: "标题乙", published: null, authors: [] }),
    ];
    const predictions = [
      predict({ title: "标题甲", publishedAt: "2020-01-02T08:00:00+08:00", authors: ["张三"], views: 11 }),
      predict({ title: "标题丙", publishedAt: "2020-01-01", authors: [] }),
    ];
    const scores = scoreExtractor(cases, predictions, "zh");
    expect(scores.metrics.title).toEqual({ value: 0.5, hits: 1, total: 2 });
    expect(scores.metrics.published).toEqual({ value: 0.5, hits: 1, total: 2 });
    expect(scores.metrics.authors).toEqual({ value: 1, hits: 2, total: 2 });
    expect(scores.metrics.views).toEqual({ value: 0, hits: 0, total: 1 });
    expect(scores.metrics.source).toBeUndefined();
    expect(scores.metrics.bodyF1).toBeUndefined();
    expect(scores.pages[1]?.misses).toEqual([
      { metric: "title", gold: "标题乙", predicted: "标题丙" },
      { metric: "published", gold: "∅", predicted: "2020-01-01" },
    ]);
  });

  test("body figures use the set's tokeniser and AEB's averaging", () => {
    const cases = [page("a", { body: "今天天气很好" }), page("b", { body: "明天下雨" })];
    const predictions = [
      predict({ text: "今天天气很好！网站首页" }),
      predict({ error: "no main text found" }),
    ];
    const scores = scoreExtractor(cases, predictions, "zh");
    // page a: P 3/7, R 1; page b: empty prediction, R 0 and left out of precision
    expect(scores.metrics.bodyPrecision?.value).toBeCloseTo(3 / 7, 12);
    expect(scores.metrics.bodyRecall?.value).toBeCloseTo(0.5, 12);
    expect(scores.metrics.bodyF1?.value).toBeCloseTo((2 * (3 / 7) * 0.5) / (3 / 7 + 0.5), 12);
    expect(scores.metrics.bodyF1?.total).toBe(2);
    expect(scores.bodyAccuracy).toBe(0);
    expect(scores.pages[1]).toMatchObject({
      error: "no main text found",
      body: { f1: 0, predictedChars: 0 },
    });
  });

  test("the English tokeniser keeps a Chinese run whole", () => {
    const cases = [page("a", { body: "今天天气很好" })];
    const scores = scoreExtractor(cases, [predict({ text: "今天天气很好啊" })], "en");
    expect(scores.metrics.bodyF1?.value).toBe(0);
  });

  test("snippets are counted one by one; an empty body contains nothing and keeps nothing", () => {
    const cases = [
      page("a", { mustContain: ["第一句", "第二句"], mustNotContain: ["版权所有", "上一篇"] }),
      page("b", { mustContain: ["第三句"], mustNotContain: ["返回首页"] }),
    ];
    const predictions = [predict({ text: "第一句。\n第 二 句。\n上一篇：别的" }), predict({ text: "" })];
    const scores = scoreExtractor(cases, predictions, "zh");
    expect(scores.metrics.mustContain).toEqual({ value: 2 / 3, hits: 2, total: 3 });
    expect(scores.metrics.mustNotContain).toEqual({ value: 2 / 3, hits: 2, total: 3 });
  });

  test("body start and end", () => {
    const cases = [page("a", { bodyFirst: "正文开头", bodyLast: "正文结尾。" })];
    const scores = scoreExtractor(cases, [predict({ text: "图片说明\n正文开头……正文结尾。" })], "zh");
    expect(scores.metrics.bodyStart?.value).toBe(0);
    expect(scores.metrics.bodyEnd?.value).toBe(1);
    expect(scores.pages[0]?.misses[0]).toMatchObject({ metric: "bodyStart", gold: "正文开头" });
  });

  test("a missing prediction is a bug, not a zero", () => {
    expect(() => scoreExtractor([page("a", { title: "t" })], [], "zh")).toThrow(/no prediction for a/);
  });
});
