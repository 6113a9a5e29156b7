/**
 * Everything caiji reads about an article besides its body, in one call.
 *
 * Runs on the untouched document, before Readability (which drops the byline line). Each field has its
 * own module and its own fixtures; this function only calls them in a fixed order and never changes the
 * document.
 *
 * @example
 * const { document, dispose } = parseHtml(html, url);
 * const metadata = extractMetadata(document, { url, defaultOffset: "+08:00" });
 * dispose();
 */
import { extractAuthors } from "./authors.js";
import { extractCanonicalUrl } from "./canonical-url.js";
import type { MetadataContext } from "./context.js";
import { extractLang } from "./lang.js";
import { analyzePage } from "./page-analysis.js";
import { extractPublishedAt } from "./published-at.js";
import { extractSource } from "./source.js";
import { extractTitle } from "./title.js";
import { extractViews } from "./views.js";

export type { MetadataContext } from "./context.js";

export interface Metadata {
  title: string | null;
  publishedAt: string | null;
  authors: string[];
  source: string | null;
  views: number | null;
  canonicalUrl: string | null;
  lang: string;
}

export function extractMetadata(document: Document, ctx: MetadataContext): Metadata {
  const page = analyzePage(document);
  return {
    title: extractTitle(document, ctx, page),
    publishedAt: extractPublishedAt(document, ctx, { page }),
    authors: extractAuthors(document, ctx, page),
    source: extractSource(document, ctx, page),
    views: extractViews(document, ctx, page),
    canonicalUrl: extractCanonicalUrl(document, ctx, page.meta),
    lang: extractLang(document, ctx, page),
  };
}
