import { describe, expect, it } from "vitest";
import { hostOf, normalizeUrl } from "./normalize-url.js";

describe("normalizeUrl", () => {
  it.each([
    [
      "lower-cases scheme and host",
      "HTTP://News.Example.CN/Path/A.html",
      "http://news.example.cn/Path/A.html",
    ],
    ["drops the default http port", "http://example.cn:80/a", "http://example.cn/a"],
    ["drops the default https port", "https://example.cn:443/a", "https://example.cn/a"],
    ["keeps a non-default port", "http://127.0.0.1:8080/a", "http://127.0.0.1:8080/a"],
    ["keeps the https-default port on http", "http://example.cn:443/a", "http://example.cn:443/a"],
    ["drops the fragment", "https://example.cn/a.html#comments", "https://example.cn/a.html"],
    ["gives an empty path a slash", "https://example.cn", "https://example.cn/"],
    ["keeps a trailing slash", "https://example.cn/news/", "https://example.cn/news/"],
    ["does not add a trailing slash", "https://example.cn/news", "https://example.cn/news"],
    ["does not equate index.html with /", "https://example.cn/index.html", "https://example.cn/index.html"],
    ["keeps path case", "https://example.cn/Art/2023/A1.SHTML", "https://example.cn/Art/2023/A1.SHTML"],
    ["resolves dot segments", "https://example.cn/a/./b/../c.html", "https://example.cn/a/c.html"],
    ["sorts query keys", "https://example.cn/s?id=5&cat=2&a=", "https://example.cn/s?a=&cat=2&id=5"],
    [
      "keeps the order of repeated keys",
      "https://example.cn/s?b=1&a=2&a=1",
      "https://example.cn/s?a=2&a=1&b=1",
    ],
    [
      "drops utm_* parameters",
      "https://example.cn/a?utm_source=wx&utm_medium=share&id=1",
      "https://example.cn/a?id=1",
    ],
    ["drops spm", "https://example.cn/a?spm=a21.b.c.1&id=1", "https://example.cn/a?id=1"],
    [
      "drops from/isappinstalled",
      "https://example.cn/a?from=singlemessage&isappinstalled=0",
      "https://example.cn/a",
    ],
    [
      "drops share_token and fromsource",
      "https://example.cn/a?share_token=x&fromsource=y&p=2",
      "https://example.cn/a?p=2",
    ],
    ["drops click ids", "https://example.cn/a?gclid=1&fbclid=2&msclkid=3&x=1", "https://example.cn/a?x=1"],
    [
      "drops mail campaign ids",
      "https://example.cn/a?mc_cid=1&mc_eid=2&_hsenc=3&x=1",
      "https://example.cn/a?x=1",
    ],
    [
      "drops tracking keys whatever their case",
      "https://example.cn/a?WT.mc_id=1&UTM_Campaign=2&Ref=3",
      "https://example.cn/a",
    ],
    [
      "drops a percent-escaped tracking key",
      "https://example.cn/a?utm%5Fsource=1&x=1",
      "https://example.cn/a?x=1",
    ],
    [
      "keeps keys that only start like a tracking key",
      "https://example.cn/a?reference=1&spmx=2",
      "https://example.cn/a?reference=1&spmx=2",
    ],
    ["drops an empty query", "https://example.cn/a?", "https://example.cn/a"],
    ["drops empty query pairs", "https://example.cn/a?&b=1&&a=2&", "https://example.cn/a?a=2&b=1"],
    ["keeps + and %20 apart", "https://example.cn/s?q=a+b&r=a%20b", "https://example.cn/s?q=a+b&r=a%20b"],
    ["keeps = inside a value", "https://example.cn/s?token=ab==", "https://example.cn/s?token=ab=="],
    [
      "decodes unreserved escapes in the path",
      "https://example.cn/%7Euser/%61%2D%5F%2e",
      "https://example.cn/~user/a-_.",
    ],
    ["decodes unreserved escapes in the query", "https://example.cn/s?%61=%31", "https://example.cn/s?a=1"],
    [
      "keeps reserved escapes, hex upper-cased",
      "https://example.cn/a%2fb?q=%2f%26",
      "https://example.cn/a%2Fb?q=%2F%26",
    ],
    [
      "percent-encodes Chinese in path and query as UTF-8",
      "https://example.cn/新闻/列表?关键词=采集",
      "https://example.cn/%E6%96%B0%E9%97%BB/%E5%88%97%E8%A1%A8?%E5%85%B3%E9%94%AE%E8%AF%8D=%E9%87%87%E9%9B%86",
    ],
    ["turns an IDN host into punycode", "https://新闻.中国/a", "https://xn--efvy88h.xn--fiqs8s/a"],
    [
      "strips a servlet session id from the path",
      "http://gov.example.cn/a.jsp;jsessionid=0A1B2C?id=3",
      "http://gov.example.cn/a.jsp?id=3",
    ],
    [
      "strips a session id from the query",
      "http://gov.example.cn/a.php?PHPSESSID=abc&id=3",
      "http://gov.example.cn/a.php?id=3",
    ],
    ["trims surrounding whitespace", "  https://example.cn/a \n", "https://example.cn/a"],
  ])("%s", (_name, input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
    // Idempotent: a normalised URL is its own normal form.
    expect(normalizeUrl(expected)).toBe(expected);
  });

  it.each([
    [
      "a relative path",
      "../b/c.html?id=1#x",
      "https://example.cn/news/a/index.html",
      "https://example.cn/news/b/c.html?id=1",
    ],
    [
      "a root-relative path",
      "/list_2.html",
      "https://example.cn/news/a.html",
      "https://example.cn/list_2.html",
    ],
    ["a protocol-relative URL", "//cdn.Example.cn/x", "https://example.cn/", "https://cdn.example.cn/x"],
    [
      "a query-only link",
      "?page=2&utm_source=x",
      "https://example.cn/list?page=1",
      "https://example.cn/list?page=2",
    ],
    ["an absolute URL ignores the base", "http://other.cn/a", "https://example.cn/", "http://other.cn/a"],
  ])("resolves %s against the base", (_name, input, base, expected) => {
    expect(normalizeUrl(input, base)).toBe(expected);
  });

  it.each([
    ["mailto", "mailto:editor@example.cn"],
    ["javascript", "javascript:void(0)"],
    ["data", "data:text/html,<p>x</p>"],
    ["ftp", "ftp://example.cn/file"],
    ["tel", "tel:+861012345678"],
    ["a bare word", "news"],
    ["an empty string", ""],
    ["a broken host", "http://exa mple.cn/"],
  ])("rejects %s", (_name, input) => {
    expect(normalizeUrl(input)).toBeNull();
  });

  it("rejects a relative link against a non-http base, and an unparsable base", () => {
    expect(normalizeUrl("a.html", "file:///tmp/")).toBeNull();
    expect(normalizeUrl("a.html", "not a base")).toBeNull();
  });

  it("maps spellings of one page to one string", () => {
    const spellings = [
      "https://News.Example.cn:443/article/2023/01/10/123.html?id=9&page=1#top",
      "https://news.example.cn/article/2023/01/10/123.html?page=1&id=9&utm_source=weixin",
      "https://news.example.cn/article/2023/01/10/%31%32%33.html?spm=a.b.c&page=1&id=9",
      "https://news.example.cn/article/2023/01/./10/123.html?page=1&from=timeline&id=9",
    ];
    expect(new Set(spellings.map((url) => normalizeUrl(url))).size).toBe(1);
  });
});

describe("hostOf", () => {
  it.each([
    ["https://News.Example.cn/a", "news.example.cn"],
    ["http://127.0.0.1:8080/x", "127.0.0.1:8080"],
    ["https://example.cn:443/", "example.cn"],
    ["https://新闻.中国/", "xn--efvy88h.xn--fiqs8s"],
    ["mailto:a@b.cn", null],
    ["not a url", null],
  ])("%s → %s", (url, host) => {
    expect(hostOf(url)).toBe(host);
  });
});
