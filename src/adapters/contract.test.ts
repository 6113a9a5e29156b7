import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AdapterRegistry } from "./adapter-registry.js";
import { type Contract, contractAdapters, loadContracts, runContract } from "./contract.js";
import { formatContractResult, formatSummary } from "./contract-report.js";
import { defineAdapter } from "./define-adapter.js";

const PAGE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>某镇举办展销会_某镇网</title></head><body>
<h1>某镇举办展销会</h1><div class="info"><span class="num">88</span></div>
<div class="body">
<p>1月10日上午，某镇冬季农产品展销会在镇文化广场开幕，六十余家合作社和农户带来了腊肉、红薯粉条等特色年货。</p>
<p>展销会为期五天，现场设置了特色农产品、非遗手工艺品和电商直播三个展区，参展农产品全部经过质量检测。</p>
<p>据统计，开幕当天展销会累计接待市民一万余人次，现场销售额超过四十万元，线上订单两千余单。</p>
</div>
<div class="pager"><a class="next" href="/list_2.html">下一页</a></div>
</body></html>`;

const temp = mkdtempSync(join(tmpdir(), "caiji-contract-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function contract(expect: Record<string, unknown>, url = "http://www.a.cn/news/1.html"): Contract {
  return {
    adapter: "site",
    name: "case",
    dir: temp,
    file: { url, contentType: "text/html; charset=utf-8", expect },
    body: new TextEncoder().encode(PAGE),
  };
}

const registry = new AdapterRegistry([
  defineAdapter({
    name: "site",
    hosts: ["www.a.cn"],
    fields: { views: "span.num" },
    // Three short paragraphs are too little for the generic classifier to call the page an article.
    pages: { article: ["/news/*.html"] },
    links: { pagination: "div.pager a.next" },
  }),
]);

describe("runContract", () => {
  it("passes when every stated field matches, checking only what is stated", () => {
    const result = runContract(
      registry,
      contract({
        site: "site",
        kind: "article",
        views: 88,
        textStartsWith: "1月10日上午",
        textContains: ["三个展区"],
        textNotContains: ["下一页"],
        linksContain: ["http://www.a.cn/list_2.html"],
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.checks.map((check) => [check.field, check.pass])).toEqual([
      ["site", true],
      ["kind", true],
      ["views", true],
      ["text starts with", true],
      ["text contains", true],
      ["text lacks", true],
      ["follows link", true],
    ]);
    expect(result.passed).toBe(true);
  });

  it("fails field by field, saying what came out instead", () => {
    const result = runContract(
      registry,
      contract({ views: 89, title: "某镇举办展销会", publishedAt: "2023-01-10" }),
    );
    expect(result.passed).toBe(false);
    const table = formatContractResult(result);
    expect(table).toMatch(/FAIL {2}views\s+expected 89, got 88/);
    expect(table).toMatch(/ok {4}title/);
    expect(table).toMatch(/FAIL {2}publishedAt\s+expected "2023-01-10", got null/);
  });

  it("checks the routing: a URL another adapter (or none) owns fails `site`", () => {
    const result = runContract(registry, contract({ site: "site" }, "http://www.b.cn/news/1.html"));
    expect(result.checks[0]).toMatchObject({ field: "site", pass: false, actual: "generic" });
  });

  it("fails on a page with no content when it states record fields, not when it states only links", () => {
    const empty = {
      ...contract({ title: "x" }),
      body: new TextEncoder().encode("<html><body></body></html>"),
    };
    expect(runContract(registry, empty).errors[0]).toMatch(/no record/);
    const linksOnly = { ...empty, file: { ...empty.file, expect: { site: "site" } } };
    expect(runContract(registry, linksOnly).passed).toBe(true);
  });

  it("summarises contracts and checks", () => {
    const pass = runContract(registry, contract({ views: 88 }));
    const fail = runContract(registry, contract({ views: 1 }));
    expect(formatSummary([pass, fail], [])).toBe("2 contracts, 2 checks: 1 passed, 1 failed");
  });
});

describe("loadContracts", () => {
  it("finds case folders with an expected.json, sorted, and names a malformed file in one line", () => {
    const root = join(temp, "fixtures");
    for (const name of ["b-case", "a-case"]) {
      mkdirSync(join(root, "site", name), { recursive: true });
      writeFileSync(join(root, "site", name, "page.html"), PAGE);
      writeFileSync(
        join(root, "site", name, "expected.json"),
        JSON.stringify({ url: "http://www.a.cn/1.html", expect: {} }),
      );
    }
    mkdirSync(join(root, "site", "not-a-case"), { recursive: true });
    expect(contractAdapters(root)).toEqual(["site"]);
    expect(loadContracts(root, "site").map((c) => c.name)).toEqual(["a-case", "b-case"]);
    expect(loadContracts(root, "missing")).toEqual([]);

    writeFileSync(
      join(root, "site", "b-case", "expected.json"),
      JSON.stringify({ url: "x", expect: { views: "1" } }),
    );
    expect(() => loadContracts(root, "site")).toThrow(/b-case.expected\.json: url: /);
  });
});
