/**
 * One decode and one parse per fetched page, shared by the crawl's stages that read it.
 *
 * The crawl reads an HTML page up to three times: the render decision (`render-step.ts`), link discovery and
 * classification (`run-crawl.ts`), and extraction. Parsing each time cost about a tenth of the crawl's CPU
 * (docs/performance.md). The readers that leave the document unchanged share it through `read`; the one that
 * rewrites it, extraction, comes last and `take`s it, after which it is gone from here.
 *
 * Documents are keyed by the `Page` object, weakly: a page that is dropped without `take` or `release`
 * (a stop, a failure between stages) frees its document with it. jsdom documents also need their window
 * closed, which `take`'s caller and `release` do.
 *
 * @example
 *   const documents = new PageDocuments();
 *   const links = discoverLinks(documents.read(page), page.url);  // parsed here
 *   const decision = decideRender(documents.read(page));          // same document
 *   const { document, charset, dispose } = documents.take(page);   // handed over; dispose when done
 */
import { type ParsedDocument, parseHtml } from "../extract/parse-html.js";
import { decodeHtml } from "../fetch/decode-charset.js";
import type { Page } from "../fetch/page.js";

/** A page's document handed to the stage that rewrites it. */
export interface TakenDocument extends ParsedDocument {
  /** The charset the body was decoded with. */
  charset: string;
}

interface OpenDocument extends TakenDocument {
  /** The adapter's charset override it was decoded with (undefined: detected). */
  charsetOverride: string | undefined;
}

export class PageDocuments {
  readonly #open = new WeakMap<Page, OpenDocument>();

  /** The page's document, for reading only. `charsetOverride` is a site adapter's forced charset. */
  read(page: Page, charsetOverride?: string): Document {
    return this.#get(page, charsetOverride).document;
  }

  /** Hands the document over to the caller, who may rewrite it and must `dispose()` it. */
  take(page: Page, charsetOverride?: string): TakenDocument {
    const open = this.#get(page, charsetOverride);
    this.#open.delete(page);
    return open;
  }

  /** Frees the page's document (a page that will not be extracted). */
  release(page: Page): void {
    this.#open.get(page)?.dispose();
    this.#open.delete(page);
  }

  #get(page: Page, charsetOverride: string | undefined): OpenDocument {
    const open = this.#open.get(page);
    if (open && open.charsetOverride === charsetOverride) return open;
    open?.dispose();
    const contentType = charsetOverride
      ? `text/html; charset=${charsetOverride}`
      : page.headers["content-type"];
    const { html, charset } = decodeHtml(page.body, contentType);
    const parsed = parseHtml(html, page.url);
    const fresh: OpenDocument = { ...parsed, charset, charsetOverride };
    this.#open.set(page, fresh);
    return fresh;
  }
}
