import { afterEach, describe, expect, it } from "vitest";
import { parseHtml } from "../extract/parse-html.js";
import { findFirstPage, findLaterPages, type LaterPagesOptions } from "./article-pages.js";

let disposers: Array<() => void> = [];
afterEach(() => {
  for (const dispose of disposers) dispose();
  disposers = [];
});

const ARTICLE_TEXT =
  "<p>本报讯 县农业农村局组织技术人员深入田间地头，指导农户做好春耕备耕工作，确保全年粮食生产稳定。</p>";

/** A page with an article body, a sidebar of related articles and a list pager, and `pager` under the text. */
function laterPages(pager: string, url: string, options: LaterPagesOptions = {}, head = ""): string[] {
  return findLaterPages(parse(pager, url, head), url, options);
}

function firstPage(pager: string, url: string, head = ""): string | null {
  return findFirstPage(parse(pager, url, head), url);
}

function parse(pager: string, url: string, head: string): Document {
  const html = `<!doctype html><html><head>${head}</head><body>
    <div class="nav"><a href="/">首页</a> <a href="/news/index.html">新闻</a></div>
    <h1>县里全面推进春耕备耕</h1>
    <div class="content">${ARTICLE_TEXT}${ARTICLE_TEXT}</div>
    ${pager}
    <div class="related"><h3>相关新闻</h3><ul>
      <li><a href="/2023/0110/124.html">县人民医院远程会诊中心投入使用服务群众</a></li>
      <li><a href="/2023/0110/124_2.html">县人民医院远程会诊中心投入使用（二）</a></li>
    </ul></div>
    <div class="pages"><a href="/news/index_2.html">2</a> <a href="/news/index_3.html">下一页</a></div>
  </body></html>`;
  const parsed = parseHtml(html, url);
  disposers.push(parsed.dispose);
  return parsed.document;
}

describe("findLaterPages", () => {
  it("finds `_N` pages in a numbered pager, in order, each once, without list pages or related articles", () => {
    const pager = `<div id="div_currpage"><span>1</span> <a href="123_3.html">3</a>
      <a href="123_2.html">2</a> <a href="123_2.html">下一页</a> <a href="123_3.html">尾页</a></div>`;
    expect(laterPages(pager, "http://www.example.cn/2023/0110/123.html")).toEqual([
      "http://www.example.cn/2023/0110/123_2.html",
      "http://www.example.cn/2023/0110/123_3.html",
    ]);
  });

  it("takes `_1` for page 2 where a site numbers from 0, and for the first page when it reads 1", () => {
    const url = "http://news.example.cn/2005-08/16/content_48.htm";
    const fromZero = `<p><a href="content_48.htm">[1]</a> <a href="content_48_1.htm">[2]</a>
      <a href="content_48_2.htm">[3]</a> <a href="content_48_1.htm" class="nextpage">下一页</a></p>`;
    expect(laterPages(fromZero, url).map((u) => u.split("/").pop())).toEqual([
      "content_48_1.htm",
      "content_48_2.htm",
    ]);
    const fromOne = `<div class="pages"><a href="content_48_1.htm">1</a> <a href="content_48_2.htm">2</a>
      <a href="content_48_3.htm">3</a></div>`;
    expect(laterPages(fromOne, url).map((u) => u.split("/").pop())).toEqual([
      "content_48_2.htm",
      "content_48_3.htm",
    ]);
  });

  it("finds query-numbered pages (`show.php?id=7&page=2`), other keys kept equal and in any order", () => {
    const pager = `<div id="pages"><span>1</span>
      <a href="/show.php?page=2&amp;id=7">2</a> <a href="/show.php?id=7&amp;page=3">3</a>
      <a href="/show.php?id=8&amp;page=2">另一篇第2页</a> <a href="/list.php?tid=3&amp;page=2">栏目第2页</a>
      <a href="/show.php?id=7&amp;page=2">下一页</a></div>`;
    expect(laterPages(pager, "http://www.example.cn/show.php?id=7")).toEqual([
      "http://www.example.cn/show.php?id=7&page=2",
      "http://www.example.cn/show.php?id=7&page=3",
    ]);
  });

  it("fills the pages a windowed pager leaves out, and stops at maxPages", () => {
    const pager = `<p class="pagebar">1 <a href="content_88_2.htm">2</a> <a href="content_88_3.htm">3</a> …
      <a href="content_88_9.htm">9</a> <a href="content_88_2.htm">下一页</a> <a href="content_88_40.htm">尾页</a></p>`;
    const url = "http://gov.example.cn/content/2024-03/15/content_88.htm";
    const all = laterPages(pager, url);
    expect(all).toHaveLength(19);
    expect(all[0]).toBe("http://gov.example.cn/content/2024-03/15/content_88_2.htm");
    expect(all.at(-1)).toBe("http://gov.example.cn/content/2024-03/15/content_88_20.htm");
    expect(laterPages(pager, url, { maxPages: 5 }).map((u) => u.split("/").pop())).toEqual([
      "content_88_2.htm",
      "content_88_3.htm",
      "content_88_4.htm",
      "content_88_5.htm",
    ]);
  });

  it("from a later page, returns only the pages after it, numbered from the first page", () => {
    const pager = `<div class="page"><a href="123.html">上一页</a> <a href="123.html">1</a>
      <a href="123_2.html">2</a> <span>3</span> <a href="123_4.html">4</a> <a href="123_4.html">下一页</a></div>`;
    expect(
      laterPages(pager, "https://www.example.cn/2023/0110/123_3.html", {
        firstPageUrl: "https://www.example.cn/2023/0110/123.html",
      }),
    ).toEqual(["https://www.example.cn/2023/0110/123_4.html"]);
  });

  it("takes a `next`-only pager and <link rel=next>", () => {
    expect(laterPages(`<a href="88-2.shtml">下一页 &gt;</a>`, "https://news.example.cn/a/88.shtml")).toEqual([
      "https://news.example.cn/a/88-2.shtml",
    ]);
    expect(
      laterPages("", "https://news.example.cn/a/88.shtml", {}, '<link rel="next" href="88_2.shtml">'),
    ).toEqual(["https://news.example.cn/a/88_2.shtml"]);
  });

  it("takes WordPress's `/slug/2/` pages only from pager-like anchors", () => {
    const url = "https://blog.example.com/2024/03/15/spring-farming/";
    const pager = `<div class="page-links">页面： <span>1</span> <a href="${url}2/">2</a> <a href="${url}3/">3</a></div>`;
    expect(laterPages(pager, url)).toEqual([`${url}2/`, `${url}3/`]);
    expect(laterPages(`<p>见 <a href="${url}2/">春耕的第二部分内容介绍与延伸阅读</a></p>`, url)).toEqual([]);
  });

  it("ignores other hosts, the page itself, and an article without a pager", () => {
    const pager = `<div id="pages"><a href="https://other.example.cn/2023/0110/123_2.html">2</a>
      <a href="123.html">1</a></div>`;
    expect(laterPages(pager, "https://www.example.cn/2023/0110/123.html")).toEqual([]);
    expect(laterPages("", "https://www.example.cn/2023/0110/123.html")).toEqual([]);
  });

  it("does not read a WordPress post id (`?p=`) or a comment page (`cpage`) as a page number", () => {
    const pager = `<div class="nav-links"><a href="/?p=124">下一篇</a> <a href="/?p=123&amp;cpage=2">2</a></div>`;
    expect(laterPages(pager, "https://blog.example.com/?p=123")).toEqual([]);
  });
});

describe("findFirstPage", () => {
  it("finds the first page a later page's pager leads back to, by 上一页, 1 or a pager bar", () => {
    const url = "http://www.example.cn/2023/0110/123_3.html";
    const bar = `<div class="page"><a href="123.html">上一页</a> <a href="123.html">1</a>
      <a href="123_2.html">2</a> <span>3</span></div>`;
    expect(firstPage(bar, url)).toBe("http://www.example.cn/2023/0110/123.html");
    expect(firstPage(`<p><a href="123.html">第1页</a> 第3页</p>`, url)).toBe(
      "http://www.example.cn/2023/0110/123.html",
    );
    // The first page linked as a related article, not from a pager: `_3` may be part of the article's name.
    expect(
      firstPage(`<ul><li><a href="123.html">县人民医院远程会诊中心投入使用</a></li></ul>`, url),
    ).toBeNull();
    expect(firstPage("", url)).toBeNull();
  });

  it("takes `_1` for a later page where the pager numbers from 0 (`x.html`, `x_1.html`, `x_2.html`)", () => {
    const pager = `<p><a href="content_48.htm">[1]</a> [2] <a href="content_48_2.htm">[3]</a>
      <a href="content_48.htm">上一页</a> <a href="content_48_2.htm">下一页</a></p>`;
    expect(firstPage(pager, "http://news.example.cn/2005-08/16/content_48_1.htm")).toBe(
      "http://news.example.cn/2005-08/16/content_48.htm",
    );
  });

  it("finds a first page numbered 1 (`show-12-345-1.html`), and query pages numbered from 1 or 0", () => {
    const phpcms = `<div id="pages"><a href="show-12-345-1.html">上一页</a> <a href="show-12-345-1.html">1</a>
      <span>2</span> <a href="show-12-345-3.html">3</a></div>`;
    expect(firstPage(phpcms, "http://www.example.cn/html/2024/news_0315/show-12-345-2.html")).toBe(
      "http://www.example.cn/html/2024/news_0315/show-12-345-1.html",
    );
    const drupal = `<ul class="pager"><li><a href="/node/7">« 第一页</a></li><li>2</li>
      <li><a href="/node/7?page=2">3</a></li></ul>`;
    expect(firstPage(drupal, "https://www.example.org/node/7?page=1")).toBe("https://www.example.org/node/7");
    // Another article's page (another id) is not this one's first page.
    const other = `<div class="pages"><a href="/show.php?id=8">上一页</a></div>`;
    expect(firstPage(other, "http://www.example.cn/show.php?id=7&page=2")).toBeNull();
  });

  it("takes WordPress's `/slug/2/` back to `/slug/` by a page number, not by 首页", () => {
    const url = "https://blog.example.com/2024/03/15/spring-farming/";
    expect(
      firstPage(`<div class="page-links">页面： <a href="${url}">1</a> <span>2</span></div>`, `${url}2/`),
    ).toBe(url);
    expect(firstPage(`<div class="page-links"><a href="${url}">首页</a></div>`, `${url}2/`)).toBeNull();
  });
});
