import { describe, expect, it } from "vitest";
import {
  declareUtf8,
  isBlockedHost,
  renderedPage,
  responseCookies,
  sameDocument,
  servedHeaders,
} from "./browser-page-io.js";
import type { Page } from "./page.js";

const fetched: Page = {
  requestedUrl: "http://news.example.cn/a/1.html",
  url: "http://news.example.cn/a/1.html",
  status: 200,
  headers: {
    "content-type": "text/html; charset=iso-8859-1",
    "content-encoding": "gzip",
    "content-length": "812",
    etag: '"abc"',
  },
  body: new Uint8Array([0xc4, 0xe3]),
  fetchedAt: new Date("2024-03-18T01:00:00Z"),
  rendered: false,
};

describe("declareUtf8", () => {
  it.each([
    ['<meta charset="gbk">', '<meta charset="utf-8">'],
    ["<meta charset=gb2312>", "<meta charset=utf-8>"],
    [
      '<meta http-equiv="Content-Type" content="text/html; charset=GB2312" />',
      '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
    ],
    ['<meta name="keywords" content="charset">', '<meta name="keywords" content="charset">'],
    ["<p>charset=gbk</p>", "<p>charset=gbk</p>"],
  ])("%s → %s", (input, output) => {
    expect(declareUtf8(input)).toBe(output);
  });
});

describe("servedHeaders", () => {
  it("serves the decoded body with the charset caiji chose and without wire framing", () => {
    expect(servedHeaders(fetched, "gb18030")).toEqual({
      "content-type": "text/html; charset=gb18030",
      etag: '"abc"',
    });
  });

  it("leaves out set-cookie, which the browser is given apart", () => {
    const withCookie = { ...fetched, headers: { ...fetched.headers, "set-cookie": "sid=1; Path=/" } };
    expect(servedHeaders(withCookie, "utf-8")).not.toHaveProperty("set-cookie");
  });
});

describe("responseCookies", () => {
  const at = (url: string, setCookie: string): Page => ({
    ...fetched,
    url,
    headers: { "set-cookie": setCookie },
  });
  const now = Date.UTC(2026, 0, 1);

  it("splits a joined header where a new cookie starts, not inside an Expires date", () => {
    const cookies = responseCookies(
      at(
        "http://news.example.cn/a/1.html",
        "sid=abc; Path=/, token=t1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; HttpOnly, lang=zh-CN",
      ),
      now,
    );
    expect(cookies).toEqual([
      { name: "sid", value: "abc", domain: "news.example.cn", path: "/" },
      {
        name: "token",
        value: "t1",
        domain: "news.example.cn",
        path: "/a",
        expires: Date.UTC(2037, 9, 21, 7, 28) / 1000,
        httpOnly: true,
      },
      { name: "lang", value: "zh-CN", domain: "news.example.cn", path: "/a" },
    ]);
  });

  it("keeps a Domain the page's host is within (for its subdomains too) and drops one it is not", () => {
    const cookies = responseCookies(
      at("http://www.example.cn/", "a=1; Domain=.example.cn; Max-Age=60; SameSite=lax, b=2; Domain=other.cn"),
      now,
    );
    expect(cookies).toEqual([
      { name: "a", value: "1", domain: ".example.cn", path: "/", expires: now / 1000 + 60, sameSite: "Lax" },
    ]);
  });

  it("keeps the raw value (no percent-decoding) and has none without the header", () => {
    expect(responseCookies(at("https://x.cn/p", "q=%E4%B8%AD; Secure"), now)).toEqual([
      { name: "q", value: "%E4%B8%AD", domain: "x.cn", path: "/", secure: true },
    ]);
    expect(responseCookies({ ...fetched, headers: {} })).toEqual([]);
  });
});

describe("renderedPage", () => {
  it("is the fetched page's identity with the rendered DOM as UTF-8", () => {
    const page = renderedPage(fetched, "<!DOCTYPE html><html><body>你好</body></html>");
    expect(page).toMatchObject({
      url: fetched.url,
      requestedUrl: fetched.requestedUrl,
      status: 200,
      rendered: true,
    });
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["content-encoding"]).toBeUndefined();
    expect(new TextDecoder().decode(page.body)).toContain("你好");
  });
});

describe("isBlockedHost", () => {
  it.each([
    ["https://hm.baidu.com/hm.js?123", true],
    ["https://s4.cnzz.com/z_stat.php?id=1", true],
    ["https://www.googletagmanager.com/gtag/js", true],
    ["https://news.baidu.com/a.js", false],
    ["http://news.example.cn/plus/count.php?aid=1", false],
    ["https://notcnzz.com/x.js", false],
  ])("%s → %s", (url, blocked) => {
    expect(isBlockedHost(url)).toBe(blocked);
  });
});

describe("sameDocument", () => {
  it.each([
    ["http://a.cn/x.html", "http://a.cn/x.html#top", true],
    ["http://a.cn/新闻/1.html", "http://a.cn/%E6%96%B0%E9%97%BB/1.html", true],
    ["http://A.cn:80/x.html", "http://a.cn/x.html", true],
    ["http://a.cn/x.html", "http://a.cn/y.html", false],
  ])("%s vs %s → %s", (a, b, same) => {
    expect(sameDocument(a, b)).toBe(same);
  });
});
