import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { extractSource } from "./source.js";

const ctx = { url: "https://news.example.cn/a/1.html", defaultOffset: "+08:00" };

function sourceOf(html: string): string | null {
  const { document, dispose } = parseHtml(html, ctx.url);
  try {
    return extractSource(document, ctx);
  } finally {
    dispose();
  }
}

const page = (
  byline: string,
  body = "<p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p>",
  head = "",
): string =>
  `<html><head><title>科创新篇章_新闻网</title>${head}</head><body><h1>科创新篇章</h1>${byline}<div class="content">${body}</div></body></html>`;

describe("extractSource", () => {
  test.each([
    ["来源： with full-width colon", page("<div>来源：无锡日报</div>"), "无锡日报"],
    [
      "the issuing office of a government disclosure table when no 来源 is printed",
      `<html><head><title>招生通告_教育局</title></head><body><ul><li><span>发布机构：</span>市教育局</li><li><span>发布日期：</span>2023年07月03日</li></ul><h2>招生通告</h2><div class="content"><p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p></div></body></html>`,
      "市教育局",
    ],
    [
      "a body sentence that mentions a date is not a byline with its outlet",
      page("", "<p>一、招生对象。2023年8月31日前年满6周岁的适龄儿童。</p><p>二、报名时间。</p>"),
      null,
    ],
    [
      "a platform account linked to its /user/ page above the date is the outlet",
      page("<div><a href='/c/user/6294480027/'><span>去驴行</span></a></div><div>2019-09-08 11:42:03</div>"),
      "去驴行",
    ],
    [
      "a forum poster's profile-linked name and panel above the post date are no outlet",
      page(
        "<div><a href='space-uid-5566.html'>山野行者</a></div><div>积分</div><div>1203</div><div>发表于 2023-6-3 20:15</div>",
      ),
      null,
    ],
    ["来源: with ASCII colon and a space", page("<div>来源: 新京报</div>"), "新京报"],
    [
      "the value ends at the next label",
      page("<div>发布时间：2023-01-10 09:05 来源：无锡日报 作者：张三 李四 浏览次数：1,024</div>"),
      "无锡日报",
    ],
    ["the value ends at a separator", page("<div>来源：人民网-文化频道 | 分享到：</div>"), "人民网-文化频道"],
    ["稿件来源", page("<p>稿件来源：滨湖区科技局</p>"), "滨湖区科技局"],
    ["信息来源", page("<p>信息来源：市政府办公室</p>"), "市政府办公室"],
    ["文章来源", page("<p>文章来源：中国地理学会</p>"), "中国地理学会"],
    [
      "本文来源 in the article footer",
      page(
        "",
        "<p>正文段落足够长足够长足够长足够长足够长。</p><div>本文来源：证券市场红周刊 责任编辑：杨倩</div>",
      ),
      "证券市场红周刊",
    ],
    ["Source:", page("<p>Source: Reuters</p>"), "Reuters"],
    ["Source: with a multi-word name", page("<p>Source: China Daily</p>"), "China Daily"],
    [
      "colon-less 来源 inside a byline line",
      page("<div>发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 作者魏星</div>"),
      "CSDN",
    ],
    ["labels in separate elements", page("<div><span><i>来源：</i> 山西日报 </span></div>"), "山西日报"],
    [
      "the outlet beside an unlabelled date",
      page("<div class='date-source'><span>2019年11月25日 18:57</span> <a>参考消息</a></div>"),
      "参考消息",
    ],
    [
      "an account name above the date",
      page("<p class='author-name'>IT之家</p><div><span>发布时间：09-30</span><span>22:46</span></div>"),
      "IT之家",
    ],
    [
      "a badge beside the date is not the outlet",
      page("<div><span>原创</span> <span>南方都市报</span> <span>2019-09-09 16:01:46</span></div>"),
      "南方都市报",
    ],
    [
      "a Latin account name on a Chinese page",
      page("<div><span>原创</span> <span>GameForce</span> <span>2019-09-04 22:18:34</span></div>"),
      "GameForce",
    ],
    [
      "a weekday beside the date on an English page is not an outlet",
      "<html><head><title>Markets rally - Daily</title></head><body><h1>Markets rally</h1><div>Monday 2019-11-18 10:00</div><p>Body text of the article goes here.</p></body></html>",
      null,
    ],
    ["本站原创 is no outlet", page("<div>稿件来源：本站原创 作者：张三</div>"), null],
    [
      "the value from a link after the label span",
      page("<div><span>来源：</span><a href='#'>新华网</a></div>"),
      "新华网",
    ],
    [
      "a generic 来源：网络 is no source",
      page("", "<p>正文段落足够长足够长足够长足够长足够长。</p><p>来源：网络</p>"),
      null,
    ],
    [
      "source meta tag",
      page("", undefined, `<meta name="source" content="来源：人民网-文化频道 原创稿">`),
      "人民网-文化频道",
    ],
    [
      "a photo credit 图片来源 is not the article's source",
      page("", "<p>正文段落足够长足够长足够长足够长足够长。</p><p>图片来源：视觉中国</p>"),
      null,
    ],
    ["an author is never the source", page("<div>作者：张三</div>"), null],
    [
      "a 来源 line in a related list is ignored",
      page(
        "",
        "<p>正文段落足够长足够长足够长足够长足够长。</p><ul class='related'><li>来源：别的报纸</li></ul>",
      ),
      null,
    ],
    ["no source", page(""), null],
    [
      "a name after a person icon is the poster, not the outlet beside the date",
      page(
        '<h6 class="meta"><a>2021年05月18日</a> <i class="fa fa-user"></i>晨风资讯 <i class="fa fa-list"></i>社会新闻</h6>',
      ),
      null,
    ],
    [
      "an edit toolbar under the headline is not an outlet",
      page("<div>编辑 锁定 讨论</div><ul><li>1982年3月4日</li><li>上海</li></ul>"),
      null,
    ],
    [
      "a two-word kicker above the date line is not an account name; the outlet beside the date is",
      page("<p>大桥通车 出行更便利</p><p>本报记者 方舟 陈默</p><p>2003-7-24 江城晚报</p>"),
      "江城晚报",
    ],
    [
      "a value in brackets after the label",
      page("<div>2004年7月16日08:19 [ 高远 ] 来源：[ 江城晚报 ]</div>"),
      "江城晚报",
    ],
    [
      "attribute debris from a broken template is not a source",
      page('<div>作者： size="20" 来源： size="20" 发布日期： 2005-07-05</div>'),
      null,
    ],
  ])("%s", (_name, html, expected) => {
    expect(sourceOf(html)).toBe(expected);
  });
});
