import { describe, expect, it } from "vitest";
import { parseHtml } from "../extract/parse-html.js";
import type { Page } from "../fetch/page.js";
import type { AdapterError } from "./adapter-error.js";
import { type AdapterDefinition, defineAdapter } from "./define-adapter.js";
import { type AdapterLink, ResolvedAdapter } from "./resolved-adapter.js";

const URL_ = "http://www.example.cn/news/2023/0110/5821.html";

const PARAGRAPHS = [
  "1月10日上午，某镇冬季农产品展销会在镇文化广场开幕，六十余家合作社和农户带来了腊肉、红薯粉条等特色年货。",
  "展销会为期五天，现场设置了特色农产品、非遗手工艺品和电商直播三个展区，参展农产品全部经过质量检测。",
  "据统计，开幕当天展销会累计接待市民一万余人次，现场销售额超过四十万元，线上订单两千余单。",
];

const HTML = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>某镇冬季农产品展销会开幕_某镇资讯网</title></head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></div>
<h1>某镇冬季农产品展销会开幕</h1>
<div class="info"><span class="num">1523</span> <span class="who">张三 李四</span></div>
<div id="side"><p>侧栏里有一段足够长的文字，讲的是另一件完全无关的事情，长度也足以让通用提取器犹豫一下到底选哪一块。</p></div>
<div class="body">
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}
<p class="ad">广告：扫码关注公众号领取新年红包大礼包，数量有限先到先得。</p>
<p>特别声明：本站转载的内容仅代表作者观点，与本站立场无关，如有侵权请联系删除。</p>
</div>
<div class="pages"><a class="next" href="/news/index_2.html">下一页</a><a href="javascript:;">more</a></div>
<a href="/news/2023/0111/5833.html">镇中心小学举行期末表彰大会</a>
<a href="/special/topic.html">专题</a>
</body></html>`;

function page(html = HTML, url = URL_): Page {
  return {
    requestedUrl: url,
    url,
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8" },
    body: new TextEncoder().encode(html),
    fetchedAt: new Date("2024-01-01T00:00:00Z"),
    rendered: false,
  };
}

function resolved(definition: Omit<AdapterDefinition, "name" | "hosts"> & { name?: string }) {
  const errors: AdapterError[] = [];
  const adapter = new ResolvedAdapter(
    defineAdapter({ name: "site", hosts: ["www.example.cn"], ...definition }),
    (error) => errors.push(error),
  );
  return { adapter, errors };
}

describe("ResolvedAdapter.extract", () => {
  it("applies selector, URL and function hooks and records the adapter's name", () => {
    const { adapter, errors } = resolved({
      fields: {
        views: ".info span.num",
        publishedAt: { url: /\/(\d{4})\/(\d{2})(\d{2})\// },
        authors: ".info .who",
        title: ({ generic }) => `${generic}（图）`,
        source: () => null,
      },
      extra: { editor: () => "王五", counter: ".info span.num" },
    });
    const record = adapter.extract(page());
    const generic = new ResolvedAdapter(null, () => {}).extract(page());
    expect(errors).toEqual([]);
    expect(record.site).toBe("site");
    expect([generic.views, generic.publishedAt, generic.authors]).toEqual([null, null, []]);
    expect(record.views).toBe(1523);
    expect(record.publishedAt).toBe("2023-01-10");
    expect(record.authors).toEqual(["张三", "李四"]);
    expect(record.title).toBe(`${generic.title}（图）`);
    expect(record.source).toBeNull();
    expect(record.extra).toEqual({ site: { editor: "王五", counter: "1523" } });
  });

  it("keeps the generic value when a selector matches nothing", () => {
    const generic = new ResolvedAdapter(null, () => {}).extract(page());
    const { adapter } = resolved({ fields: { title: "h2.missing", views: ".missing" } });
    const record = adapter.extract(page());
    expect(record.title).toBe(generic.title);
    expect(record.views).toBe(generic.views);
  });

  it("takes the content selector's subtree, minus `remove`, with the boilerplate filters still applied", () => {
    const { adapter } = resolved({ content: { selector: "div.body", remove: [".ad"] } });
    const record = adapter.extract(page());
    for (const paragraph of PARAGRAPHS) expect(record.text).toContain(paragraph);
    expect(record.text).not.toContain("侧栏");
    expect(record.text).not.toContain("广告");
    expect(record.text).not.toContain("特别声明");
  });

  it("falls back to the generic picker when the content selector matches nothing", () => {
    const { adapter } = resolved({ content: { selector: "div.no-such-body" } });
    expect(adapter.extract(page()).text).toContain(PARAGRAPHS[1]);
  });

  it("post-processes the text, with the page as it was before extraction", () => {
    let sawInfo = false;
    const { adapter } = resolved({
      fields: {
        text: ({ document, generic }) => {
          sawInfo = document.querySelector(".info span.num") !== null;
          return generic.replace("展销会", "【展销会】");
        },
      },
    });
    expect(adapter.extract(page()).text).toContain("【展销会】");
    expect(sawInfo).toBe(true);
  });

  it("reads times in the adapter's timezone", () => {
    const html = HTML.replace(
      '<span class="num">',
      '<span class="t">2023-01-10 09:05</span><span class="num">',
    );
    const { adapter } = resolved({ timezone: "Asia/Tokyo", fields: { publishedAt: "span.t" } });
    expect(adapter.extract(page(html)).publishedAt).toBe("2023-01-10T09:05:00+09:00");
  });

  it("reports a throwing hook once, naming adapter, page and hook, and gives the generic record", () => {
    const { adapter, errors } = resolved({
      fields: {
        views: () => {
          throw new Error("counter moved\nsecond line");
        },
      },
    });
    const record = adapter.extract(page());
    expect(record.site).toBe("generic");
    expect(record.text).toContain(PARAGRAPHS[0]);
    expect(errors).toHaveLength(1);
    const message = errors[0]?.message ?? "";
    expect(message).toContain('adapter "site"');
    expect(message).toContain(URL_);
    expect(message).toContain("fields.views");
    expect(message).toContain("counter moved second line");
    expect(message).not.toContain("\n");
  });

  it("treats an invalid content selector like a throwing hook", () => {
    const { adapter, errors } = resolved({ content: { selector: "div[[" } });
    expect(adapter.extract(page()).site).toBe("generic");
    expect(errors[0]?.hook).toBe("content.selector");
  });
});

describe("ResolvedAdapter.classify", () => {
  const { document } = parseHtml(HTML, URL_);

  it("uses URL rules first, then the kind hook, then the generic answer", () => {
    const byUrl = resolved({ pages: { list: ["/news/**"], kind: () => "article" } }).adapter;
    expect(byUrl.classify(document, page(), () => "other")).toBe("list");
    const byHook = resolved({
      pages: { kind: ({ generic }) => (generic === "other" ? "article" : undefined) },
    }).adapter;
    expect(byHook.classify(document, page(), () => "other")).toBe("article");
    expect(byHook.classify(document, page(), () => "list")).toBe("list");
  });

  it("falls back to the generic answer when the hook throws, and reports it", () => {
    const { adapter, errors } = resolved({
      pages: {
        kind: () => {
          throw new Error("boom");
        },
      },
    });
    expect(adapter.classify(document, page(), () => "list")).toBe("list");
    expect(errors[0]?.hook).toBe("pages.kind");
  });
});

describe("ResolvedAdapter.followLinks", () => {
  const { document } = parseHtml(HTML, URL_);
  const generic: AdapterLink[] = [
    { url: "http://www.example.cn/news/2023/0111/5833.html", kind: "article", pagination: false },
    { url: "http://www.example.cn/special/topic.html", kind: "unknown", pagination: false },
  ];

  it("returns the generic links untouched when the adapter has no link or page rules", () => {
    expect(resolved({}).adapter.followLinks(document, URL_, generic)).toEqual(generic);
  });

  it("adds pager and discovered links, then applies ignore, follow and page kinds", () => {
    const { adapter } = resolved({
      pages: { list: ["/special/**"] },
      links: {
        pagination: "div.pages a.next",
        discover: () => ["/news/2023/0112/5840.html", "javascript:void(0)", "mailto:a@b.cn"],
        ignore: ["/news/2023/0111/**"],
      },
    });
    const links = adapter.followLinks(document, URL_, generic);
    expect(links).toEqual([
      { url: "http://www.example.cn/special/topic.html", kind: "list", pagination: false },
      { url: "http://www.example.cn/news/2023/0112/5840.html", kind: "unknown", pagination: false },
      { url: "http://www.example.cn/news/index_2.html", kind: "list", pagination: true },
    ]);
    const only = resolved({ links: { follow: ["/news/**"] } }).adapter.followLinks(document, URL_, generic);
    expect(only.map((link) => link.url)).toEqual(["http://www.example.cn/news/2023/0111/5833.html"]);
  });

  it("keeps the generic links when a link hook throws, and reports it", () => {
    const { adapter, errors } = resolved({ links: { pagination: () => ({}) as never } });
    expect(adapter.followLinks(document, URL_, generic)).toEqual(generic);
    expect(errors[0]?.hook).toBe("links");
  });
});

describe("request settings", () => {
  it("sends headers and cookies, and exposes politeness, rendering and charset", () => {
    const { adapter } = resolved({
      headers: { referer: "http://www.example.cn/" },
      cookies: { sid: "abc", lang: "zh" },
      politeness: { intervalMs: 2000 },
      render: "always",
      renderInFrame: false,
      charset: "gbk",
    });
    expect(adapter.requestHeaders()).toEqual({
      referer: "http://www.example.cn/",
      cookie: "sid=abc; lang=zh",
    });
    expect(adapter.politeness).toEqual({ intervalMs: 2000 });
    expect(adapter.render).toBe("always");
    expect(adapter.renderInFrame).toBe(false);
    expect(resolved({}).adapter.renderInFrame).toBeUndefined();
    expect(adapter.charset).toBe("gbk");
    expect(new ResolvedAdapter(null, () => {}).requestHeaders()).toEqual({});
  });
});
