/**
 * An adapter's link rules applied to the links the generic discovery found on a page. Rules are data, in
 * the spirit of Scrapy's `Rule`: patterns to follow or ignore, a pager selector (or a function for pagers
 * built by JavaScript), extra links the generic discovery cannot see, and the adapter's page patterns to
 * say which lane (article or list) a link belongs in.
 *
 * Order: generic links, plus `discover` and `pagination` links; then `ignore` drops, `follow` (when given)
 * keeps only its matches; then `pages.article` / `pages.list` re-kind what they match. Pure: reads the
 * document, never changes it.
 */
import { normalizeUrl } from "../crawl/normalize-url.js";
import type { Adapter, LinkContext } from "./define-adapter.js";
import { bestMatch, type CompiledPattern, compilePattern } from "./url-pattern.js";

/** A link as the crawl loop takes it (structurally the loop's `FoundLink`). */
export interface AdapterLink {
  url: string;
  kind: "list" | "article" | "unknown";
  /** Another page of the same list: keeps the list's depth. */
  pagination: boolean;
}

export function followAdapterLinks(
  adapter: Adapter,
  context: LinkContext,
  generic: readonly AdapterLink[],
  articlePatterns: readonly CompiledPattern[],
  listPatterns: readonly CompiledPattern[],
): AdapterLink[] {
  const rules = adapter.links ?? {};
  const links = new Map<string, AdapterLink>();
  const add = (link: AdapterLink) => {
    const previous = links.get(link.url);
    if (previous) previous.pagination ||= link.pagination;
    else links.set(link.url, { ...link });
  };
  for (const link of generic) add(link);
  for (const url of resolveAll(rules.discover?.(context) ?? [], context.url)) {
    add({ url, kind: "unknown", pagination: false });
  }
  for (const url of resolveAll(paginationUrls(rules.pagination, context), context.url)) {
    add({ url, kind: "list", pagination: true });
  }

  const follow = (rules.follow ?? []).map(compilePattern);
  const ignore = (rules.ignore ?? []).map(compilePattern);
  const kept: AdapterLink[] = [];
  for (const link of links.values()) {
    const url = new URL(link.url);
    if (bestMatch(ignore, url) >= 0) continue;
    if (follow.length > 0 && bestMatch(follow, url) < 0) continue;
    if (bestMatch(articlePatterns, url) >= 0) link.kind = "article";
    else if (bestMatch(listPatterns, url) >= 0) link.kind = "list";
    kept.push(link);
  }
  return kept;
}

function paginationUrls(rule: NonNullable<Adapter["links"]>["pagination"], context: LinkContext): string[] {
  if (rule === undefined) return [];
  if (typeof rule === "function") return rule(context);
  return [...context.document.querySelectorAll(rule)].map(
    (element) => element.getAttribute("href") ?? element.getAttribute("data-href") ?? "",
  );
}

/** Absolute, normalised http(s) URLs; anything unusable (empty, `javascript:`, `mailto:`) is dropped. */
function resolveAll(urls: readonly string[], base: string): string[] {
  if (!Array.isArray(urls)) throw new TypeError("must return an array of URLs");
  const out: string[] = [];
  for (const raw of urls) {
    if (typeof raw !== "string" || raw.trim() === "") continue;
    const url = normalizeUrl(raw.trim(), base);
    if (url && /^https?:/i.test(url)) out.push(url);
  }
  return out;
}
