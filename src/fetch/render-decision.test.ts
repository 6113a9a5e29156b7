import { describe, expect, it } from "vitest";
import { parseHtml } from "../extract/parse-html.js";
import { decideRender, type RenderHints } from "./render-decision.js";

/** An article body long enough that no page here reads as an empty shell. */
const BODY =
  "<p>市政府新闻办昨天举行发布会，介绍今年一季度全市经济运行情况。一季度全市地区生产总值同比增长百分之五点八，" +
  "规模以上工业增加值增长百分之七点二，社会消费品零售总额增长百分之六点一，城乡居民人均可支配收入稳步提高。</p>" +
  "<p>发布会上，市统计局负责人表示，下一步将继续抓好重点项目建设，稳住外贸外资基本盘，推动消费持续恢复。</p>";

function decide(html: string, hints?: RenderHints) {
  const parsed = parseHtml(
    `<!DOCTYPE html><html><head><title>t</title></head><body>${html}</body></html>`,
    "http://news.example.cn/a/1.html",
  );
  try {
    return decideRender(parsed.document, hints);
  } finally {
    parsed.dispose();
  }
}

describe("decideRender: pages that need a browser", () => {
  it.each([
    {
      name: "DedeCMS count.php writing the clicks",
      html: `<h1>标题</h1><div class="info">时间:2024-03-18 来源:本站 点击:<script src="/plus/count.php?view=yes&aid=17&mid=1"></script>次</div>${BODY}`,
      reason: /counter script \/plus\/count\.php.*DedeCMS/,
    },
    {
      name: "PHPCMS hits span filled from op=count",
      html: `<h1>标题</h1><p>发布时间：2024-03-19 点击：<span id="hits"></span></p>${BODY}<script src="/api.php?op=count&id=12&modelid=1"></script>`,
      reason: /PHPCMS/,
    },
    {
      name: "PHPCMS op=count called from an inline jQuery script",
      html: `<h1>标题</h1><p>发布时间：2024-03-19</p>${BODY}<script>$.get("/api.php?op=count&id=12&modelid=1", function (d) { $("#hits").html(d); });</script>`,
      reason: /inline counter call \(PHPCMS\)/,
    },
    {
      name: "EmpireCMS ViewClick",
      html: `<h1>标题</h1><div>时间：2023-07-21 浏览：<script src="/e/public/ViewClick/?classid=12&id=188&addclick=1"></script>次</div>${BODY}`,
      reason: /EmpireCMS/,
    },
    {
      name: "PowerEasy GetHits.aspx",
      html: `<h1>标题</h1><span>发布时间：2020年07月16日</span> <span>点击数：<script src="/Common/GetHits.aspx?id=11667"></script>次</span>${BODY}`,
      reason: /PowerEasy/,
    },
    {
      name: "VSB _showDynClicks inline call",
      html: `<h1>标题</h1><p>作者:教务处 时间：2023-06-23 点击数：<script>_showDynClicks("wbnews", 1684124380, 7262)</script></p>${BODY}`,
      reason: /VSB/,
    },
    {
      name: "a counter endpoint named like one on an unknown CMS",
      html: `<h1>标题</h1><p>发布：2024-01-02</p>${BODY}<p>阅读次数：<script src="/tools/hits.asp?id=88"></script></p>`,
      reason: /counter endpoint/,
    },
    {
      name: "a gov-site counter script named after its content type (articlehits.jsp)",
      html: `<h1>标题</h1><p>发布日期：2024-01-02 访问次数：<script src="/module/articlehits.jsp?colid=1&artid=9"></script></p>${BODY}`,
      reason: /counter script \/module\/articlehits\.jsp.*counter endpoint/,
    },
    {
      name: "an empty counter element with no label the scanner knows",
      html: `<h1>标题</h1>${BODY}<div class="meta"><i class="icon-eye"></i><em class="view-count"></em></div>`,
      reason: /empty counter element em\.view-count/,
    },
    {
      name: "a views label left empty, filled by some XHR we cannot name",
      html: `<h1>标题</h1><p>来源：新华社　阅读量：</p>${BODY}<script src="/static/js/detail.js"></script>`,
      reason: /views label 阅读量：? with no number/,
    },
    {
      name: "an English Views label with nothing after it",
      html: `<h1>Title</h1><p class="meta">Posted: 2024-01-02 | Views: <span class="n"></span></p>${BODY}`,
      reason: /views label Views/,
    },
    {
      name: "a bare label with only a unit, in a byline line",
      html: `<h1>标题</h1><div>发布时间 2024-01-02 作者 张三 阅读 次</div>${BODY}`,
      reason: /views label 阅读 with no number/,
    },
    {
      name: "a date right before an empty label is not its count",
      html: `<h1>标题</h1><p>发布时间：2024-03-19 点击：<b class="n"></b></p>${BODY}`,
      reason: /views label 点击：? with no number/,
    },
    {
      name: "a placeholder 0 in the counter element, filled by an inline XHR",
      html: `<h1>标题</h1><p>发布时间：2024-04-07 Browse: <span id="hits">0</span></p>${BODY}<script>var x = new XMLHttpRequest(); x.open("GET", "/stat?id=24");</script>`,
      reason: /views label Browse with a placeholder 0/,
    },
    {
      name: "placeholder text where the count goes (加载中, --, ...)",
      html: `<h1>标题</h1><p>发布时间：2024-04-02 阅读：<span id="dedeclick">加载中</span> 浏览量：<em>--</em> 点击：<b class="n">...</b></p>${BODY}<script src="/js/site.js"></script>`,
      reason: /views label 阅读：? with no number.*浏览量：? with no number.*点击：? with no number/,
    },
    {
      name: "a CMS article counter placed inside the footer still counts",
      html: `<h1>标题</h1><p>发布时间：2024-04-07 点击：<span class="n">--</span></p>${BODY}<div class="footer">版权所有<script src="/api.php?op=count&id=7&modelid=1"></script></div>`,
      reason: /PHPCMS/,
    },
    {
      name: "a counter element holding a placeholder 0 after an eye icon, no label",
      html: `<h1>标题</h1><p>2024-01-02 <i class="icon-eye"></i><span id="views">0</span></p>${BODY}<script src="/js/stat.js"></script>`,
      reason: /empty counter element span#views/,
    },
    {
      name: "a counter element holding dashes",
      html: `<h1>标题</h1><p>2024-01-02</p>${BODY}<div class="meta"><em class="view-count">--</em></div>`,
      reason: /empty counter element em\.view-count/,
    },
    {
      name: "a bare label with a bracketed placeholder (阅读(--))",
      html: `<h1>标题</h1><p>2024-04-20 阅读(<span class="n">--</span>)</p>${BODY}<script src="/js/site.js"></script>`,
      reason: /views label 阅读 with no number/,
    },
    {
      name: "a bare label in a byline with a loading placeholder (浏览 加载中 次)",
      html: `<h1>标题</h1><p>发布时间：2024-04-20 浏览 <span class="x">加载中</span> 次</p>${BODY}<script src="/js/site.js"></script>`,
      reason: /views label 浏览 with no number/,
    },
    {
      name: "an empty slot before a label written after the count (2024-04-20 <span></span> 人阅读)",
      html: `<h1>标题</h1><p>2024-04-20 <span id="hits"></span> 人阅读</p>${BODY}<script src="/js/site.js"></script>`,
      reason: /empty counter element span#hits; views label 阅读 with no number/,
    },
    {
      name: "an SPA shell: empty app div and a bundle",
      html: `<div id="app"></div><script src="/static/js/app.8f3a.js"></script>`,
      reason: /almost no text \(\d+ characters\) and 1 scripts/,
    },
  ])("$name", ({ html, reason }) => {
    const decision = decide(html);
    expect(decision.render).toBe(true);
    expect(decision.reasons.join("; ")).toMatch(reason);
  });

  it("an SPA shell with a navigation bar: link text is not content", () => {
    const nav = `<nav>${"<a href='/c'>频道栏目导航链接</a>".repeat(30)}</nav>`;
    const html = `${nav}<div id="root"></div><script src="/main.js"></script>`;
    expect(decide(html).reasons).toEqual(["almost no text (0 characters) and 1 scripts"]);
    expect(decide(html, { mainText: null })).toEqual({
      render: true,
      reasons: ["no main text (0 characters) and 1 scripts"],
    });
    expect(decide(html, { mainText: BODY.replace(/<[^>]+>/g, "") }).render).toBe(false);
  });

  it("the adapter renders the whole site", () => {
    expect(decide(`<h1>标题</h1>${BODY}`, { adapter: "always" }).render).toBe(true);
  });
});

describe("decideRender: ordinary static pages", () => {
  it.each([
    { name: "a script-less article", html: `<h1>标题</h1><p>发布时间：2024-01-02 来源：本站</p>${BODY}` },
    {
      name: "an article whose view count is in the HTML",
      html: `<h1>标题</h1><p>时间：2024-01-02 来源：本站 浏览次数：1,024</p>${BODY}<script src="/js/jquery.min.js"></script>`,
    },
    {
      name: "an abbreviated count before the label, after an icon (1.2万 阅读)",
      html: `<h1>标题</h1><p><span>2023-06-02 07:45</span> | <span>来源：羊城晚报</span> | <span><i class="icon-eye"></i>1.2万 阅读</span></p>${BODY}<script src="/a.js"></script>`,
    },
    {
      name: "a count before the label (1164次阅读)",
      html: `<h1>标题</h1><p>发表于2014-08-24 21:30| 1164次阅读| 来源CSDN</p>${BODY}`,
    },
    {
      name: "a count in parentheses after a counter script that only tallies",
      html: `<h1>标题</h1><p>发布时间：2024-01-02 阅读（<script src="/e/public/ViewClick/?classid=8&id=530&addclick=1"></script>90800）</p>${BODY}`,
    },
    {
      name: "a saved rendered page: the count follows the counter script",
      html: `<h1>标题</h1>${BODY}<ul><li class="v">阅读 <script src="/e/public/ViewClick/?classid=38&id=5&addclick=1"></script>539</li></ul>`,
    },
    {
      name: "a tally-only counter script in a hidden element",
      html: `<h1>标题</h1><p>时间：2024-01-02</p>${BODY}<span style="display:none"><script src="/item/GetHits.asp?Action=Count&ID=6"></script></span>`,
    },
    {
      name: "navigation words that contain views labels (阅读排行, 点击这里)",
      html: `<h1>标题</h1>${BODY}<ul><li><a href="/wiki/x"><span>阅读</span></a></li><li><a href="/edit">编辑</a></li></ul><div class="side"><h3>阅读排行</h3><ul><li><a href="/1">点击这里报名</a></li></ul><p>人气排行榜</p></div>`,
    },
    {
      name: "an icon element named view before its number",
      html: `<h1>标题</h1><p>2024-01-02 <i class="view"></i> 3,210</p>${BODY}`,
    },
    {
      name: "scripts whose names only contain a counter word (account.php, preview.php)",
      html: `<h1>标题</h1><p>时间：2024-01-02</p>${BODY}<script src="/member/account.php?js=1"></script><script src="/js/preview.php"></script>`,
    },
    {
      name: "a 0 written into the line's text beside a counter script that only tallies",
      html: `<h1>标题</h1><p>时间：2024-01-02 点击：0次</p>${BODY}<script src="/plus/count.php?aid=1&mid=1"></script>`,
    },
    {
      name: "a 0 in an element on a page without scripts",
      html: `<h1>标题</h1><p>时间：2024-01-02 点击：<span id="hits">0</span></p>${BODY}`,
    },
    {
      name: "a site-wide visitor counter in the footer (您是本站第…位访问者, 总访问量：)",
      html: `<h1>标题</h1><p>发布时间：2024-04-18 来源：本站</p>${BODY}<div class="copyright"><p>建议使用IE9以上版本浏览器浏览本站</p><p>您是本站第<span id="visitor_count"></span>位访问者 总访问量：<script src="/tools/count.asp?site=1"></script></p></div>`,
    },
    {
      name: "a short listing page with a script in its template is no shell",
      html: `<div class="nav"><a href="/">首页</a></div><h1>本地新闻</h1><ul class="news-list"><li><a href="/a/1.html">县图书馆新馆开放 藏书突破四十万册</a></li><li><a href="/a/2.html">青河县春季植树活动启动</a></li><li><a href="/a/3.html">老旧小区加装电梯今年再推进</a></li></ul><script src="/include/dedeajax2.js"></script>`,
    },
    {
      name: "a counter element holding 0 on a page without scripts",
      html: `<h1>标题</h1><p>2024-01-02 <i class="icon-eye"></i><span id="views">0</span></p>${BODY}`,
    },
    {
      name: "a count printed in the table cell after its label's",
      html: `<h1>标题</h1><table><tr><td>发布时间：2024-04-20</td><td>点击数：</td><td>1234</td></tr></table>${BODY}<script src="/js/site.js"></script>`,
    },
    {
      name: "a bracketed word after a bare label is no count slot (阅读(全文))",
      html: `<h1>标题</h1><p>2024-04-20 阅读(全文)</p>${BODY}<script src="/js/site.js"></script>`,
    },
    {
      name: "a count before a label written after it, after a date",
      html: `<h1>标题</h1><p>2024-04-20 <span id="hits">66</span> 人阅读</p>${BODY}<script src="/js/site.js"></script>`,
    },
    {
      name: "a views word after 人 in a sentence is not a slot (欢迎更多人阅读)",
      html: `<h1>标题</h1><p>欢迎更多人阅读</p>${BODY}<script src="/js/site.js"></script>`,
    },
    {
      name: "analytics scripts on a full article",
      html: `<h1>标题</h1>${BODY}<script src="https://hm.baidu.com/hm.js?abc"></script>`,
    },
    {
      name: "a JSON-LD script on a short page is not a script that builds it",
      html: `<h1>标题</h1><p>短消息。</p><script type="application/ld+json">{"@type":"NewsArticle"}</script>`,
    },
  ])("$name", ({ html }) => {
    expect(decide(html)).toEqual({ render: false, reasons: [] });
  });

  it("a counter script stands down when the extractor already read the views", () => {
    const html = `<h1>标题</h1><p>时间：2024-01-02 点击：<script src="/plus/count.php?aid=1"></script>次</p>${BODY}`;
    expect(decide(html).render).toBe(true);
    expect(decide(html, { views: 77 })).toEqual({ render: false, reasons: [] });
  });

  it("the adapter says never, whatever the page shows", () => {
    const html = `<div id="app"></div><script src="/app.js"></script>`;
    expect(decide(html, { adapter: "never" })).toEqual({
      render: false,
      reasons: ["the site's adapter never renders"],
    });
  });
});
