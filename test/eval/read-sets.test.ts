import { rmSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { unwrapCleanEvalPage } from "../../src/eval/cleaneval-wrapper.js";
import { CorpusError } from "../../src/eval/corpus-files.js";
import { readSet, resolveSets } from "../../src/eval/eval-sets.js";
import { aebIdOf } from "../../src/eval/read-aeb.js";
import { cleanEvalGoldText, readCleanEval } from "../../src/eval/read-cleaneval.js";
import { parseAuthorLabel, parseDateLabel, readCwced } from "../../src/eval/read-cwced.js";
import { parseGneLabels } from "../../src/eval/read-gne.js";
import { checkAebUpstream } from "../../src/eval/upstream-check.js";
import { buildMiniCorpus, paragraphsA, paragraphsEn, tempDir, writeTree } from "./mini-corpus.js";

let root: string;
beforeAll(() => {
  root = buildMiniCorpus();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const readById = (id: string) => {
  const [spec] = resolveSets(id);
  if (!spec) throw new Error(id);
  return readSet(spec, root);
};

describe("cwced labels", () => {
  test.each([
    ["UNKNOWN", []],
    ["UNKNWON", []],
    ["王建宏 张文攀\n", ["王建宏 张文攀"]],
    ["", undefined],
    [undefined, undefined],
  ])("author label %j", (text, expected) => {
    expect(parseAuthorLabel(text)).toEqual(expected);
  });

  test("date labels: absent, partial, unusable, unlabelled", () => {
    expect(parseDateLabel("UNKNOWN")).toEqual({ kind: "absent" });
    expect(parseDateLabel("2018")).toEqual({ kind: "date", parts: { year: 2018 }, text: "2018" });
    expect(parseDateLabel("刘涛")).toEqual({ kind: "unusable", text: "刘涛" });
    expect(parseDateLabel(" \n")).toEqual({ kind: "unlabelled" });
  });
});

describe("readCwced", () => {
  test("reads raw bytes, body gold, authors and dates, with a synthetic URL", () => {
    const data = readCwced(join(root, "zh/cwced"));
    expect(data.lang).toBe("zh");
    expect(data.cases.map((c) => c.file)).toEqual(["original/a1.html", "original/b2.html"]);
    const [a, b] = data.cases;
    expect(a?.url).toBe("http://corpus.local/cwced/original/a1.html");
    expect(a?.gold.body).toBe(paragraphsA.join("\n"));
    expect(a?.gold.authors).toEqual(["张三 李四"]);
    expect(a?.gold.published).toEqual({ year: 2023, month: 1, day: 10, hour: 10, minute: 20 });
    expect(b?.gold.authors).toEqual([]);
    expect(b?.gold.published).toEqual({ year: 2021, month: 3 });
    // the GBK page is handed over undecoded
    expect(iconv.decode(Buffer.from(b?.body ?? []), "gbk")).toContain("河道治理工程");
  });

  test("a date label that is not a date is not scored and is noted", () => {
    const dir = tempDir();
    writeTree(dir, {
      "original/x.html": "<p>x</p>",
      "cleaned/x.txt": "x",
      "author/x.txt": "刘涛",
      "date/x.txt": "刘涛",
    });
    const data = readCwced(dir);
    expect(data.cases[0]?.gold.published).toBeUndefined();
    expect(data.cases[0]?.gold.authors).toEqual(["刘涛"]);
    expect(data.notes).toEqual(['original/x.html: gold date "刘涛" is not a date: date not scored']);
    rmSync(dir, { recursive: true });
  });

  test("a CleanEval page still in its wrapper is unwrapped, with the wrapper's URL, and noted", () => {
    const dir = tempDir();
    writeTree(dir, {
      "original/w.html":
        '<text id="http://w.example.cn/a.htm" title="t" encoding="gb2312">\n<html><p>正文</p></html>\n</text>\n',
      "cleaned/w.txt": "正文",
    });
    const data = readCwced(dir);
    expect(data.cases[0]?.url).toBe("http://w.example.cn/a.htm");
    expect(
      Buffer.from(data.cases[0]?.body ?? [])
        .toString("utf8")
        .trim(),
    ).toBe("<html><p>正文</p></html>");
    expect(data.notes[0]).toMatch(/^1 pages are CleanEval pages still in its <text id=URL> wrapper/);
    rmSync(dir, { recursive: true });
  });

  test("a page without a cleaned file is a corpus error naming the file", () => {
    const dir = tempDir();
    writeTree(dir, { "original/y.html": "<p>y</p>" });
    expect(() => readCwced(dir)).toThrow(/cleaned\/y\.txt/);
    rmSync(dir, { recursive: true });
  });
});

describe("CleanEval", () => {
  test("unwrapCleanEvalPage cuts the wrapper as bytes and takes the URL from its id", () => {
    const inner = iconv.encode("<html><body><p>正文内容</p></body></html>", "gbk");
    const wrapped = Buffer.concat([
      Buffer.from('<text id="http://a.example.cn/x.htm" title="'),
      iconv.encode("标题", "gbk"),
      Buffer.from('" encoding="gb2312">\n'),
      inner,
      Buffer.from("\n</text>\n"),
    ]);
    const { body, url } = unwrapCleanEvalPage(wrapped);
    expect(url).toBe("http://a.example.cn/x.htm");
    expect(Buffer.from(body).toString("latin1").trim()).toBe(inner.toString("latin1"));
  });

  test("a page without a wrapper is left alone", () => {
    const bytes = Buffer.from("<html><p>x</p></html>");
    expect(unwrapCleanEvalPage(bytes)).toEqual({ body: bytes, url: undefined });
  });

  test("cleanEvalGoldText drops the BOM, URL line and paragraph marks, keeps the text", () => {
    const raw =
      "\uFEFFURL: http://a.example.cn/x.htm\n\n<h>  标题\n\n<p>第一段\n   续行\n<P>第二段\n<l>列表项 <.net框架程序设计>\n";
    expect(cleanEvalGoldText(raw)).toBe("标题\n\n第一段\n   续行\n第二段\n列表项 <.net框架程序设计>");
  });

  test("readCleanEval: real URL, unwrapped page, empty label files are unlabelled", () => {
    const data = readCleanEval(join(root, "zh/cleaneval"));
    const [page] = data.cases;
    expect(page?.url).toBe("http://news.example.cn/2023/0110/a.html");
    expect(Buffer.from(page?.body ?? []).toString("latin1")).toMatch(/^<!DOCTYPE html>/);
    expect(page?.gold.body?.startsWith("城东新区建成三座社区图书馆")).toBe(true);
    expect(page?.gold.body).not.toMatch(/<[hpl]>|URL:/);
    expect(page?.gold.authors).toBeUndefined();
    expect(page?.gold.published).toBeUndefined();
  });
});

describe("GNE", () => {
  test("labels become gold fields and snippets", () => {
    const data = readById("gne");
    const [page] = data.cases;
    expect(page?.file).toBe("tests/site/1.html");
    expect(page?.gold).toMatchObject({
      title: "城东新区建成三座社区图书馆",
      published: { year: 2023, month: 1, day: 10, hour: 10, minute: 20, offsetMinutes: 480 },
      authors: ["张三", "李四"],
      source: null,
      views: null,
      mustContain: ["每座馆藏图书超过两万册", "读者可以凭身份证免费办理借阅卡"],
      bodyFirst: "今年春季，本市在城东新区建成了三座社区图书馆",
    });
    expect(page?.gold.body).toBeUndefined();
  });

  test("a malformed label line is an error naming the line", () => {
    const line = JSON.stringify({
      file: "a.html",
      title: "t",
      published: null,
      author: "not a list",
      source: null,
      views: null,
    });
    expect(() => parseGneLabels(`\n${line}\n`)).toThrow(/labels\.jsonl:2: author/);
    expect(() => parseGneLabels("{not json")).toThrow(CorpusError);
  });
});

describe("AEB", () => {
  test("gunzips pages and takes URL and body from the ground truth", () => {
    const data = readById("aeb");
    expect(data.lang).toBe("en");
    const [page] = data.cases;
    expect(aebIdOf(page?.file ?? "")).toBe("p1");
    expect(page?.url).toBe("https://news.example.com/libraries");
    expect(Buffer.from(page?.body ?? []).toString("utf8")).toContain("Council approves three libraries");
    expect(page?.gold.body).toBe(paragraphsEn.join("\n"));
  });

  test("the upstream check rescores the recorded outputs that are present", () => {
    const [check, ...rest] = checkAebUpstream(join(root, "en/aeb"));
    expect(rest).toEqual([]);
    expect(check).toMatchObject({
      name: "readability_js",
      version: "0.6.0",
      publishedF1: 0.947,
      f1: 1,
      pages: 1,
    });
  });
});

describe("meta sets", () => {
  test("readability: its expected title and byline", () => {
    const [page] = readById("meta/readability").cases;
    expect(page?.file).toBe("case1/source.html");
    expect(page?.gold).toEqual({
      title: "城东新区建成三座社区图书馆_示例新闻网",
      authors: ["作者：张三 李四"],
    });
  });

  test("trafilatura: URL from the key, empty author = none, with/without; unlabelled pages noted", () => {
    const data = readById("meta/trafilatura");
    expect(data.cases).toHaveLength(1);
    expect(data.cases[0]).toMatchObject({
      file: "html/a.html",
      url: "http://news.example.cn/a.html",
      gold: {
        authors: [],
        mustContain: ["每座馆藏图书超过两万册"],
        mustNotContain: ["关于我们"],
        published: { year: 2023, month: 1, day: 10 },
      },
    });
    expect(data.notes).toEqual(["html/unlabelled.html: no gold entry, not scored"]);
  });

  test("htmldate: date only", () => {
    const [page] = readById("meta/htmldate").cases;
    expect(page?.gold).toEqual({ published: { year: 2021, month: 3, day: 5 }, publishedText: "2021-03-05" });
  });
});

describe("sets", () => {
  test("all, meta and single names", () => {
    expect(resolveSets("all").map((s) => s.id)).toEqual([
      "cwced",
      "cleaneval",
      "gne",
      "aeb",
      "meta/readability",
      "meta/trafilatura",
      "meta/htmldate",
    ]);
    expect(resolveSets("meta")).toHaveLength(3);
    expect(() => resolveSets("cleanevel")).toThrow(/unknown set "cleanevel" \(known: cwced, cleaneval/);
  });

  test("a missing set folder or corpus root is one clear line", () => {
    const empty = tempDir();
    const [cwced] = resolveSets("cwced");
    if (!cwced) throw new Error("cwced");
    expect(() => readSet(cwced, empty)).toThrow(`set cwced: folder zh/cwced not found under ${empty}`);
    expect(() => readSet(cwced, join(empty, "nope"))).toThrow(/^corpus folder not found: /);
    rmSync(empty, { recursive: true });
  });
});
