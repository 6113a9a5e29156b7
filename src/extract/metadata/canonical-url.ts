/**
 * The page's canonical URL: `<link rel=canonical>`, else og:url, resolved against the page URL.
 *
 * Relative canonicals (`/a/1.html`) are common on Chinese CMS pages and are resolved against
 * `ctx.url`, not the document's base, so the result does not depend on how the page was parsed.
 * Only http(s) results are accepted: a `javascript:` or empty href is no canonical at all.
 */
import { documentElementsNamed, tagNames } from "../element-walk.js";
import type { MetadataContext } from "./context.js";
import { firstMetaValue, type MetaTags } from "./document-meta.js";

const LINK = tagNames("link");

/**
 * @example extractCanonicalUrl(document, { url: "https://a.cn/x?id=1", defaultOffset: "+08:00" })
 */
export function extractCanonicalUrl(
  document: Document,
  ctx: MetadataContext,
  meta?: MetaTags,
): string | null {
  const candidates: Array<string | null> = [];
  // By tag name: attribute selectors are slow on jsdom, and linkedom compiles every selector.
  for (const link of documentElementsNamed(document, LINK)) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    if (rel.includes("canonical")) candidates.push(link.getAttribute("href"));
  }
  candidates.push(firstMetaValue(meta ?? document, ["og:url"]));
  for (const candidate of candidates) {
    const resolved = resolveHttpUrl(candidate, ctx.url);
    if (resolved) return resolved;
  }
  return null;
}

function resolveHttpUrl(href: string | null, base: string): string | null {
  const trimmed = href?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}
