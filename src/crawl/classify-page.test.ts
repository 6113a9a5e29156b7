import { afterEach, describe, expect, it } from "vitest";
import { parseHtml } from "../extract/parse-html.js";
import { classifyPage, textUnits } from "./classify-page.js";

let disposers: Array<() => void> = [];
afterEach(() => {
  for (const dispose of disposers) dispose();
  disposers = [];
});

function classify(html: string) {
  const parsed = parseHtml(html, "https://www.example.cn/a/1.html");
  disposers.push(parsed.dispose);
  return classifyPage(parsed.document);
}

/** Chinese prose of about `n` characters, varied so no two paragraphs are equal. */
function prose(n: number, seed = 0): string {
  const sentences = [
    "记者从市政府新闻发布会上获悉，今年以来全市经济运行总体平稳。",
    "相关负责人表示，下一步将继续加大基础设施投入力度，推动重点项目建设。",
    "据介绍，该项目总投资约十二亿元，预计明年年底前建成投入使用。",
    "专家认为，这一政策有助于稳定市场预期，促进消费持续恢复。",
    "与会代表围绕产业转型升级、生态环境保护等议题展开深入讨论。",
  ];
  let out = "";
  for (let i = seed; out.length < n; i++) out += sentences[i % sentences.length];
  return out.slice(0, n);
}

const headlines = Array.from({ length: 24 }, (_, i) => `${prose(14, i)}第${i + 1}条`);
const nav = `<div class="nav">${[
  "首页",
  "新闻",
  "政务",
  "经济",
  "文化",
  "体育",
  "图片",
  "视频",
  "专题",
  "关于",
]
  .map((t, i) => `<a href="/c${i}/">${t}</a>`)
  .join(" | ")}</div>`;
const sidebar = (n: number) =>
  `<div class="side"><h3>热点新闻</h3><ul>${headlines
    .slice(0, n)
    .map((h, i) => `<li><a href="/a/2023/01/${i + 10}/${i}.html">${h}</a></li>`)
    .join("")}</ul></div>`;
const footer = `<div class="footer"><p>版权所有 某某新闻网 京ICP备12345678号</p><a href="/about/">联系我们</a></div>`;

function page(title: string, body: string, head = ""): string {
  return `<!doctype html><html><head><title>${title}_某某新闻网</title>${head}</head><body>${nav}${body}${footer}</body></html>`;
}

describe("classifyPage", () => {
  it("calls a page with a headline, a date and a main text block an article", () => {
    const result = classify(
      page(
        "市政府召开新闻发布会通报经济运行情况",
        `<div class="main"><h1>市政府召开新闻发布会通报经济运行情况</h1>
         <div class="info">发布时间：2023-01-10 10:00 来源：本网</div>
         <div class="content">${[0, 1, 2, 3].map((i) => `<p>${prose(120, i)}</p>`).join("")}</div></div>
         ${sidebar(12)}`,
      ),
    );
    expect(result.kind).toBe("article");
    expect(result.reasons.join(" ")).toMatch(/headline: 市政府/);
    expect(result.reasons.join(" ")).toMatch(/1 dates outside links/);
  });

  it("keeps an article an article when related links sit inside its content block", () => {
    const related = `<div class="related"><h4>相关新闻</h4><ul>${headlines
      .slice(0, 6)
      .map((h, i) => `<li><a href="/a/${i}.html">${h}</a></li>`)
      .join("")}</ul></div>`;
    const result = classify(
      page(
        "一篇带相关阅读的文章",
        `<h1>一篇带相关阅读的新闻稿件标题</h1><div class="content">${[0, 1, 2]
          .map((i) => `<p>${prose(90, i)}</p>`)
          .join("")}${related}</div>${sidebar(10)}`,
      ),
    );
    expect(result.kind).toBe("article");
  });

  it("keeps an article whose body is broken up by boxes of read-more links", () => {
    const box = (i: number) =>
      `<div class="promo"><a href="/news/${i}">Read more: ${"local council votes on the new budget plan ".repeat(1)}${i}</a><p>${"A short teaser line for the promoted story here. ".repeat(1)}</p></div>`;
    const paragraphs = Array.from(
      { length: 12 },
      (_, i) =>
        `<p>${"Officials said the plan would be reviewed again next year after public comment. ".repeat(2)}${i}</p>`,
    );
    const body = [
      ...paragraphs.slice(0, 4),
      box(1),
      ...paragraphs.slice(4, 8),
      box(2),
      box(3),
      ...paragraphs.slice(8),
      box(4),
      box(5),
    ];
    const result = classify(
      page(
        "Budget",
        `<h1>Council approves the budget after a long debate</h1><div class="story-body">${body.join("")}</div>`,
      ),
    );
    expect(result.kind).toBe("article");
  });

  it("recognises a short flash item by its own headline and clean text block", () => {
    const result = classify(
      page(
        "六月服务业指数回落至五个月最低",
        `<h1>六月服务业指数回落至五个月最低</h1><span>2023年7月3日</span>
         <div id="endText"><p>${prose(40, 1)}</p><p>${prose(30, 2)}</p></div>${sidebar(20)}`,
      ),
    );
    expect(result.kind).toBe("article");
  });

  it("accepts a short text when the metadata says article", () => {
    const result = classify(
      page(
        "Short wire",
        `<div class="story"><p>${"The council approved the budget on Tuesday after a long debate. ".repeat(5)}</p></div>`,
        `<meta property="og:type" content="article">`,
      ),
    );
    expect(result.kind).toBe("article");
    expect(result.reasons).toContain("metadata: og:type article");
  });

  it("reads JSON-LD NewsArticle inside a graph", () => {
    const ld = JSON.stringify({
      "@context": "https://schema.org",
      "@graph": [{ "@type": "WebPage" }, { "@type": ["NewsArticle"] }],
    });
    const result = classify(
      page("x", `<div><p>${prose(70, 3)}</p></div>`, `<script type="application/ld+json">${ld}</script>`),
    );
    expect(result.reasons).toContain("metadata: JSON-LD NewsArticle");
    expect(result.kind).toBe("article");
  });

  it("calls a government list of dated links a list", () => {
    const items = headlines
      .slice(0, 20)
      .map(
        (h, i) =>
          `<li><a href="/zwgk/202301/t2023011${i % 10}_${i}.html">${h}</a><span>2023-01-${10 + (i % 9)}</span></li>`,
      )
      .join("");
    const result = classify(
      page(
        "通知公告",
        `<div class="list"><h2>通知公告</h2><ul>${items}</ul>
         <div class="page"><a href="index_1.html">下一页</a></div></div>`,
      ),
    );
    expect(result.kind).toBe("list");
  });

  it("calls a table-layout list a list and a table-layout article an article", () => {
    const rows = headlines
      .slice(0, 15)
      .map(
        (h, i) =>
          `<tr><td>·</td><td><a href="/art/${i}.html">${h}</a></td><td>[2023-01-${10 + (i % 9)}]</td></tr>`,
      )
      .join("");
    expect(classify(page("政策文件", `<table width="100%"><tbody>${rows}</tbody></table>`)).kind).toBe(
      "list",
    );

    const text = [0, 1, 2, 3, 4].map((i) => prose(80, i)).join("<br>　　");
    const article = classify(
      page(
        "关于开展安全生产大检查的通知",
        `<table><tr><td class="bt">关于开展安全生产大检查的通知</td></tr>
         <tr><td>发布日期：2023年01月10日</td></tr><tr><td class="nr">　　${text}</td></tr></table>${sidebar(10)}`,
      ),
    );
    expect(article.kind).toBe("article");
    expect(article.reasons.join(" ")).toMatch(/headline: 关于开展/);
  });

  it("calls a list of headlines with summaries a list, though it holds plenty of text", () => {
    const items = headlines
      .slice(0, 12)
      .map(
        (h, i) =>
          `<li><h3><a href="/a/${i}.html">${h}</a></h3><p>${prose(70, i)}</p><span>2023-01-${10 + (i % 9)}</span></li>`,
      )
      .join("");
    const result = classify(page("经济新闻", `<h1>经济新闻</h1><ul class="news">${items}</ul>${sidebar(8)}`));
    expect(result.kind).toBe("list");
    expect(result.reasons.join(" ")).toMatch(/item wrappers/);
  });

  it("calls a portal home page with a linked top story a list", () => {
    const blocks = [0, 1, 2]
      .map(
        (b) =>
          `<div class="block"><h2><a href="/c${b}/">栏目${b}</a></h2><ul>${headlines
            .slice(b * 8, b * 8 + 8)
            .map((h, i) => `<li><a href="/a/${b}/${i}.html">${h}</a></li>`)
            .join("")}</ul></div>`,
      )
      .join("");
    const result = classify(
      page("首页", `<h1><a href="/a/top.html">${headlines[0]}</a></h1><p>${prose(60, 4)}</p>${blocks}`),
    );
    expect(result.kind).toBe("list");
  });

  it("calls a section landing page with a short intro a list", () => {
    const result = classify(page("国内新闻", `<h1>国内新闻</h1><p>${prose(100)}</p>${sidebar(15)}`));
    expect(result.kind).toBe("list");
  });

  it("calls a page with neither text nor links other", () => {
    expect(classify(page("登录", `<form><input name="u"><p>请输入用户名和密码。</p></form>`)).kind).toBe(
      "other",
    );
    expect(classifyPage(parseHtml("", "https://x.cn/").document).kind).toBe("other");
  });

  it("ignores script and style text", () => {
    const result = classify(
      page("x", `<script>var a = "${prose(400)}";</script><style>p{}</style><p>短</p>`),
    );
    expect(result.kind).toBe("other");
  });
});

describe("textUnits", () => {
  it.each([
    ["记者从市政府获悉", 8],
    ["The quick brown fox", 4],
    ["2023年1月10日 GDP 增长 5.2%", 11],
    ["Мастера вкуса", 2],
    ["", 0],
  ])("%s → %i", (text, units) => {
    expect(textUnits(text)).toBe(units);
  });
});

describe("classifyPage: pages that look like articles but are not", () => {
  function classifyAt(html: string, url: string) {
    const parsed = parseHtml(html, url);
    disposers.push(parsed.dispose);
    return classifyPage(parsed.document);
  }
  const item = (i: number, wrap: "dl" | "li") =>
    wrap === "dl"
      ? `<dl><dt><a href="/a/${i}.html">${headlines[i]}</a></dt><dd>${prose(60, i)}</dd><dd>2024-03-1${i}</dd></dl>`
      : `<li><h3><a href="/a/${i}.html">${headlines[i]}</a></h3><p>${prose(80, i)}</p><p>https://www.example.cn/a/${i}.html 2024-03-1${i}</p></li>`;

  it("calls a tag page of four headlines with summaries a list (too few items for the summary-list rule)", () => {
    const dl = [0, 1, 2, 3].map((i) => item(i, "dl")).join("");
    const result = classify(page("春耕_标签", `<div class="tags"><h1>标签：春耕</h1>${dl}</div>`));
    expect(result.kind).toBe("list");
    expect(result.reasons.join(" ")).toMatch(/4 items each with a headline link/);
  });

  it("calls three search results with snippets a list", () => {
    const li = [0, 1, 2].map((i) => item(i, "li")).join("");
    const result = classify(page("油菜花 - 搜索", `<p>共找到 3 条结果</p><ul class="r">${li}</ul>`));
    expect(result.kind).toBe("list");
  });

  it("keeps an article whose paragraphs cite documents by links inside their sentences", () => {
    const cite = (i: number) =>
      `<p>${prose(50, i)}根据<a href="/a/${i}.html">${headlines[i]}</a>的要求，${prose(60, i + 1)}</p>`;
    const result = classify(
      page(
        "关于做好春季安全生产工作的通知",
        `<h1>关于做好春季安全生产工作的通知</h1><div>2024-03-01</div><div class="c">${cite(0)}${cite(1)}${cite(2)}<p>${prose(60, 3)}</p></div>`,
      ),
    );
    expect(result.kind).toBe("article");
  });

  const pictures = (n: number, caption: (i: number) => string) =>
    Array.from(
      { length: n },
      (_, i) => `<div class="pic"><img src="/p/${i}.jpg"><p>${caption(i)}</p></div>`,
    ).join("");

  const notice =
    "因管网改造施工，3月22日8时至18时人民路沿线将暂停供水。请沿线居民提前做好储水准备。由此带来的不便，敬请谅解。";

  it("calls a three-sentence notice under a short dated headline an article", () => {
    const h1 = classify(
      page(
        "停水通知",
        `<div class="a"><h1>停水通知</h1><div>发布时间：2024-03-20</div><div class="c"><p>${notice}</p></div></div>${sidebar(4)}`,
      ),
    );
    expect(h1.kind, h1.reasons.join(" | ")).toBe("article");
    expect(h1.reasons).toContain("dated headline leads into the text");
    // A table layout, the headline in a title cell as short as a section name.
    const table = classify(
      page(
        "停电公告",
        `<table><tr><td class="title">停电公告</td></tr><tr><td>2024年03月20日</td></tr><tr><td>${notice}</td></tr></table>${sidebar(4)}`,
      ),
    );
    expect(table.kind, table.reasons.join(" | ")).toBe("article");
  });

  it("does not read a section page's intro as a notice when list links come between its headline and the text", () => {
    const items = headlines
      .slice(0, 3)
      .map((h, i) => `<li><a href="/a/${i}.html">${h}</a><span>2024-03-0${i + 1}</span></li>`)
      .join("");
    const result = classify(
      page("通知公告", `<h1>通知公告</h1><ul>${items}</ul><div class="intro"><p>${notice}</p></div>`),
    );
    expect(result.kind).not.toBe("article");
    // Undated, the notice is not enough either: its headline is too short to be its own.
    const undated = classify(
      page("停水通知", `<div class="a"><h1>停水通知</h1><div class="c"><p>${notice}</p></div></div>`),
    );
    expect(undated.kind).not.toBe("article");
  });

  it("calls a home page whose top story shows 200 units of teaser a list, not an article", () => {
    const list = `<ul>${headlines
      .slice(0, 9)
      .map((h, i) => `<li><a href="/a/${i}.html">${h}</a><span>2024-03-0${i + 1}</span></li>`)
      .join("")}</ul>`;
    const top = `<div class="focus"><h2><a href="/a/top.html">${headlines[10]}</a></h2><p>${prose(200, 2)}<a href="/a/top.html">[详细]</a></p></div>`;
    const home = classify(page("某某新闻网", `${top}${list}`));
    expect(home.kind, home.reasons.join(" | ")).toBe("list");
    expect(home.reasons.join(" ")).toMatch(/teaser/);
    // The same text under a dated headline of its own is an article with a sidebar (undated, it reads as a
    // section page's intro: see the topic page below).
    const article = classify(
      page(
        "某某",
        `<h1>${headlines[10]}</h1><div>2024-03-16</div><div class="c"><p>${prose(200, 2)}</p></div>${list}`,
      ),
    );
    expect(article.kind).toBe("article");
  });

  it("calls a topic page (专题) with a headline, an undated intro and its lists a list", () => {
    const lists = [0, 1]
      .map(
        (b) =>
          `<div class="blk"><h3>栏目${b}</h3><ul>${headlines
            .slice(b * 6, b * 6 + 6)
            .map((h, i) => `<li><a href="/a/${b}${i}.html">${h}</a><span>2024-03-0${i + 1}</span></li>`)
            .join("")}</ul></div>`,
      )
      .join("");
    for (const units of [130, 220]) {
      const topic = classify(
        page(
          "专题",
          `<h1>学习贯彻全会精神 奋力谱写发展新篇章</h1><div class="intro"><p>${prose(units)}</p></div>${lists}`,
        ),
      );
      expect(topic.kind, topic.reasons.join(" | ")).toBe("list");
      expect(topic.reasons.join(" ")).toMatch(/section intro/);
    }
    // Dated, the same headline and text are a short article beside lists of related stories.
    const article = classify(
      page(
        "文章",
        `<h1>学习贯彻全会精神 奋力谱写发展新篇章</h1><div>2024-03-16 10:00</div><div class="c"><p>${prose(130)}</p></div>${lists}`,
      ),
    );
    expect(article.kind).toBe("article");
  });

  it("calls a photo gallery (many pictures, one-line captions) other, though it has a headline and a date", () => {
    const result = classify(
      page(
        "图集｜油菜花进入最佳观赏期",
        `<div class="atlas"><h1>图集｜油菜花进入最佳观赏期</h1><div>2024-03-16 摄影：王磊</div>${pictures(8, (i) => prose(15, i))}</div>`,
      ),
    );
    expect(result.kind).toBe("other");
    expect(result.reasons.join(" ")).toMatch(/gallery: 8 images/);
  });

  it("keeps a listicle whose metadata says article, though its items open with headline links", () => {
    const li = [0, 1, 2, 3].map(
      (i) => `<li><a href="/p/${i}.html">${headlines[i]}</a>：${prose(60, i)}</li>`,
    );
    const html = `<h1>春季出游好去处推荐十佳</h1><div>2024-03-01</div><ul>${li.join("")}</ul>`;
    expect(classify(page("春季出游", html, '<meta property="og:type" content="article">')).kind).toBe(
      "article",
    );
    expect(classify(page("春季出游", html)).kind).toBe("list");
  });

  it("keeps an article whose main block missed its text: pictures around two paragraphs are no gallery", () => {
    const result = classify(
      page(
        "市民公园改造完工",
        `<div class="art"><h1>市民公园改造完工今起开放迎客</h1><div>2024-03-16</div>${Array.from({ length: 8 }, (_, i) => `<img src="/p/${i}.jpg">`).join("")}<p>${prose(55, 1)}</p><p>${prose(55, 2)}</p></div>`,
      ),
    );
    expect(result.kind, result.reasons.join(" | ")).toBe("article");
  });

  it("keeps a photo story whose text outweighs its pictures an article", () => {
    const result = classify(
      page(
        "油菜花进入最佳观赏期",
        `<div class="art"><h1>油菜花进入最佳观赏期游客纷至沓来</h1><div>2024-03-16</div>${pictures(4, (i) => prose(70, i))}<p>${prose(120, 2)}</p></div>`,
      ),
    );
    expect(result.kind).toBe("article");
  });

  it("calls 关于我们 other: a menu label for a headline, no date, even with several paragraphs", () => {
    const body = [0, 1, 2, 3].map((i) => `<p>${prose(75, i)}</p>`).join("");
    const crumb = `<div class="crumb"><a href="/">首页</a> &gt; <a href="/about.html">关于我们</a></div>`;
    const about = classify(page("关于我们", `${crumb}<div class="about"><h1>关于我们</h1>${body}</div>`));
    expect(about.kind).toBe("other");
    expect(about.reasons.join(" ")).toMatch(/menu label/);
    // Without a link of that name, a short headline over a page of text is still read as an article.
    const result = classify(page("关于我们", `<div class="about"><h1>关于我们</h1>${body}</div>`));
    expect(result.kind).toBe("article");
  });

  it("calls a dated 关于我们 other when a menu link of that name leads to the page itself", () => {
    const body = [0, 1, 2, 3].map((i) => `<p>${prose(75, i)}</p>`).join("");
    const html = page(
      "关于我们",
      `<div class="about"><h1>关于我们</h1><div>更新时间：2023-05-01</div>${body}</div><p><a href="/about.html">关于我们</a></p>`,
    );
    const here = classifyAt(html, "https://www.example.cn/about.html");
    expect(here.kind).toBe("other");
    expect(here.reasons.join(" ")).toMatch(/menu label linking here/);
    expect(classifyAt(html, "https://www.example.cn/a/2023/0501/7.html").kind).toBe("article");
  });

  it("keeps a dated article whose short headline is also a menu label", () => {
    const body = [0, 1, 2, 3].map((i) => `<p>${prose(75, i)}</p>`).join("");
    const result = classify(page("关于", `<div class="c"><h1>关于</h1><div>2024-03-01</div>${body}</div>`));
    expect(result.kind).toBe("article");
  });

  const twoPages = (pager: string) =>
    page(
      "春耕备耕全面推进",
      `<h1>春耕备耕全面推进六万亩耕地完成翻耕</h1><div>2024-03-15</div><div id="content">${[0, 1, 2]
        .map((i) => `<p>${prose(80, i)}</p>`)
        .join("")}</div>${pager}`,
    );

  it("calls the second page of an article other when its pager leads back to the first page", () => {
    const pager = `<div id="pager"><a href="content_1.htm">上一页</a> <a href="content_1.htm">1</a> <span>2</span></div>`;
    const second = classifyAt(twoPages(pager), "https://www.example.cn/c/2024-03/15/content_1_2.htm");
    expect(second.kind).toBe("other");
    expect(second.reasons.join(" ")).toMatch(/later page of .*content_1\.htm/);
    const pagerOnFirst = `<div id="pager"><span>1</span> <a href="content_1_2.htm">2</a> <a href="content_1_2.htm">下一页</a></div>`;
    expect(classifyAt(twoPages(pagerOnFirst), "https://www.example.cn/c/2024-03/15/content_1.htm").kind).toBe(
      "article",
    );
  });

  it("calls page 2 of a dynamic article (?page=2) other when its pager leads back to page 1", () => {
    const back = `<div class="pages"><a href="show.php?id=7&amp;page=1">上一页</a> <a href="show.php?id=7">1</a> <b>2</b></div>`;
    const second = classifyAt(twoPages(back), "https://www.example.cn/show.php?id=7&page=2");
    expect(second.kind).toBe("other");
    expect(second.reasons.join(" ")).toMatch(/later page of .*show\.php\?id=7/);
    const ahead = `<div class="pages"><b>1</b> <a href="show.php?id=7&amp;page=2">2</a> <a href="show.php?id=7&amp;page=2">下一页</a></div>`;
    expect(classifyAt(twoPages(ahead), "https://www.example.cn/show.php?id=7").kind).toBe("article");
    // Another article's page 1 is not this one's.
    const other = `<div class="pages"><a href="show.php?id=8">上一页</a></div>`;
    expect(classifyAt(twoPages(other), "https://www.example.cn/show.php?id=7&page=2").kind).toBe("article");
  });

  it("calls a comment page (`cpage=2`) other when it leads back to the article: the same text again", () => {
    const back = `<div class="comment-pages"><a href="/?p=123&amp;cpage=1">上一页</a> <a href="/?p=123">1</a> <b>2</b></div>`;
    const comments = classifyAt(twoPages(back), "https://blog.example.com/?p=123&cpage=2");
    expect(comments.kind).toBe("other");
    expect(comments.reasons.join(" ")).toMatch(
      /later page of https:\/\/blog\.example\.com\/\?(cpage=1&)?p=123$/,
    );
    // A list page key (`paged`) never makes a page a later page of an article.
    expect(classifyAt(twoPages(back), "https://blog.example.com/?p=123&paged=2").kind).toBe("article");
  });

  it("calls `_1` other where the pager numbers from 0 (`x_1.htm` is page 2) and names the first page", () => {
    const pager = `<div id="pager"><a href="content_48.htm">[1]</a> [2] <a href="content_48_2.htm">[3]</a>
      <a href="content_48_2.htm">下一页</a></div>`;
    const second = classifyAt(twoPages(pager), "http://news.example.cn/2005-08/16/content_48_1.htm");
    expect(second.kind).toBe("other");
    expect(second.firstPageUrl).toBe("http://news.example.cn/2005-08/16/content_48.htm");
    // The first page itself is the article.
    const onFirst = `<div id="pager">[1] <a href="content_48_1.htm">[2]</a> <a href="content_48_2.htm">[3]</a></div>`;
    const first = classifyAt(twoPages(onFirst), "http://news.example.cn/2005-08/16/content_48.htm");
    expect(first.kind).toBe("article");
    expect(first.firstPageUrl).toBeUndefined();
  });

  it("calls page 2 other when a lone 第1页 link, in no pager bar, leads back to page 1", () => {
    const lone = `<p>第2页 <a href="content_1.htm">第1页</a></p>`;
    expect(classifyAt(twoPages(lone), "https://www.example.cn/c/2024-03/15/content_1_2.htm").kind).toBe(
      "other",
    );
  });

  it("keeps an article whose name ends in _N when nothing pages back to the shorter name", () => {
    const related = `<ul><li><a href="report.html">${headlines[3]}</a></li></ul>`;
    expect(classifyAt(twoPages(related), "https://www.example.cn/news/report_2.html").kind).toBe("article");
  });
});
