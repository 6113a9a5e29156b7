import { afterEach, describe, expect, it } from "vitest";
import { parseHtml } from "../extract/parse-html.js";
import {
  type DiscoveredLink,
  discoverLinks,
  isPaginationUrl,
  linkKindOfUrl,
  looksLikeArticleUrl,
  looksLikeListUrl,
} from "./discover-links.js";

let disposers: Array<() => void> = [];
afterEach(() => {
  for (const dispose of disposers) dispose();
  disposers = [];
});

function links(body: string, url = "https://www.example.cn/news/index.html", head = ""): DiscoveredLink[] {
  const parsed = parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, url);
  disposers.push(parsed.dispose);
  return discoverLinks(parsed.document, url);
}

const byUrl = (list: DiscoveredLink[]) => Object.fromEntries(list.map((l) => [l.url, l]));

describe("discoverLinks", () => {
  it("resolves relative links, skips non-page links and the page itself, dedupes", () => {
    const found = links(`
      <a href="/a/2023/0110/123.html">国务院召开常务会议部署稳经济一揽子政策</a>
      <a href="../about/">关于我们</a>
      <a href="javascript:void(0)">展开</a>
      <a href="mailto:web@example.cn">来信</a>
      <a href="tel:010-12345678">电话</a>
      <a href="#top">返回顶部</a>
      <a href="">空</a>
      <a href="index.html">本页</a>
      <a href="/files/2023/notice.pdf">附件下载</a>
      <a href="/img/banner.JPG">图</a>
      <a href="/a/2023/0110/123.html#comments">评论</a>
      <a href="https://WWW.EXAMPLE.CN/a/2023/0110/123.html?utm_source=wx">again</a>`);
    expect(found.map((l) => l.url)).toEqual([
      "https://www.example.cn/a/2023/0110/123.html",
      "https://www.example.cn/about/",
    ]);
    expect(found[0]?.text).toBe("国务院召开常务会议部署稳经济一揽子政策");
  });

  it("honours <base href>", () => {
    const found = links(
      `<a href="c/1.html">x</a>`,
      "https://www.example.cn/x/y.html",
      `<base href="https://cdn.example.cn/b/">`,
    );
    expect(found.map((l) => l.url)).toEqual(["https://cdn.example.cn/b/c/1.html"]);
  });

  it("tags article-like and list-like URLs", () => {
    const found = byUrl(
      links(`
        <a href="/a/2023/0110/123.html">短</a>
        <a href="/xwzx/202301/t20230110_5432.html">x</a>
        <a href="https://news.example.cn/c/2023-01-10/doc-imyabcde1234567.shtml">x</a>
        <a href="/plus/view.php?aid=88">x</a>
        <a href="/guonei/">国内</a>
        <a href="/plus/list.php?tid=3">x</a>
        <a href="/node_1234.htm">x</a>
        <a href="/xwzx">x</a>
        <a href="/about-us.html">联系我们</a>
        <a href="/special/story-of-the-year.html">A long story about the year that was in Beijing</a>`),
    );
    const kind = (path: string) => found[`https://www.example.cn${path}`]?.kind;
    expect(kind("/a/2023/0110/123.html")).toBe("article");
    expect(kind("/xwzx/202301/t20230110_5432.html")).toBe("article");
    expect(found["https://news.example.cn/c/2023-01-10/doc-imyabcde1234567.shtml"]?.kind).toBe("article");
    expect(kind("/plus/view.php?aid=88")).toBe("article");
    expect(kind("/guonei/")).toBe("list");
    expect(kind("/plus/list.php?tid=3")).toBe("list");
    expect(kind("/node_1234.htm")).toBe("list");
    expect(kind("/xwzx")).toBe("list");
    expect(kind("/about-us.html")).toBe("unknown");
    expect(kind("/special/story-of-the-year.html")).toBe("article"); // headline-like text decides
  });

  it("finds pagination by text, by pager bar, by rel and by URL", () => {
    const found = byUrl(
      links(
        `<ul class="news-list"><li><a href="/a/1.html">一</a></li></ul>
         <div class="pages"><a href="index.html">首页</a><a href="index_1.html">1</a><a href="index_2.html">2</a>
           <a href="javascript:;" onclick="location.href='index_3.html'">3</a>
           <a href="index_1.html">下一页</a><a href="index_9.html">尾页</a></div>
         <div><a href="/search?page=4">more</a></div>`,
        "https://www.example.cn/news/index.html",
        `<link rel="next" href="/news/index_1.html">`,
      ),
    );
    const pager = (path: string) => found[`https://www.example.cn${path}`];
    for (const path of [
      "/news/index_1.html",
      "/news/index_2.html",
      "/news/index_3.html",
      "/news/index_9.html",
      "/search?page=4",
    ]) {
      expect(pager(path), path).toMatchObject({ pagination: true, kind: "list" });
    }
    expect(pager("/news/index_1.html")?.text).toBe("1");
    expect(pager("/news/index_3.html")?.source).toBe("script");
    expect(pager("/a/1.html")).toMatchObject({ pagination: false });
  });

  it("reads pager words with arrows around them (‹ previous, 下一页 >), not other words", () => {
    const found = byUrl(
      links(
        `<p><a href="/news/back.htm">‹ previous</a> <a href="/news/on.htm">下一页 &gt;&gt;</a>
           <a href="/news/more.htm">更多 &gt;&gt;</a></p>`,
        "https://www.example.cn/news/here.htm",
      ),
    );
    expect(found["https://www.example.cn/news/back.htm"]).toMatchObject({ pagination: true });
    expect(found["https://www.example.cn/news/on.htm"]).toMatchObject({ pagination: true });
    expect(found["https://www.example.cn/news/more.htm"]).toMatchObject({ pagination: false });
  });

  it("tells numbered pager links from other numbers", () => {
    const found = byUrl(
      links(
        `<div id="pagebar">
               <a href="list.php?tid=3&amp;PageNo=2">2</a><a href="list.php?tid=3&amp;PageNo=3">3</a>
               <a href="list.php?tid=3&amp;PageNo=4">4</a></div>
             <p>评论 <a href="/comments/view.php?aid=5">12</a></p>
             <span><a href="/a/2.html">[下页]</a></span>`,
        "https://www.example.cn/plus/list.php?tid=3",
      ),
    );
    expect(found["https://www.example.cn/plus/list.php?PageNo=2&tid=3"]).toMatchObject({
      pagination: true,
      kind: "list",
    });
    expect(found["https://www.example.cn/comments/view.php?aid=5"]).toMatchObject({
      pagination: false,
      kind: "article",
    });
    expect(found["https://www.example.cn/a/2.html"]).toMatchObject({ pagination: true });
  });

  it("tags an article's continuation page as article, and 上一篇/下一篇 as articles", () => {
    const found = byUrl(
      links(
        `<div class="page"><a href="content_8812_2.htm">2</a><a href="content_8812_3.htm">3</a><a href="content_8812_2.htm">下一页</a></div>
         <div class="pre"><a href="/content/202301/content_8799.htm">上一篇：某某会议召开</a>
         <a href="/channel/">下一篇</a></div>`,
        "https://www.example.cn/content/202301/content_8812.htm",
      ),
    );
    expect(found["https://www.example.cn/content/202301/content_8812_2.htm"]).toMatchObject({
      pagination: true,
      kind: "article",
    });
    expect(found["https://www.example.cn/content/202301/content_8799.htm"]).toMatchObject({
      pagination: false,
      kind: "article",
    });
    expect(found["https://www.example.cn/channel/"]?.kind).toBe("article");
  });

  it("treats <a rel=next> with a headline as the neighbouring article", () => {
    const found = byUrl(
      links(
        `<a href="/post/2741.html" rel="next">市政府召开全市安全生产工作会议部署节前检查</a><a href="?page=2" rel="next">More</a>`,
        "https://www.example.cn/post/2740.html",
      ),
    );
    expect(found["https://www.example.cn/post/2741.html"]).toMatchObject({
      pagination: false,
      kind: "article",
    });
    expect(found["https://www.example.cn/post/2740.html?page=2"]).toMatchObject({ pagination: true });
  });

  it("reads URLs from onclick and window.open, frames, and marks nofollow", () => {
    const found = byUrl(
      links(`<div onclick="window.open('/art/2023/1/10/art_1_99.html')">通知</div>
             <a href="javascript:openWin('x')">x</a>
             <a href="/ad/1.html" rel="nofollow sponsored">广告</a>
             <iframe src="/frame/list.html"></iframe>`),
    );
    expect(found["https://www.example.cn/art/2023/1/10/art_1_99.html"]).toMatchObject({
      source: "script",
      kind: "article",
    });
    expect(found["https://www.example.cn/ad/1.html"]?.nofollow).toBe(true);
    expect(found["https://www.example.cn/frame/list.html"]).toMatchObject({ source: "frame", kind: "list" });
    expect(Object.keys(found)).toHaveLength(3);
  });

  it("uses the title or image alt when a link has no text", () => {
    const found = links(
      `<a href="/a/1.html" title="标题在这里"></a><a href="/a/2.html"><img src="x.png" alt="图片新闻"></a>`,
    );
    expect(found.map((l) => l.text)).toEqual(["标题在这里", "图片新闻"]);
  });
});

describe("URL shape helpers", () => {
  it.each([
    ["https://www.example.cn/a/20230110/1.html", "article"],
    ["https://www.example.cn/2023-01-10/abc.shtml", "article"],
    ["https://www.example.cn/news/123456", "article"],
    ["https://www.example.cn/index.php?m=content&c=index&a=show&catid=9&id=21", "article"],
    ["https://www.example.cn/", "list"],
    ["https://www.example.cn/index.html", "list"],
    ["https://www.example.cn/list_2.html", "list"],
    ["https://www.example.cn/a/list_12_3.html", "list"],
    ["https://www.example.cn/category/news/page/2/", "list"],
    ["https://www.example.cn/list.aspx?ClassID=5", "list"],
    ["https://www.example.cn/2023/01/10/", "list"],
    ["https://www.example.com/2024/03/15/county-opens-first-city-library/", "article"],
    ["https://www.example.com/2024/03/15/page/2/", "list"],
    ["https://www.example.cn/show.php?id=321", "article"],
    ["https://www.example.cn/a/202403/t20240315_98765.html", "article"],
    ["https://www.example.cn/content/2024-03/15/content_123456.htm", "article"],
    ["https://www.example.cn/html/2024/0301/12.shtml", "article"],
    ["https://www.example.cn/list.php?tid=3&PageNo=2", "list"],
    ["https://www.example.cn/col/col123/index.html", "list"],
    ["https://www.example.cn/help.htm", "unknown"],
  ])("%s → %s", (url, kind) => {
    expect(linkKindOfUrl(url)).toBe(kind);
  });

  it("keeps article and list shapes apart", () => {
    expect(looksLikeArticleUrl("https://x.cn/news/")).toBe(false);
    expect(looksLikeListUrl("https://x.cn/show.php?id=3")).toBe(false);
  });

  it.each([
    ["https://x.cn/news/index_2.html", "https://x.cn/news/index.html", true],
    ["https://x.cn/news/list.php?page=3", "https://x.cn/news/list.php", true],
    ["https://x.cn/news/list.php?p=3", "https://x.cn/news/list.php", true],
    ["https://x.cn/?p=123", "https://x.cn/news/", false],
    ["https://x.cn/a/content_1_2.html", "https://x.cn/a/content_1.html", true],
    ["https://x.cn/a/content_2.html", "https://x.cn/b/content_1.html", false],
    ["https://x.cn/a/2.html", "https://x.cn/a/1.html", false],
  ])("isPaginationUrl(%s, from %s) → %s", (url, page, expected) => {
    expect(isPaginationUrl(url, page)).toBe(expected);
  });
});
