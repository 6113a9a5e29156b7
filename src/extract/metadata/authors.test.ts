import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { extractAuthors } from "./authors.js";

const ctx = { url: "https://news.example.cn/a/1.html", defaultOffset: "+08:00" };

function authorsOf(html: string): string[] {
  const { document, dispose } = parseHtml(html, ctx.url);
  try {
    return extractAuthors(document, ctx);
  } finally {
    dispose();
  }
}

const page = (
  byline: string,
  body = "<p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p>",
  head = "",
): string =>
  `<html><head><title>科创新篇章_无锡新闻网</title>${head}</head><body><h1>科创新篇章</h1>${byline}<div class="content">${body}</div></body></html>`;

describe("extractAuthors", () => {
  test.each([
    ["作者： with two names", page("<div>作者：张三 李四</div>"), ["张三", "李四"]],
    [
      "a packed byline: the 来源 value is not an author",
      page("<div>发布时间：2023-01-10 09:05 来源：无锡日报 作者：张三 李四 浏览次数：1,024</div>"),
      ["张三", "李四"],
    ],
    ["Writer: admin", page("<div>Writer: admin Time:2023-01-10 Browse:94</div>"), ["admin"]],
    ["Author: with a comma list", page("<p>Author: Jane Doe, John Smith</p>"), ["Jane Doe", "John Smith"]],
    ["By …", page("<p class='byline'>By Jane Doe</p>"), ["Jane Doe"]],
    ["By … with a job title", page("<p class='byline'>By TOM KRISHER, AP Auto Writer</p>"), ["TOM KRISHER"]],
    ["By … followed by the update time", page("<p>By Umair Irfan Updated Nov 13, 2019</p>"), ["Umair Irfan"]],
    ["an initial is not a sentence break", page("<p>By Sarah E. Needleman</p>"), ["Sarah E. Needleman"]],
    [
      "By … followed by the outlet after a period",
      page("<p>By Finian Cunningham. Sputnik International</p>"),
      ["Finian Cunningham"],
    ],
    ["names split on 、 and ，", page("<div>作者：王五、赵六，钱七</div>"), ["王五", "赵六", "钱七"]],
    ["names joined by 和", page("<div>作者：张三和李四</div>"), ["张三", "李四"]],
    ["记者 and 通讯员 labels in one line", page("<div>记者 张三 通讯员 李四</div>"), ["张三", "李四"]],
    ["文/ credit", page("<div>文/王五</div>"), ["王五"]],
    ["文 / credit with spaces", page("<div>文 / 王五</div>"), ["王五"]],
    ["撰文：", page("<p>撰文：赵六</p>"), ["赵六"]],
    ["trailing punctuation is stripped", page("<div>作者：张三。</div>"), ["张三"]],
    [
      "spans with separate labels",
      page("<div class='info'><span>来源：证券时报网</span><span>作者：李在山</span></div>"),
      ["李在山"],
    ],
    [
      "editors are not authors",
      page(
        "<div>来源：新京报</div>",
        "<p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p><p>责任编辑：霍琦</p><p>编辑：刘晓阳</p>",
      ),
      [],
    ],
    [
      "(记者 X) opening the first paragraph",
      page(
        "",
        "<p>新京报快讯（记者 裴剑飞）今日有网友爆料，有60万个账号在暗网低价出售，铁路部门随后辟谣。</p>",
      ),
      ["裴剑飞"],
    ],
    [
      "a credit line after the text, with its outlet stripped",
      page("", "<p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p><p>新京报记者 陆一夫</p>"),
      ["陆一夫"],
    ],
    [
      "采写： with a role and outlet prefix",
      page(
        "",
        "<p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p><p>采写：南都见习记者 林子沛</p>",
      ),
      ["林子沛"],
    ],
    [
      "(文/图 X Y) at the end of the text",
      page("", "<p>常德市金融系统积极开展金融知识普及月活动，取得良好效果。(文/图 刘玺东 易赛楠)</p>"),
      ["刘玺东", "易赛楠"],
    ],
    [
      "a name in parentheses closing the article",
      page("", "<p>南美站活动将先后在巴西、乌拉圭、阿根廷举行，为期一周。（张巨峰）</p>"),
      ["张巨峰"],
    ],
    [
      "a forum poster is the profile link above the first post's 发表于, not the floor name of a reply",
      "<html><head><title>骑行环湖记录_论坛</title></head><body><table><tr><td><div><a href='u.php?uid=20931'>风过林梢</a></div>" +
        "<div>级别: 骑士</div></td><td><div>楼主 只看该作者 发表于: 2023-05-06 21:37</div><h1>骑行环湖记录</h1>" +
        "<div>第一天从市区东站出发，沿环湖大道往北，上午的风比较小。</div></td></tr></table>" +
        "<div><a href='u.php?uid=33810'>单车少年</a></div><div>沙发 发表于: 2023-05-07 08:12</div><div>收藏了。</div></body></html>",
      ["风过林梢"],
    ],
    [
      "a Discuz poster: profile link in the user panel, 发表于 without a colon in the post's own header",
      "<html><head><title>周末徒步路线推荐_论坛</title></head><body><div>查看: 2563 | 回复: 8</div><h1>周末徒步路线推荐</h1>" +
        "<table><tr><td><div><a href='space-uid-5566.html'>山野行者</a></div><dl><dt>积分</dt><dd>1203</dd></dl></td>" +
        "<td><div><em>发表于 2023-6-3 20:15</em> | <a href='#'>只看该作者</a></div>" +
        "<div>最近天气不错，推荐一条适合新手的周末徒步路线，全程约12公里。</div></td></tr></table></body></html>",
      ["山野行者"],
    ],
    [
      "the reporter named after 图/ is the photographer, not an author",
      page("", "<div>来源：古城晚报 文/记者 赵敏 图/记者 钱峰</div><p>正文</p>"),
      ["赵敏"],
    ],
    [
      "a photo credit is not an author",
      page(
        "",
        "<p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。（刘通摄）</p><p>中新社记者 贾天勇 摄</p>",
      ),
      [],
    ],
    [
      "记者 in prose is not a credit",
      page("", "<p>记者注意到，从五大芯片企业的主打产品来看，大多采用7纳米技术。</p>"),
      [],
    ],
    ["meta author", page("", undefined, `<meta name="author" content="王小明">`), ["王小明"]],
    [
      "meta author that is the site name",
      page("", undefined, `<meta name="author" content="无锡新闻网">`),
      [],
    ],
    [
      "meta author list: publishers dropped, the person kept",
      page("", undefined, `<meta name="Author" content="中文学术期刊,汉斯出版社,Hans Publishers,赵培">`),
      ["赵培"],
    ],
    ["meta author that is a numeric id", page("", undefined, `<meta name="author" content="104363">`), []],
    [
      "JSON-LD author as an array of objects",
      page(
        "",
        undefined,
        `<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"张三"},{"@type":"Person","name":"李四"}]}</script>`,
      ),
      ["张三", "李四"],
    ],
    [
      "JSON-LD author as a string",
      page("", undefined, `<script type="application/ld+json">{"@type":"Article","author":"王五"}</script>`),
      ["王五"],
    ],
    [
      "JSON-LD organisation author is not a person",
      page(
        "",
        undefined,
        `<script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization","name":"新华社"}}</script>`,
      ),
      [],
    ],
    ["a URL is not an author", page("<div>作者：https://example.com/u/1</div>"), []],
    ["作者 label with no value", page("<div>作者： 来源：新华社</div>"), []],
    [
      "a spaced two-character name and an affiliation",
      page("<div>作者：赵 培 ：北京物资学院</div>"),
      ["赵培"],
    ],
    [
      "an interviewer's question after 记者： is not a credit",
      page("", "<p>记者：首先欢迎你来到这里接受我们的采访，请问你怎样看待农业税补贴问题？</p>"),
      [],
    ],
    [
      "Powered by is not a byline",
      page("", undefined).replace("</body>", "<p>Powered by Discuz! Team</p></body>"),
      [],
    ],
    [
      "原作者 beats the uploader in a Discuz byline",
      page("<p>2023-2-8 15:42| 发布者: 古城小编| 查看: 2216| 评论: 3| 原作者: 郭亮| 来自: 越州晚报</p>"),
      ["郭亮"],
    ],
    [
      "the uploader when nothing else names a writer",
      page("<p>发布者：古城小编 | 查看：12</p>"),
      ["古城小编"],
    ],
    ["佚名 credits nobody", page("<div>作者：佚名 文章来源：县融媒体中心</div>"), []],
    ["By NAME in CITY", page("<p>By Zhang Wei in Hangzhou | Updated: 2023-03-08 10:12</p>"), ["Zhang Wei"]],
    ["poster before 发表于", page("<div>ggjjzhzz 发表于 2005-9-15 11:46:00</div>"), ["ggjjzhzz"]],
    [
      "评论员 credits in parentheses closing the article",
      page(
        "",
        "<p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p><p>这座城市会记住每一个人。（评论员 高远 林晓）</p>",
      ),
      ["高远", "林晓"],
    ],
    [
      "a parenthesised credit a few widget lines before the editor line",
      page(
        "",
        `${"<p>这是正文的一段，内容足够长，可以被认作文章的正文段落。</p>".repeat(4)}<p>这是最后一段正文，说到这里为止。（记者 高远）</p><div>图集</div><div>+1</div><div>【纠错】 责任编辑： 方舟</div>`,
      ),
      ["高远"],
    ],
    [
      "reporters credited under the headline beat a reposter's 作者 label after the text",
      page(
        "<p>本报实习生 高远 林晓</p><p>本报记者 方舟 陈默</p><p>2003-7-24 江城晚报</p>",
        `${"<p>这是正文的一段，内容足够长，可以被认作文章的正文段落。</p>".repeat(20)}<p>- 作者： 小溪 访问统计： 2005年08月30日 13:22</p>`,
      ),
      ["高远", "林晓", "方舟", "陈默"],
    ],
    [
      "a lower-case by right after the byline's time",
      page("<p>〓 娱乐 话题 发布时间 2005/03/15 22:36:13 by moonlit 〓</p>"),
      ["moonlit"],
    ],
    [
      "a forum's 本贴由 X 于 … 发表",
      page(
        "",
        `${"<p>这是帖子的一段，内容足够长，可以被认作文章的正文段落。</p>".repeat(3)}<p>本贴由高远于2005年8月12日16:12:21在〖心理咨询〗发表.</p>`,
      ),
      ["高远"],
    ],
    [
      "a forum's last-edit note names no writer",
      page(
        "",
        `${"<p>这是帖子的一段，内容足够长，可以被认作文章的正文段落。</p>".repeat(3)}<p>本帖最后由 高远 于 2006-1-2 10:00 编辑</p>`,
      ),
      [],
    ],
    [
      "a parenthesised name on its own line closing the text",
      page(
        "",
        `${"<p>这是正文的一段，内容足够长，可以被认作文章的正文段落。</p>".repeat(3)}<p>到头来，一位自甘清贫的医生。</p><p>（林晓）</p>`,
      ),
      ["林晓"],
    ],
    [
      "a bracketed name beside the date, the outlet bracketed after 来源",
      page("<div>NEWS.EXAMPLE.COM 2004年7月16日08:19 [ 高远 ] 来源：[ 江城晚报 ]</div>"),
      ["高远"],
    ],
    [
      "attribute debris is not a name",
      page('<div>作者： size="20" 来源： size="20" 发布日期： 2005-07-05</div>'),
      [],
    ],
    [
      "a headline opening with a name, signed with that name alone under it",
      page("<p>我看城市更新</p><p>林晓</p>").replaceAll("科创新篇章", "林晓：我看城市更新"),
      ["林晓"],
    ],
    [
      "a headline quoting a speaker is not signed by them",
      page("<p>2023-01-10</p>").replaceAll("科创新篇章", "林晓：城市更新要慢下来"),
      [],
    ],
    ["no credit at all", page(""), []],
  ])("%s", (_name, html, expected) => {
    expect(authorsOf(html)).toEqual(expected);
  });
});
