/**
 * A news site served under many host names at once, for the crawl benchmark: one HTTP server per loopback
 * address `127.0.0.N` (Linux routes all of 127.0.0.0/8 to `lo`), so each is a distinct host to politeness,
 * robots and scope, and the crawler's per-host spacing can be measured from the server's side.
 *
 * Each host serves `robots.txt` (allow all), a home page and eight section pages listing its articles, and
 * the articles: generated
 * Chinese news pages of a realistic weight (~9 KB: head with meta tags, navigation, breadcrumbs, headline,
 * a 发布时间/来源/作者 byline, a dozen paragraphs, related links and a footer). The text is deterministic
 * pseudo-prose, so every run serves the same bytes.
 *
 * @example
 *   const site = await startManyHostsSite({ hosts: 50, articlesPerHost: 20 });
 *   // crawl site.roots …
 *   site.requestTimes.get(site.roots[0]); // epoch ms of each request to that host, in arrival order
 *   await site.close();
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ManyHostsSiteOptions {
  hosts: number;
  articlesPerHost: number;
}

export interface ManyHostsSite {
  /** `http://127.0.0.N:<port>/`, one per host. */
  roots: string[];
  /** Arrival time (`performance.now()`) of each request, per root. */
  requestTimes: Map<string, number[]>;
  /** HTML bytes served per article page, on average. */
  articleBytes: number;
  /** How long every answer waits before it is sent (a server's think time), settable between runs. @default 0 */
  responseDelayMs: number;
  close(): Promise<void>;
}

const WORDS = [
  "记者", "近日", "我市", "发展", "经济", "项目", "建设", "推进", "企业", "群众", "服务", "工作", "会议", "部门",
  "提升", "加快", "落实", "改革", "创新", "产业", "农村", "城市", "文化", "教育", "医疗", "交通", "环境", "安全",
  "政策", "措施", "全面", "持续", "重点", "任务", "目标", "质量", "效率", "合作", "社区", "居民", "活动", "开展",
  "组织", "相关", "负责人", "介绍", "表示", "今年", "以来", "累计", "完成", "投资", "亿元", "同比", "增长", "百分之",
  "数字", "平台", "技术", "人才", "乡村", "振兴", "生态", "保护", "治理", "能力", "水平", "进一步", "推动", "实现",
]; // biome-ignore format: a vocabulary reads better packed
const PUNCTUATION = ["，", "，", "，", "、", "；"];

/** A small deterministic PRNG, so every run serves the same pages. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(random: () => number): string {
  const clauses = 2 + Math.floor(random() * 3);
  const parts: string[] = [];
  for (let c = 0; c < clauses; c++) {
    const words = 4 + Math.floor(random() * 6);
    let clause = "";
    for (let w = 0; w < words; w++) clause += WORDS[Math.floor(random() * WORDS.length)];
    parts.push(clause);
  }
  const joined = parts
    .map((part, i) => (i === 0 ? part : `${PUNCTUATION[Math.floor(random() * PUNCTUATION.length)]}${part}`))
    .join("");
  return `${joined}。`;
}

function paragraph(random: () => number): string {
  const sentences = 2 + Math.floor(random() * 3);
  return Array.from({ length: sentences }, () => sentence(random)).join("");
}

const SECTIONS = ["首页", "新闻中心", "政务公开", "经济", "文化", "教育", "民生", "专题"];

function chrome(host: number): { nav: string; footer: string } {
  return {
    nav: `<div class="header"><div class="logo">第${host}城市网</div><ul class="nav">${SECTIONS.map(
      (name, i) => `<li><a href="/list/${i}.html">${name}</a></li>`,
    ).join("")}</ul></div>`,
    footer: `<div class="footer"><p>主办：第${host}城市网 版权所有</p><p>联系电话：0571-8888${String(host).padStart(4, "0")}</p></div>`,
  };
}

function articlePage(host: number, index: number, articles: number): string {
  const random = prng(host * 10_007 + index);
  const title = sentence(random)
    .slice(0, 18)
    .replace(/[，、；。]/g, "");
  const { nav, footer } = chrome(host);
  const paragraphs = Array.from(
    { length: 10 + Math.floor(random() * 5) },
    () => `<p>${paragraph(random)}</p>`,
  );
  const day = String(1 + (index % 28)).padStart(2, "0");
  const related = Array.from({ length: 6 }, (_, i) => {
    const other = (index + i + 1) % articles;
    return `<li><a href="/a/${other}.html">${sentence(prng(host * 10_007 + other)).slice(0, 14)}</a></li>`;
  }).join("");
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_第${host}城市网</title>
<meta name="keywords" content="${title}"><meta name="description" content="${paragraphs[0]?.slice(3, 60)}">
<link rel="stylesheet" href="/css/main.css"><script src="/js/jquery.min.js"></script></head>
<body>${nav}
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/list/1.html">新闻中心</a> &gt; 正文</div>
<div class="main"><div class="article"><h1>${title}</h1>
<div class="info">发布时间：2024-03-${day} 09:${String(index % 60).padStart(2, "0")} 来源：第${host}城市日报 作者：记者${index}号</div>
<div class="content">${paragraphs.join("\n")}</div>
<div class="share">分享到：微信 微博</div>
<div class="pages">上一篇：<a href="/a/${(index + articles - 1) % articles}.html">上一条新闻</a> 下一篇：<a href="/a/${(index + 1) % articles}.html">下一条新闻</a></div>
</div><div class="side"><h3>相关新闻</h3><ul>${related}</ul></div></div>
${footer}</body></html>`;
}

function homePage(host: number, articles: number): string {
  const { nav, footer } = chrome(host);
  const items = Array.from({ length: articles }, (_, i) => {
    const title = sentence(prng(host * 10_007 + i))
      .slice(0, 18)
      .replace(/[，、；。]/g, "");
    return `<li><a href="/a/${i}.html">${title}</a><span>2024-03-${String(1 + (i % 28)).padStart(2, "0")}</span></li>`;
  }).join("\n");
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>第${host}城市网</title></head>
<body>${nav}<div class="list"><h2>新闻中心</h2><ul>${items}</ul></div>${footer}</body></html>`;
}

export async function startManyHostsSite(options: ManyHostsSiteOptions): Promise<ManyHostsSite> {
  const servers: Server[] = [];
  const roots: string[] = [];
  const requestTimes = new Map<string, number[]>();
  const site = { responseDelayMs: 0 };
  for (let host = 1; host <= options.hosts; host++) {
    const home = homePage(host, options.articlesPerHost);
    // The navigation's section pages list the same articles, as portal sections overlap.
    const pages = new Map<string, string>([
      ["/", home],
      ...SECTIONS.map((_, i) => [`/list/${i}.html`, home] as [string, string]),
    ]);
    for (let i = 0; i < options.articlesPerHost; i++)
      pages.set(`/a/${i}.html`, articlePage(host, i, options.articlesPerHost));
    const times: number[] = [];
    const server = createServer((request, response) => {
      times.push(performance.now());
      if (site.responseDelayMs > 0) setTimeout(() => answer(request, response), site.responseDelayMs);
      else answer(request, response);
    });
    const answer = (request: IncomingMessage, response: ServerResponse): void => {
      const path = (request.url ?? "/").split("?")[0] ?? "/";
      if (path === "/robots.txt") {
        response.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nAllow: /\n");
        return;
      }
      const body = pages.get(path);
      if (body === undefined) {
        response.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end("<h1>404</h1>");
        return;
      }
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    };
    const address = `127.0.0.${host}`;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, address, () => resolve());
    });
    servers.push(server);
    const root = `http://${address}:${(server.address() as AddressInfo).port}/`;
    roots.push(root);
    requestTimes.set(root, times);
  }
  const sample = articlePage(1, 0, options.articlesPerHost);
  return {
    roots,
    requestTimes,
    articleBytes: Buffer.byteLength(sample),
    get responseDelayMs() {
      return site.responseDelayMs;
    },
    set responseDelayMs(ms: number) {
      site.responseDelayMs = ms;
    },
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
