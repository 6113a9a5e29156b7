import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatJson } from "./format-json.js";
import {
  adapterTemplate,
  expectationsFrom,
  importSpecifier,
  samplePageFromFile,
  scaffoldAdapter,
} from "./scaffold.js";

const temp = mkdtempSync(join(tmpdir(), "caiji-scaffold-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(temp, name);
  writeFileSync(path, text);
  return path;
}

describe("samplePageFromFile", () => {
  it("takes the address from --page-url, else the canonical link, else og:url", () => {
    const canonical = file(
      "c.html",
      '<html><head><link rel="canonical" href="https://a.cn/1.html"></head></html>',
    );
    const og = file(
      "o.html",
      '<html><head><meta property="og:url" content="https://b.cn/2.html"></head></html>',
    );
    expect(samplePageFromFile(canonical).url).toBe("https://a.cn/1.html");
    expect(samplePageFromFile(og).url).toBe("https://b.cn/2.html");
    expect(samplePageFromFile(og, "http://c.cn/3.html").url).toBe("http://c.cn/3.html");
    expect(samplePageFromFile(og).body).toEqual(new Uint8Array(readFileSync(og)));
  });

  it("says how to name the site when the page does not", () => {
    const bare = file("bare.html", "<html><body><p>hi</p></body></html>");
    expect(() => samplePageFromFile(bare)).toThrow(/--page-url/);
    expect(() => samplePageFromFile(bare, "www.a.cn/x")).toThrow(/http\(s\) URL/);
  });
});

describe("importSpecifier", () => {
  it("is `caiji` in a user's project and a relative path inside caiji's own repository", () => {
    const user = join(temp, "user");
    mkdirSync(user, { recursive: true });
    writeFileSync(join(user, "package.json"), JSON.stringify({ name: "my-crawls" }));
    expect(importSpecifier(user, join(user, "crawlers"))).toBe("caiji");

    const repo = join(temp, "repo");
    mkdirSync(join(repo, "src", "adapters"), { recursive: true });
    writeFileSync(join(repo, "package.json"), JSON.stringify({ name: "caiji" }));
    writeFileSync(join(repo, "src", "adapters", "adapter-api.ts"), "");
    expect(importSpecifier(repo, join(repo, "crawlers"))).toBe("../src/adapters/adapter-api.js");
  });
});

describe("adapterTemplate", () => {
  it("is about ten lines owning the sample's host, with hooks as a commented example", () => {
    const text = adapterTemplate("demo", "www.demo.cn", "caiji");
    expect(text.trim().split("\n").length).toBeLessThanOrEqual(12);
    expect(text).toContain('name: "demo"');
    expect(text).toContain('hosts: ["www.demo.cn"]');
    expect(text).toContain('import { defineAdapter } from "caiji";');
  });
});

describe("expectationsFrom", () => {
  it("states every record field, the kind and quotes from the text", () => {
    const expect_ = expectationsFrom({
      site: "demo",
      kind: "article",
      links: [],
      problem: null,
      record: {
        schemaVersion: 1,
        url: "http://a.cn/1.html",
        canonicalUrl: "http://a.cn/1.html",
        site: "demo",
        title: "标题",
        publishedAt: null,
        authors: [],
        source: null,
        views: 3,
        text: "第一段文字很长很长。\n\n第二段。\n\n第三段。\n\n最后一段。",
        html: "",
        tokens: [],
        keywords: [],
        lang: "zh",
        fetchedAt: "2024-01-01T00:00:00.000Z",
        contentHash: "0".repeat(64),
        fetch: { status: 200, charset: "utf-8", rendered: false },
      },
    });
    expect(expect_).toEqual({
      site: "demo",
      kind: "article",
      title: "标题",
      publishedAt: null,
      authors: [],
      source: null,
      views: 3,
      canonicalUrl: "http://a.cn/1.html",
      lang: "zh",
      charset: "utf-8",
      textStartsWith: "第一段文字很长很长。",
      textEndsWith: "最后一段。",
      textContains: ["第二段。", "第三段。"],
      textNotContains: [],
    });
  });

  it("states only site and kind when there is no record", () => {
    expect(expectationsFrom({ site: "demo", kind: "list", links: [], record: null, problem: "x" })).toEqual({
      site: "demo",
      kind: "list",
    });
  });
});

describe("formatJson", () => {
  it("puts short scalar arrays on one line and long ones one element per line", () => {
    const long = Array.from({ length: 12 }, (_, i) => `第${i}个比较长的字符串`);
    const text = formatJson({ a: ["x", "y"], b: long, c: { d: null }, e: [] });
    expect(text).toContain('"a": ["x", "y"],');
    expect(text).toContain('"b": [\n    "第0个比较长的字符串",');
    expect(text).toContain('"c": {\n    "d": null\n  },');
    expect(text).toContain('"e": []');
    expect(JSON.parse(text)).toEqual({ a: ["x", "y"], b: long, c: { d: null }, e: [] });
  });
});

describe("formatJson with Chinese text", () => {
  it("counts CJK characters as two columns, as the formatter does", () => {
    const quotes = [
      "展销会为期五天，现场设置了特色农产品、非遗手工艺",
      "在电商直播展区，几名返乡青年正通过手机向网友推介",
    ];
    expect(formatJson({ expect: { textContains: quotes } })).toContain('"textContains": [\n      "展销会');
    expect(formatJson({ expect: { textContains: ["短句", "另一句"] } })).toContain(
      '"textContains": ["短句", "另一句"]',
    );
  });
});

describe("scaffoldAdapter", () => {
  const html = `<html lang="zh-CN"><head><meta charset="utf-8"><title>标题</title></head><body><h1>标题</h1>
    <div><p>${"镇文化广场上人头攒动，六十余家合作社和农户带来了腊肉、红薯粉条等特色年货。".repeat(4)}</p>
    <p>${"展销会为期五天，现场设置了特色农产品、非遗手工艺品和电商直播三个展区。".repeat(4)}</p></div></body></html>`;
  const page = (url: string) => ({
    requestedUrl: url,
    url,
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8" },
    body: new TextEncoder().encode(html),
    fetchedAt: new Date(),
    rendered: false,
  });

  it("writes adapter, page and contract; a second case keeps the adapter; an existing case needs --force", async () => {
    const projectDir = join(temp, "project");
    const first = await scaffoldAdapter({
      name: "demo",
      page: page("http://www.demo.cn/a/1.html"),
      projectDir,
    });
    expect(first.adapterCreated).toBe(true);
    expect(readFileSync(first.adapterFile, "utf8")).toContain('hosts: ["www.demo.cn"]');
    const contract = JSON.parse(readFileSync(first.expectedFile, "utf8"));
    expect(contract.url).toBe("http://www.demo.cn/a/1.html");
    expect(contract.contentType).toBe("text/html; charset=utf-8");
    expect(contract.expect).toMatchObject({ site: "demo", title: "标题", views: null });

    writeFileSync(first.adapterFile, readFileSync(first.adapterFile, "utf8").replace("// fields", "fields"));
    const edited = readFileSync(first.adapterFile, "utf8");
    const second = await scaffoldAdapter({
      name: "demo",
      page: page("http://www.demo.cn/a/2.html"),
      projectDir,
      caseName: "second",
    });
    expect(second.adapterCreated).toBe(false);
    expect(readFileSync(second.adapterFile, "utf8")).toBe(edited);

    await expect(
      scaffoldAdapter({ name: "demo", page: page("http://www.demo.cn/a/3.html"), projectDir }),
    ).rejects.toThrow(/article\/expected\.json already exists \(use --force/);
    const replaced = await scaffoldAdapter({
      name: "demo",
      page: page("http://www.demo.cn/a/3.html"),
      projectDir,
      force: true,
    });
    expect(JSON.parse(readFileSync(replaced.expectedFile, "utf8")).url).toBe("http://www.demo.cn/a/3.html");
  });

  it("refuses a bad name before writing anything", async () => {
    await expect(
      scaffoldAdapter({ name: "Demo Site", page: page("http://a.cn/"), projectDir: temp }),
    ).rejects.toThrow(/lower-case/);
  });
});
