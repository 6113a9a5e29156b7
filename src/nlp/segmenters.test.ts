import { describe, expect, it } from "vitest";
import { keywordSchema } from "../output/record-schema.js";
import { createNodeRsSegmenter } from "./node-rs-segmenter.js";
import { createNodejsJiebaSegmenter } from "./nodejs-jieba-segmenter.js";

const headline = "点燃科创引擎 激活澎湃动力 区科技局以实干担当";
const paragraph =
  "点燃科创引擎，激活澎湃动力。区科技局以实干担当奋力书写科技创新“新篇章”！全年科创载体开工建设92万㎡，" +
  "推进建设120万㎡ ➥ 科技型中小企业评价备案入库1007家，同比增长42.6%。我们认为，科创载体是科创引擎的基础。" +
  "（2023年1月10日）Writer: admin — 『特别声明』【责任编辑：张三】";

/** Whitespace, ASCII and full-width punctuation, and symbols: none may be a token. */
const punctuationOrSpace = /^[\s\p{P}\p{S}]+$/u;

describe.each([
  ["node-rs", createNodeRsSegmenter],
  ["nodejs-jieba", createNodejsJiebaSegmenter],
])("%s segmenter", (name, create) => {
  const segmenter = create();

  it("reports its name", () => {
    expect(segmenter.name).toBe(name);
  });

  it("keeps 科创 (found by HMM) and 科技局 as words", () => {
    const tokens = segmenter.cut(headline);
    expect(tokens).toContain("科创");
    expect(tokens).toContain("科技局");
    expect(tokens.join("")).toBe(headline.replace(/\s/g, ""));
  });

  it("drops whitespace, punctuation and symbol tokens", () => {
    const tokens = segmenter.cut(paragraph);
    expect(tokens.length).toBeGreaterThan(30);
    expect(tokens.filter((t) => punctuationOrSpace.test(t))).toEqual([]);
    for (const symbol of ["，", "。", "“", "”", "！", "㎡", "➥", "（", "）", "『", "【", "—", ":"]) {
      expect(tokens).not.toContain(symbol);
    }
    expect(tokens).toContain("Writer");
  });

  it("returns nothing for empty or blank text", () => {
    expect(segmenter.cut("")).toEqual([]);
    expect(segmenter.cut(" \n\u3000 ")).toEqual([]);
    expect(segmenter.keywords("", 10)).toEqual([]);
  });

  it("ranks keywords by weight, rounded to 4 decimals, without numbers, single characters or stop words", () => {
    const keywords = segmenter.keywords(paragraph, 8);
    expect(keywords).toHaveLength(8);
    expect(keywords[0]?.word).toBe("科创");
    for (const keyword of keywords) {
      expect(keywordSchema.parse(keyword)).toEqual(keyword);
      expect(Number(keyword.weight.toFixed(4))).toBe(keyword.weight);
      expect([...keyword.word].length).toBeGreaterThan(1);
      expect(keyword.word).not.toMatch(/^[\d.%-]+$/);
    }
    const words = keywords.map((k) => k.word);
    expect(words).not.toContain("我们");
    expect(words).not.toContain("认为");
    const weights = keywords.map((k) => k.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it("returns at most topN keywords", () => {
    expect(segmenter.keywords(paragraph, 3)).toHaveLength(3);
    expect(segmenter.keywords(paragraph, 0)).toEqual([]);
  });
});

describe("the two bindings", () => {
  it("give keyword weights on the same scale (relative term frequency × IDF)", () => {
    const a = createNodeRsSegmenter().keywords(paragraph, 1)[0];
    const b = createNodejsJiebaSegmenter().keywords(paragraph, 1)[0];
    expect(a?.word).toBe(b?.word);
    expect(Math.abs((a?.weight ?? 0) - (b?.weight ?? 0)) / (a?.weight ?? 1)).toBeLessThan(0.2);
  });
});
