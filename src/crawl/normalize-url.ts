/**
 * URL normalisation: the frontier's notion of "the same page".
 *
 * Two links that differ only in spelling (scheme/host case, default port, fragment, tracking parameters, query
 * order, needless percent-escapes) must map to one string, or the crawl fetches the page twice and writes the
 * article twice. The rules are deliberately conservative: anything that could change what a server returns
 * (path case, trailing slash, `/index.html` vs `/`, `+` vs `%20`, the order of repeated keys) is kept as is.
 *
 * Guarantees: the result is an absolute http(s) URL or null, and `normalizeUrl` is idempotent
 * (`normalizeUrl(normalizeUrl(u)) === normalizeUrl(u)`).
 *
 * @example
 * normalizeUrl("HTTP://News.Example.CN:80/a/b.html?b=2&utm_source=wx&a=1#top")
 * // → "http://news.example.cn/a/b.html?a=1&b=2"
 */

/** Query keys that only say where a click came from; compared case-insensitively. */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  // Alibaba/Taobao/Youku-style "super position model" click tracking, common on Chinese portals.
  "spm",
  "scm",
  // Share and referral markers (WeChat, Toutiao, Weibo, Bilibili and friends).
  "from",
  "fromsource",
  "share_token",
  "share_from",
  "share_source",
  "sharesource",
  "share_medium",
  "share_plat",
  "share_session_id",
  "isappinstalled",
  "vd_source",
  "ref",
  "ref_src",
  // Ad-click identifiers.
  "gclid",
  "gclsrc",
  "dclid",
  "fbclid",
  "msclkid",
  "yclid",
  "igshid",
  "_ga",
  "_gl",
  // Mail-campaign identifiers (Mailchimp, HubSpot, Webtrends).
  "mc_cid",
  "mc_eid",
  "_hsenc",
  "_hsmi",
  "wt.mc_id",
  // Servlet/PHP session ids in the query: a new one per visit would make every page look new.
  "jsessionid",
  "phpsessid",
]);

/** Key prefixes that mark a whole family of tracking parameters. */
export const TRACKING_PARAM_PREFIXES: readonly string[] = ["utm_"];

/** Servlet containers put the session id in the path (`/a.jsp;jsessionid=ABC?x=1`); it is per visitor. */
const PATH_SESSION_ID = /;jsessionid=[^/?#;]*/gi;

const PERCENT_ESCAPE = /%([0-9a-fA-F]{2})/g;

/** RFC 3986 unreserved characters: escaping them never changes meaning, so the escape is undone. */
function isUnreserved(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x2d || // -
    code === 0x2e || // .
    code === 0x5f || // _
    code === 0x7e // ~
  );
}

/** Decodes escaped unreserved characters and upper-cases the hex of the escapes that stay (`%2f` → `%2F`). */
function normalizeEscapes(part: string): string {
  return part.replace(PERCENT_ESCAPE, (_, hex: string) => {
    const code = Number.parseInt(hex, 16);
    return isUnreserved(code) ? String.fromCharCode(code) : `%${hex.toUpperCase()}`;
  });
}

function isTrackingKey(rawKey: string): boolean {
  let key = rawKey.toLowerCase();
  try {
    key = decodeURIComponent(key);
  } catch {
    // A malformed escape in a key is kept and compared as written.
  }
  return TRACKING_PARAMS.has(key) || TRACKING_PARAM_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** Keeps non-tracking pairs, raw (so `+`, `%20` and `a=b=c` survive), sorted by key; equal keys keep order. */
function normalizeQuery(search: string): string {
  if (search.length <= 1) return "";
  const pairs: { key: string; pair: string }[] = [];
  for (const rawPair of search.slice(1).split("&")) {
    if (rawPair === "") continue;
    const pair = normalizeEscapes(rawPair);
    const eq = pair.indexOf("=");
    const key = eq === -1 ? pair : pair.slice(0, eq);
    if (isTrackingKey(key)) continue;
    pairs.push({ key, pair });
  }
  // Array.prototype.sort is stable, so `a=2&a=1` stays in that order (some servers read the first, some all).
  pairs.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return pairs.length === 0 ? "" : `?${pairs.map((p) => p.pair).join("&")}`;
}

/**
 * Normalises `url` (resolved against `base` when relative). Returns null for anything that is not a valid
 * http(s) URL: `mailto:`, `javascript:`, `data:`, unparsable strings.
 */
export function normalizeUrl(url: string, base?: string): string | null {
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(url.trim()) : new URL(url.trim(), base);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  if (parsed.hostname === "") return null;
  // WHATWG URL has already lower-cased scheme and host, turned IDN hosts into punycode, dropped the default
  // port and resolved `.`/`..` segments.
  const path = normalizeEscapes(parsed.pathname.replace(PATH_SESSION_ID, ""));
  const query = normalizeQuery(parsed.search);
  const auth =
    parsed.username === "" ? "" : `${parsed.username}${parsed.password ? `:${parsed.password}` : ""}@`;
  return `${parsed.protocol}//${auth}${parsed.host}${path}${query}`;
}

/**
 * The host a URL belongs to for politeness and scoping: lower-case, punycode, with the port when it is not
 * the scheme's default (`127.0.0.1:8080` and `127.0.0.1:8081` are different servers). Null when unparsable.
 */
export function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === "" ? null : parsed.host;
  } catch {
    return null;
  }
}
