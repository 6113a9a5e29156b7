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
