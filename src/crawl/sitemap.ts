/**
 * Sitemaps: the list of URLs a site publishes about itself, often the fastest way to every article of a
 * news site. Parses the sitemaps.org formats (`<urlset>` and `<sitemapindex>`, gzip or not), plain-text
 * sitemaps (one URL a line) and, since news sites often name them in robots.txt, RSS and Atom feeds.
 *
 * Parsing is by pattern, not by an XML parser: sitemaps in the wild are often invalid XML (stray `&`,
 * HTML error text after the root, a BOM, a wrong encoding declaration), and all we need is `<loc>` values.
 *
 * `readSitemaps` walks from robots.txt `Sitemap:` lines (and any extra sitemap URLs) through nested
 * indexes, with limits on the number of files and URLs, through an injected fetch (so each sitemap request
 * goes through politeness like any other).
 *
 * @example
 * const entries = await readSitemaps({
 *   origin: "https://www.example.cn",
 *   robots,
 *   fetch: (url) => politeness.schedule(url, () => fetcher.fetch(url, { allowNonHtml: true })),
 * });
 * for (const { url } of entries) frontier.add(url, { kind: "sitemap", depth: 1 });
 */
import { gunzipSync } from "node:zlib";
import type { FetchResult } from "../fetch/fetch-result.js";

export interface SitemapEntry {
  url: string;
  /** `<lastmod>` or `<news:publication_date>` / `<pubDate>` / `<updated>` as written, when present. */
  lastmod?: string;
}

export interface ParsedSitemap {
  kind: "urlset" | "sitemapindex" | "feed" | "text" | "unknown";
  /** Page URLs (urlset, feed, text). */
  entries: SitemapEntry[];
  /** Child sitemap URLs (sitemapindex). */
  sitemaps: string[];
}

/** The sitemaps.org limit on an uncompressed sitemap. */
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/**
 * Parses one sitemap body (bytes, gzip or not, or text). Relative URLs are resolved against `baseUrl`;
 * anything that is not http(s) is dropped. Never throws.
 */
export function parseSitemap(body: Uint8Array | string, baseUrl?: string): ParsedSitemap {
  const text = typeof body === "string" ? body : bytesToText(body);
  if (text === null) return { kind: "unknown", entries: [], sitemaps: [] };
  const xml = text.replace(/^\uFEFF/, "");

  if (/<sitemapindex[\s>]/i.test(xml)) {
    const sitemaps = blocks(xml, "sitemap").flatMap((block) => {
      const loc = resolve(tagText(block, "loc"), baseUrl);
      return loc ? [loc] : [];
    });
    return { kind: "sitemapindex", entries: [], sitemaps: unique(sitemaps) };
  }
  if (/<urlset[\s>]/i.test(xml)) {
    const entries = blocks(xml, "url").flatMap((block) =>
      entry(
        tagText(block, "loc"),
        tagText(block, "lastmod") ?? tagText(block, "news:publication_date"),
        baseUrl,
      ),
    );
    return { kind: "urlset", entries: uniqueEntries(entries), sitemaps: [] };
  }
  if (/<(rss|rdf:RDF|feed)[\s>]/i.test(xml)) {
    const rss = blocks(xml, "item").flatMap((block) =>
      entry(tagText(block, "link") ?? tagText(block, "guid"), tagText(block, "pubDate"), baseUrl),
    );
    const atom = blocks(xml, "entry").flatMap((block) =>
      entry(atomLink(block), tagText(block, "published") ?? tagText(block, "updated"), baseUrl),
    );
    return { kind: "feed", entries: uniqueEntries([...rss, ...atom]), sitemaps: [] };
  }
  if (!/^\s*</.test(xml)) {
    const entries = xml.split(/\r?\n/).flatMap((line) => entry(line.trim() || null, null, baseUrl));
    if (entries.length > 0) return { kind: "text", entries: uniqueEntries(entries), sitemaps: [] };
  }
  return { kind: "unknown", entries: [], sitemaps: [] };
}

export interface ReadSitemapsOptions {
  /** The site whose robots.txt `Sitemap:` lines start the walk. */
  origin?: string;
  /** Where `Sitemap:` lines come from (see `robots-cache.ts`). */
  robots?: { sitemaps(origin: string): Promise<string[]> };
  /** Sitemap URLs to read besides robots.txt's (e.g. `--sitemap`). */
  extra?: string[];
  /** Fetches one sitemap; must accept non-HTML bodies. */
  fetch: (url: string) => Promise<FetchResult>;
  /** Sitemap files fetched at most, indexes included. @default 50 */
  maxSitemaps?: number;
  /** Page URLs returned at most. @default 50_000 */
  maxUrls?: number;
}

/**
 * Reads the sitemaps of a site breadth-first: robots.txt `Sitemap:` lines plus `extra`, following indexes.
 * A sitemap that fails to load or parse is skipped; the rest still count.
 */
export async function readSitemaps(options: ReadSitemapsOptions): Promise<SitemapEntry[]> {
  const maxSitemaps = options.maxSitemaps ?? 50;
  const maxUrls = options.maxUrls ?? 50_000;
  const fromRobots = options.origin && options.robots ? await options.robots.sitemaps(options.origin) : [];
  const queue = unique([...(options.extra ?? []), ...fromRobots]);
  const seenSitemaps = new Set(queue);
  const seenUrls = new Set<string>();
  const out: SitemapEntry[] = [];
  let fetched = 0;
  while (queue.length > 0 && fetched < maxSitemaps && out.length < maxUrls) {
    const sitemapUrl = queue.shift() as string;
    fetched++;
    const result = await options.fetch(sitemapUrl);
    if (!result.ok || result.page.status !== 200) continue;
    const parsed = parseSitemap(result.page.body, result.page.url);
    for (const child of parsed.sitemaps) {
      if (!seenSitemaps.has(child)) {
        seenSitemaps.add(child);
        queue.push(child);
      }
    }
    for (const item of parsed.entries) {
      if (out.length >= maxUrls) break;
      if (seenUrls.has(item.url)) continue;
      seenUrls.add(item.url);
      out.push(item);
    }
  }
  return out;
}

/** Gunzips when the bytes are gzip (servers send `.xml.gz` as is), then decodes UTF-8. */
function bytesToText(body: Uint8Array): string | null {
  let bytes = body;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_SITEMAP_BYTES });
    } catch {
      return null;
    }
  }
  return new TextDecoder("utf-8").decode(bytes);
}

/** The inner text of every `<tag>…</tag>` (any namespace prefix), in order. */
function blocks(xml: string, tag: string): string[] {
  // `(?<!/)>`: a self-closing `<atom:link … />` inside an RSS item is not the item's `<link>`.
  const name = `(?:[\\w-]+:)?${escapeRe(tag)}`;
  const pattern = new RegExp(`<${name}(?:\\s[^>]*)?(?<!/)>([\\s\\S]*?)</${name}\\s*>`, "gi");
  return [...xml.matchAll(pattern)].map((m) => m[1] ?? "");
}

/** The decoded text of the first `<tag>` in `block`, or null. */
function tagText(block: string, tag: string): string | null {
  const first = blocks(block, tag)[0];
  if (first === undefined) return null;
  const text = decodeEntities(first.replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, "$1")).trim();
  return text === "" ? null : text;
}

/** Atom's `<link href="…">`, preferring rel="alternate" (or no rel). */
function atomLink(block: string): string | null {
  const links = [...block.matchAll(/<link\b([^>]*)\/?>/gi)].map((m) => m[1] ?? "");
  const preferred = links.find(
    (attrs) => !/\brel\s*=/.test(attrs) || /\brel\s*=\s*["']?alternate/i.test(attrs),
  );
  const href = (preferred ?? links[0])?.match(/\bhref\s*=\s*["']([^"']+)["']/i)?.[1];
  return href ? decodeEntities(href) : null;
}

function entry(loc: string | null, lastmod: string | null, baseUrl?: string): SitemapEntry[] {
  const url = resolve(loc, baseUrl);
  if (!url) return [];
  return lastmod ? [{ url, lastmod }] : [{ url }];
}

function resolve(loc: string | null, baseUrl?: string): string | null {
  if (!loc) return null;
  try {
    const url = new URL(loc.trim(), baseUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_all, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1]?.toLowerCase() === "x" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? "";
  });
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function uniqueEntries(entries: SitemapEntry[]): SitemapEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    if (seen.has(e.url)) return false;
    seen.add(e.url);
    return true;
  });
}
