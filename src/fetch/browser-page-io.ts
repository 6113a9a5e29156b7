/**
 * What crosses the boundary between caiji and the browser, as plain functions and data: which requests a
 * rendered page may make at all, the headers its fetched bytes are served with, and the rendered DOM turned
 * back into a `Page`, the cookies of a response the browser does not see. Kept apart from
 * `browser-fetcher.ts` (which drives Chromium) so that these rules can be read and tested without a browser.
 */
import { parseSetCookie } from "set-cookie-parser";
import type { Page } from "./page.js";

/** Playwright resource types that never change a page's text. */
export const BLOCKED_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  "image",
  "media",
  "font",
  "stylesheet",
  "texttrack",
  "manifest",
  "eventsource",
  "websocket",
]);

/**
 * Analytics and ad hosts (and their subdomains) common on Chinese and international sites: their scripts
 * never write article content, ad scripts inject text that is not the article, and every request to them
 * would cost time and politeness.
 */
export const BLOCKED_HOSTS: readonly string[] = [
  "hm.baidu.com",
  "pos.baidu.com",
  "cpro.baidu.com",
  "cpro.baidustatic.com",
  "dup.baidustatic.com",
  "push.zhanzhang.baidu.com",
  "zz.bdstatic.com",
  "cnzz.com",
  "51.la",
  "google-analytics.com",
  "googletagmanager.com",
  "googlesyndication.com",
  "doubleclick.net",
];

/** Response headers that describe the wire form of a body we serve decoded and re-framed. */
const WIRE_HEADERS = ["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive"];
/** Not served with the page's bytes: its cookies are given to the browser apart (`responseCookies`). */
const SERVED_APART = ["set-cookie"];
/** Replaces the charset in `<meta charset>` and `<meta http-equiv=Content-Type>` tags with utf-8. */
export function declareUtf8(html: string): string {
  return html.replace(/<meta\b[^>]*>/gi, (tag) =>
    tag.replace(/(charset\s*=\s*["']?)\s*[^"'\s;,/>]+/i, "$1utf-8"),
  );
}

/** The original headers, minus wire framing, with the charset the bytes are to be read in. */
export function servedHeaders(page: Page, charset: string): Record<string, string> {
  return {
    ...headersWithout(page, [...WIRE_HEADERS, ...SERVED_APART]),
    "content-type": `text/html; charset=${charset}`,
  };
}

export function renderedPage(page: Page, html: string): Page {
  const headers = { ...headersWithout(page, WIRE_HEADERS), "content-type": "text/html; charset=utf-8" };
  return {
    requestedUrl: page.requestedUrl,
    url: page.url,
    status: page.status,
    headers,
    body: new TextEncoder().encode(html),
    fetchedAt: new Date(),
    rendered: true,
  };
}

/** The page's headers with lower-case names, less those in `dropped`. */
function headersWithout(page: Page, dropped: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(page.headers)) {
    const lower = name.toLowerCase();
    if (!dropped.includes(lower)) headers[lower] = value;
  }
  return headers;
}

export function isBlockedHost(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return BLOCKED_HOSTS.some((blocked) => host === blocked || host.endsWith(`.${blocked}`));
}

/** Whether two URLs name the same document (fragments aside; Chromium canonicalises like WHATWG URL). */
export function sameDocument(a: string, b: string): boolean {
  try {
    const left = new URL(a);
    const right = new URL(b);
    left.hash = "";
    right.hash = "";
    return left.href === right.href;
  } catch {
    return false;
  }
}

/** A cookie as Playwright's `BrowserContext.addCookies` takes it. */
export interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires?: number;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: "Strict" | "Lax" | "None";
}

const SAME_SITE: Record<string, BrowserCookie["sameSite"]> = { strict: "Strict", lax: "Lax", none: "None" };

/**
 * The cookies a page's response sets, for a browser that is given the page's bytes without the response
 * (a page written into a frame): what Chromium would have stored had it received the response itself.
 * `set-cookie` arrives joined into one header (`http-fetcher.ts`); set-cookie-parser splits it where a
 * comma starts a new cookie rather than an `Expires` date. Cookies a browser would reject (a Domain the
 * page's host is not within) are left out; an expired one is passed on, which deletes it.
 */
export function responseCookies(page: Page, nowMs = Date.now()): BrowserCookie[] {
  const header = page.headers["set-cookie"];
  if (!header) return [];
  const url = new URL(page.url);
  const host = url.hostname.toLowerCase();
  const defaultPath = url.pathname.slice(0, Math.max(1, url.pathname.lastIndexOf("/"))) || "/";
  const cookies: BrowserCookie[] = [];
  for (const cookie of parseSetCookie(header, { decodeValues: false, split: true })) {
    if (!cookie.name) continue;
    const domain = cookie.domain?.toLowerCase().replace(/^\./, "");
    if (domain && host !== domain && !host.endsWith(`.${domain}`)) continue;
    const maxAge = cookie.maxAge;
    const expiresMs = maxAge !== undefined ? nowMs + maxAge * 1000 : cookie.expires?.getTime();
    const sameSite = SAME_SITE[cookie.sameSite?.toLowerCase() ?? ""];
    cookies.push({
      name: cookie.name,
      value: cookie.value,
      // A leading dot is how Playwright (and CDP) mark a cookie for the domain and its subdomains.
      domain: domain ? `.${domain}` : host,
      path: cookie.path?.startsWith("/") ? cookie.path : defaultPath,
      ...(expiresMs !== undefined && Number.isFinite(expiresMs)
        ? { expires: Math.floor(expiresMs / 1000) }
        : {}),
      ...(cookie.httpOnly ? { httpOnly: true } : {}),
      ...(cookie.secure ? { secure: true } : {}),
      ...(sameSite ? { sameSite } : {}),
    });
  }
  return cookies;
}
