import { describe, expect, it } from "vitest";
import { registrableDomain, Scope } from "./scope.js";

describe("Scope", () => {
  it("stays on the seeds' hosts, treating www. and bare host as one site", () => {
    const scope = new Scope({ seeds: ["https://www.example.cn/news/"] });
    expect(scope.check("https://www.example.cn/a/1.html")).toEqual({ inScope: true });
    expect(scope.check("http://example.cn/a/2.html")).toEqual({ inScope: true });
    expect(scope.check("https://news.example.cn/a/3.html")).toEqual({ inScope: false, reason: "off-site" });
    expect(scope.check("https://other.cn/")).toEqual({ inScope: false, reason: "off-site" });
    expect(scope.check("mailto:a@example.cn")).toEqual({ inScope: false, reason: "not-http" });
  });

  it("admits subdomains of the registrable domain with same-domain", () => {
    const scope = new Scope({ seeds: ["https://www.sina.com.cn/"], strategy: "same-domain" });
    expect(scope.allows("https://news.sina.com.cn/c/2023-01-10/doc-1.shtml")).toBe(true);
    expect(scope.allows("https://sina.com.cn/")).toBe(true);
    expect(scope.allows("https://www.sohu.com/a/1")).toBe(false);
    // a sibling registration under com.cn is another site
    expect(scope.allows("https://www.163.com.cn/")).toBe(false);
  });

  it("does not take a public suffix for a site (www.gov.cn does not admit every government site)", () => {
    const scope = new Scope({ seeds: ["https://www.gov.cn/"], strategy: "same-domain" });
    expect(scope.allows("https://gov.cn/zhengce/1.htm")).toBe(true);
    expect(scope.allows("https://www.beijing.gov.cn/")).toBe(false);
  });

  it("admits every host with all, but still applies exclude and depth", () => {
    const scope = new Scope({ seeds: ["https://a.cn/"], strategy: "all", exclude: ["/login*"], maxDepth: 1 });
    expect(scope.allows("https://b.cn/x")).toBe(true);
    expect(scope.check("https://b.cn/login.html")).toEqual({ inScope: false, reason: "excluded" });
    expect(scope.check("https://b.cn/x", 2)).toEqual({ inScope: false, reason: "too-deep" });
  });

  it.each([
    ["/search/**", "https://www.example.cn/search/q?kw=1", false],
    ["/search/**", "https://www.example.cn/news/search.html", true],
    ["/**/*.pdf", "https://www.example.cn/files/2023/a.pdf", false],
    ["*.example.cn/print/**", "https://www.example.cn/print/1.html", false],
    ["https://www.example.cn/*.php?*", "https://www.example.cn/list.php?tid=3", false],
    ["https://www.example.cn/*.php?*", "https://www.example.cn/a/list.php?tid=3", true],
  ])("exclude %s against %s → in scope: %s", (glob, url, expected) => {
    const scope = new Scope({ seeds: ["https://www.example.cn/"], exclude: [glob] });
    expect(scope.allows(url)).toBe(expected);
  });

  it("lets include widen the scope beyond the seeds, while exclude still wins", () => {
    const scope = new Scope({
      seeds: ["https://www.example.cn/"],
      include: ["*.gov.cn/**", "https://partner.cn/news/**"],
      exclude: ["/**/*.zip"],
    });
    expect(scope.allows("https://www.beijing.gov.cn/zhengce/1.html")).toBe(true);
    expect(scope.allows("https://partner.cn/news/2023/1.html")).toBe(true);
    expect(scope.allows("https://partner.cn/shop/1.html")).toBe(false);
    expect(scope.allows("https://www.beijing.gov.cn/files/a.zip")).toBe(false);
  });

  it("checks depth against maxDepth (seeds are depth 0)", () => {
    const scope = new Scope({ seeds: ["https://a.cn/"], maxDepth: 2 });
    expect(scope.allows("https://a.cn/x", 0)).toBe(true);
    expect(scope.allows("https://a.cn/x", 2)).toBe(true);
    expect(scope.check("https://a.cn/x", 3)).toEqual({ inScope: false, reason: "too-deep" });
  });

  it("follows a seed that redirected to another site once told", () => {
    const scope = new Scope({ seeds: ["http://old.cn/"] });
    expect(scope.allows("https://www.new.com.cn/a/1.html")).toBe(false);
    scope.addSite("https://www.new.com.cn/");
    expect(scope.allows("https://new.com.cn/a/1.html")).toBe(true);
  });

  it("keeps count of the page budget", () => {
    expect(new Scope({ seeds: ["https://a.cn/"] }).withinPageBudget(1_000_000)).toBe(true);
    const scope = new Scope({ seeds: ["https://a.cn/"], maxPages: 10 });
    expect(scope.withinPageBudget(9)).toBe(true);
    expect(scope.withinPageBudget(10)).toBe(false);
  });
});

describe("registrableDomain", () => {
  it.each([
    ["news.sina.com.cn", "sina.com.cn"],
    ["www.beijing.gov.cn", "beijing.gov.cn"],
    ["www.gov.cn", "www.gov.cn"], // gov.cn is a public suffix; www.gov.cn is a registration under it
    ["www.example.cn", "example.cn"],
    ["a.b.example.com", "example.com"],
    ["www.bbc.co.uk", "bbc.co.uk"],
    ["127.0.0.1", "127.0.0.1"],
    ["localhost", "localhost"],
  ])("%s → %s", (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });
});
