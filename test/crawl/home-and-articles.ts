import type { CrawlParts } from "../../src/crawl/crawl.js";

/** `readPage` for a site whose home page links `count` articles (`/a/0.html`…) and whose other pages are articles. */
export function homeLinkingArticles(count: number): CrawlParts["readPage"] {
  return (page) =>
    new URL(page.url).pathname === "/"
      ? {
          links: Array.from({ length: count }, (_, i) => ({
            url: new URL(`/a/${i}.html`, page.url).href,
            kind: "article" as const,
            pagination: false,
          })),
          isArticle: false,
        }
      : { links: [], isArticle: true };
}
