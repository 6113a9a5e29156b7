import { describe, expect, it } from "vitest";
import { compilePattern, globToRegExp, hostScore } from "./url-pattern.js";

const url = (href: string) => new URL(href);

describe("compilePattern", () => {
  it.each([
    ["/news/**", "http://a.cn/news/2023/0110/1.html", true],
    ["/news/*.html", "http://a.cn/news/1.html", true],
    ["/news/*.html", "http://a.cn/news/2023/1.html", false],
    ["/list.php?tid=*", "http://a.cn/list.php?tid=3", true],
    ["/list.php?tid=*", "http://a.cn/listXphp?tid=3", false],
    ["/a.html", "http://a.cn/aXhtml", false],
    ["http://*.a.cn/news/**", "http://www.a.cn/news/1.html", true],
    ["http://*.a.cn/news/**", "http://www.b.cn/news/1.html", false],
    ["https://a.cn/**", "http://a.cn/x", false],
  ])("glob %s on %s → %s", (pattern, href, expected) => {
    expect(compilePattern(pattern).test(url(href))).toBe(expected);
  });

  it("tests regexps against the whole URL, and a global regexp gives the same answer twice", () => {
    const pattern = compilePattern(/\/\d{4}\/\d{4}\/\d+\.html$/g);
    expect(pattern.test(url("http://a.cn/news/2023/0110/1.html"))).toBe(true);
    expect(pattern.test(url("http://a.cn/news/2023/0110/1.html"))).toBe(true);
    expect(pattern.test(url("http://a.cn/news/index.html"))).toBe(false);
  });

  it("counts literal characters, so a longer fixed part is more specific", () => {
    expect(compilePattern("/news/2023/**").literalLength).toBeGreaterThan(
      compilePattern("/news/**").literalLength,
    );
  });

  it("keeps regexp metacharacters in globs literal", () => {
    expect(globToRegExp("/a+b(1).html").test("/a+b(1).html")).toBe(true);
    expect(globToRegExp("/a+b(1).html").test("/aab1.html")).toBe(false);
  });
});

describe("hostScore", () => {
  it("ranks exact over a wildcard fixing more labels over one fixing fewer", () => {
    const target = url("http://www.news.example.cn/a.html");
    const exact = hostScore("www.news.example.cn", target);
    const narrow = hostScore("*.news.example.cn", target);
    const wide = hostScore("*.example.cn", target);
    expect(exact).toBeGreaterThan(narrow);
    expect(narrow).toBeGreaterThan(wide);
    expect(wide).toBeGreaterThan(0);
  });

  it("never lets a wildcard match the bare domain or a look-alike", () => {
    expect(hostScore("*.example.cn", url("http://example.cn/"))).toBe(0);
    expect(hostScore("*.example.cn", url("http://badexample.cn/"))).toBe(0);
  });

  it("matches the port only when the rule names one", () => {
    expect(hostScore("127.0.0.1", url("http://127.0.0.1:8080/"))).toBeGreaterThan(0);
    expect(hostScore("127.0.0.1:8080", url("http://127.0.0.1:8080/"))).toBeGreaterThan(0);
    expect(hostScore("127.0.0.1:8081", url("http://127.0.0.1:8080/"))).toBe(0);
  });

  it("ignores case", () => {
    expect(hostScore("News.Example.CN", url("http://news.example.cn/"))).toBeGreaterThan(0);
  });
});
