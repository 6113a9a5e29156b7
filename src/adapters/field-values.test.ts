import { describe, expect, it } from "vitest";
import { parseHtml } from "../extract/parse-html.js";
import type { Page } from "../fetch/page.js";
import {
  offsetFor,
  readSpec,
  toAuthors,
  toExtra,
  toPublishedAt,
  toSource,
  toTitle,
  toViews,
} from "./field-values.js";

describe("field normalisers", () => {
  it.each([
    ["1523", 1523],
    ["阅读 1,024", 1024],
    ["1.2万", 12_000],
    [" 3.5w 次", 35_000],
    [42, 42],
    [-1, null],
    [1.5, null],
    ["", null],
    [null, null],
    [undefined, undefined],
  ])("views %j → %j", (raw, expected) => {
    expect(toViews(raw)).toBe(expected);
  });

  it.each([
    ["2023-01-10", "2023-01-10"],
    ["2023年1月10日 09:05", "2023-01-10T09:05:00+08:00"],
    ["发布时间：2023/1/10", "2023-01-10"],
    ["2023-01-10T09:05:00+09:00", "2023-01-10T09:05:00+09:00"],
    ["no date here", null],
    [null, null],
    [undefined, undefined],
  ])("publishedAt %j → %j", (raw, expected) => {
    expect(toPublishedAt(raw, "+08:00")).toBe(expected);
  });

  it("writes a Date in the site's offset", () => {
    expect(toPublishedAt(new Date("2023-01-10T01:05:00Z"), "+08:00")).toBe("2023-01-10T09:05:00+08:00");
    expect(toPublishedAt(new Date("2023-01-10T01:05:00Z"), "-05:00")).toBe("2023-01-09T20:05:00-05:00");
    expect(toPublishedAt(new Date(Number.NaN), "+08:00")).toBeNull();
  });

  it.each([
    ["作者：张三、李四", ["张三", "李四"]],
    ["张三 李四", ["张三", "李四"]],
    ["John Smith, Jane Doe", ["John Smith", "Jane Doe"]],
    [
      ["王五", " 王五 ", "赵六"],
      ["王五", "赵六"],
    ],
    ["", []],
    [null, []],
    [undefined, undefined],
  ])("authors %j → %j", (raw, expected) => {
    expect(toAuthors(raw)).toEqual(expected);
  });

  it("strips a label from a source and squashes a title; empty is null", () => {
    expect(toSource("来源： 新华社")).toBe("新华社");
    expect(toSource("  ")).toBeNull();
    expect(toTitle("  一个\n 标题 ")).toBe("一个 标题");
    expect(toTitle("")).toBeNull();
    expect(toTitle(undefined)).toBeUndefined();
  });

  it("keeps extra values JSON-safe", () => {
    expect(toExtra("  a  b ")).toBe("a b");
    expect(toExtra({ n: 1, d: new Date("2023-01-10T00:00:00Z") })).toEqual({
      n: 1,
      d: "2023-01-10T00:00:00.000Z",
    });
    expect(toExtra(undefined)).toBeNull();
  });
});

describe("offsetFor", () => {
  it("keeps an offset, turns a zone into the day's offset, defaults to +08:00", () => {
    expect(offsetFor("+09:00", new Date())).toBe("+09:00");
    expect(offsetFor("Asia/Shanghai", new Date("2023-07-01T00:00:00Z"))).toBe("+08:00");
    expect(offsetFor("America/New_York", new Date("2023-07-01T00:00:00Z"))).toBe("-04:00");
    expect(offsetFor("America/New_York", new Date("2023-01-10T00:00:00Z"))).toBe("-05:00");
    expect(offsetFor("UTC", new Date())).toBe("+00:00");
    expect(offsetFor(undefined, new Date())).toBe("+08:00");
  });
});

describe("readSpec", () => {
  const html = `<html><body><div class="info"><span class="num">阅读 1,523</span><a class="au">张三</a><a class="au">李四</a>
    <meta itemprop="datePublished" content="2023-01-10T08:00:00+08:00"></div></body></html>`;
  const url = "http://www.example.cn/news/2023/0110/5821.html";
  const { document } = parseHtml(html, url);
  const page = { url } as Page;
  const context = { document, page, url, generic: null };

  it("reads a selector's text, an attribute, a capture group, and URL groups joined by dashes", () => {
    expect(readSpec("span.num", context)).toBe("阅读 1,523");
    expect(readSpec({ selector: "meta[itemprop=datePublished]", attr: "content" }, context)).toBe(
      "2023-01-10T08:00:00+08:00",
    );
    expect(readSpec({ selector: "span.num", match: /(\d[\d,]*)/ }, context)).toBe("1,523");
    expect(readSpec({ url: /\/(\d{4})\/(\d{2})(\d{2})\// }, context)).toBe("2023-01-10");
  });

  it("reads every match for list fields", () => {
    expect(readSpec("a.au", context, true)).toEqual(["张三", "李四"]);
  });

  it("says undefined when nothing matches (keep the generic value) and null when a pattern misses", () => {
    expect(readSpec("span.missing", context)).toBeUndefined();
    expect(readSpec({ url: /\/(\d{8})\// }, context)).toBeNull();
  });

  it("hands a function the whole context", () => {
    expect(readSpec(({ url: u, generic }) => `${u.length}:${generic}`, context)).toBe(`${url.length}:null`);
  });
});
