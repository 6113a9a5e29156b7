/**
 * A small news site on 127.0.0.1 whose content changes between two crawls, for the incremental-crawl tests.
 * It behaves like a well-configured web server: ETag and Last-Modified where a page has them, 304 Not
 * Modified for a matching If-None-Match (or, without one, an If-Modified-Since not older than the page),
 * and a request log with the conditional headers each request carried and the status it got.
 *
 * Version 1: home → list page → five articles. Version 2 (`publish(2)`): one article added, one edited, the
 * rest as they were. Articles differ in what the server offers:
 *
 * | article      | validators          | in version 2                                   |
 * |--------------|---------------------|------------------------------------------------|
 * | `untouched`  | ETag, Last-Modified | unchanged → expect a 304                       |
 * | `edited`     | ETag, Last-Modified | a paragraph rewritten → a new revision         |
 * | `static`     | none                | same bytes → one hash of the body              |
 * | `stamped`    | none                | bytes change (a render stamp), text does not   |
 * | `lastmod`    | Last-Modified only  | unchanged → expect a 304                       |
 * | `added`      | ETag, Last-Modified | new → a first record                           |
 *
 * Pages are our own writing: a headline, a date/来源 line, a few paragraphs, 上一篇/下一篇 links.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ArticleName = "untouched" | "edited" | "static" | "stamped" | "lastmod" | "added";

export interface SiteRequest {
  path: string;
  status: number;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
}

export interface ChangingSite {
  /** The home page, `http://127.0.0.1:<port>/`. */
  url: string;
  origin: string;
  log: SiteRequest[];
  /** Switches the site to a version; later requests see it. */
  publish(version: 1 | 2): void;
  /** The path of an article page. */
  pathOf(name: ArticleName): string;
  close(): Promise<void>;
}

interface Article {
  name: ArticleName;
  title: string;
  date: string;
  paragraphs: string[];
  validators: "both" | "last-modified" | "none";
  /** The page carries a comment that changes on every request (cache-busting templates do this). */
  stamped?: boolean;
}

const PARAGRAPHS = [
  "本报讯 近日，滨河街道组织召开老旧小区改造工作推进会，通报前期改造进展，部署下一阶段重点任务。会议要求各社区对照时间节点，逐项梳理施工中遇到的管线迁改、停车位调整等难点问题。",
  "据介绍，今年纳入改造计划的小区共有十四个，涉及居民四千六百余户。目前已有九个小区完成外立面整治和雨污分流改造，其余小区正在进行屋面防水和楼道照明更新，预计十月底前全部完工。",
  "在改造过程中，街道坚持“改不改、改什么、怎么改”由居民说了算，通过入户走访、议事协商会等方式收集意见建议三百余条，新增电动自行车充电桩、适老化扶手和社区口袋公园等设施。",
  "街道相关负责人表示，下一步将建立长效管理机制，引导小区成立业主自治组织，引入专业物业服务，确保改造成果管得住、用得好，让居民的获得感更加充实。",
  "与此同时，街道还将同步推进背街小巷环境提升，结合城市更新行动，对沿街店招店牌、架空线缆和绿化景观进行统一整治，打造整洁有序的街区环境。",
];

function article(
  name: ArticleName,
  title: string,
  date: string,
  rotate: number,
  validators: Article["validators"],
): Article {
  const paragraphs = PARAGRAPHS.map((_, i) => PARAGRAPHS[(i + rotate) % PARAGRAPHS.length] as string);
  // Each article opens with its own sentence, so no two share a text.
  paragraphs.unshift(`${title}。这是本站记者在${date}的现场报道，以下为详细内容。`);
  return { name, title, date, paragraphs, validators };
}

function versionOne(): Article[] {
  const stamped = article("stamped", "城西菜市场完成提升改造重新开业", "2024-03-04", 3, "none");
  stamped.stamped = true;
  return [
    article("untouched", "滨河街道召开老旧小区改造推进会", "2024-03-01", 0, "both"),
    article("edited", "社区食堂开业首周接待居民两千余人次", "2024-03-02", 1, "both"),
    article("static", "江滨公园樱花进入最佳观赏期", "2024-03-03", 2, "none"),
    stamped,
    article("lastmod", "区图书馆新增二十四小时自助借阅点", "2024-03-05", 4, "last-modified"),
  ];
}

function versionTwo(): Article[] {
  const articles = versionOne();
  const edited = articles.find((a) => a.name === "edited") as Article;
  edited.paragraphs[2] =
    "更正：经核实，社区食堂开业首周实际接待居民一千八百余人次，其中七十周岁以上老人占四成，此前报道的数字有误，特此更正。";
  articles.push(article("added", "城东新建口袋公园对外开放", "2024-03-06", 2, "both"));
  return articles;
}

const pathOf = (name: ArticleName) => `/news/2024/03/${name}.html`;

function articleHtml(a: Article, all: Article[], stamp: number): string {
  // Pages are generated once, like a static site: an older page never gains a link to a newer one.
  const older = all.filter((other) => other.name !== "added" || other === a);
  const index = older.indexOf(a);
  const prev = older[index - 1];
  const next = a.name === "added" ? undefined : older[index + 1];
  const link = (label: string, other: Article | undefined) =>
    other ? `<p>${label}：<a href="${pathOf(other.name)}">${other.title}</a></p>` : "";
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${a.title}_新闻中心_滨河新闻网</title>
${a.stamped ? `<!-- rendered ${stamp} -->` : ""}
</head><body>
<nav><a href="/">首页</a> <a href="/news/list.html">新闻中心</a></nav>
<article>
<h1>${a.title}</h1>
<div class="info">发布时间：${a.date} 来源：滨河新闻网</div>
<div class="content">
${a.paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</div>
</article>
<div class="pager">${link("上一篇", prev)}${link("下一篇", next)}</div>
<footer>滨河新闻网 版权所有</footer>
</body></html>`;
}

function listHtml(all: Article[]): string {
  const items = [...all]
    .reverse()
    .map((a) => `<li><a href="${pathOf(a.name)}">${a.title}</a> <span>${a.date}</span></li>`)
    .join("\n");
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>新闻中心_滨河新闻网</title></head><body>
<nav><a href="/">首页</a> <a href="/news/list.html">新闻中心</a></nav>
<h2>新闻中心</h2>
<ul class="list">
${items}
</ul>
<footer>滨河新闻网 版权所有</footer>
</body></html>`;
}

const HOME_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>滨河新闻网</title></head><body>
<nav><a href="/">首页</a> <a href="/news/list.html">新闻中心</a></nav>
<p>欢迎访问滨河新闻网。</p>
</body></html>`;

/** A Last-Modified per version, so an edited page is newer than its first version. */
const VERSION_DATES: Record<1 | 2, string> = {
  1: "Mon, 04 Mar 2024 08:00:00 GMT",
  2: "Thu, 07 Mar 2024 08:00:00 GMT",
};

export async function startChangingSite(): Promise<ChangingSite> {
  let version: 1 | 2 = 1;
  let articles = versionOne();
  /** When each article's bytes last changed (Last-Modified), by name. */
  const modified = new Map<ArticleName, { html: string; at: string }>();
  let stamp = 0;
  const log: SiteRequest[] = [];

  const articleReply = (a: Article) => {
    const html = articleHtml(a, articles, stamp++);
    const known = modified.get(a.name);
    // A stamped page's bytes change every time, but the server does not advertise it: it sends no validators.
    if (!known || (known.html !== html && !a.stamped))
      modified.set(a.name, { html, at: VERSION_DATES[version] });
    const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" };
    if (a.validators === "both") headers.etag = `"${createHash("sha1").update(html).digest("hex")}"`;
    if (a.validators !== "none") headers["last-modified"] = modified.get(a.name)?.at as string;
    return { html, headers };
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const ifNoneMatch = req.headers["if-none-match"] ?? null;
    const ifModifiedSince = req.headers["if-modified-since"] ?? null;
    const reply = (status: number, headers: Record<string, string>, body: string) => {
      log.push({ path, status, ifNoneMatch, ifModifiedSince });
      res.writeHead(status, headers);
      res.end(status === 304 ? undefined : body);
    };
    if (path === "/") return reply(200, { "content-type": "text/html; charset=utf-8" }, HOME_HTML);
    if (path === "/news/list.html") {
      return reply(200, { "content-type": "text/html; charset=utf-8" }, listHtml(articles));
    }
    const found = articles.find((a) => pathOf(a.name) === path);
    if (!found) return reply(404, { "content-type": "text/plain" }, "not found");
    const { html, headers } = articleReply(found);
    if (notModified(headers, ifNoneMatch, ifModifiedSince)) {
      const { etag, "last-modified": lastModified } = headers;
      return reply(
        304,
        { ...(etag ? { etag } : {}), ...(lastModified ? { "last-modified": lastModified } : {}) },
        "",
      );
    }
    return reply(200, headers, html);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    log,
    publish(next) {
      version = next;
      articles = next === 1 ? versionOne() : versionTwo();
    },
    pathOf,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since is read only without it. */
function notModified(
  headers: Record<string, string>,
  ifNoneMatch: string | null,
  ifModifiedSince: string | null,
): boolean {
  if (ifNoneMatch !== null) {
    return headers.etag !== undefined && ifNoneMatch.split(",").some((tag) => tag.trim() === headers.etag);
  }
  if (ifModifiedSince !== null && headers["last-modified"] !== undefined) {
    return Date.parse(headers["last-modified"]) <= Date.parse(ifModifiedSince);
  }
  return false;
}
