/**
 * The crawl's rendering step (`--render never|auto|always`): between fetching a page and reading it, hand
 * the page to the browser when it needs one, and return the page to read: the rendered one, or the fetched
 * one when rendering is off, not needed, or failed.
 *
 * Kept out of the loop so that the loop stays a conductor: which pages need a browser is
 * `render-decision.ts`'s call (on the static page, parsed here once), rendering is the `BrowserFetcher`'s,
 * and the site adapter's `render` setting wins over the crawl's mode. A render that fails (timeout, crash)
 * costs one notice line and the page is read as fetched; without any browser the fetcher says once that
 * rendering is off and every page is read as fetched (views that JavaScript fills stay null).
 *
 * @example
 *   const renderStep = createRenderStep({ mode: "auto", browser, modeFor: (url) => adapters.resolve(url).render });
 *   const page = await renderStep(fetched); // rendered: true when it needed a browser
 */
import { parseHtml } from "../extract/parse-html.js";
import type { BrowserFetcher } from "../fetch/browser-fetcher.js";
import { classifyBody } from "../fetch/classify-body.js";
import { decodeHtml } from "../fetch/decode-charset.js";
import type { Page } from "../fetch/page.js";
import { decideRender } from "../fetch/render-decision.js";
import type { RenderMode } from "./crawl-options.js";
import type { PageDocuments } from "./page-documents.js";

export interface RenderStepOptions {
  /** The crawl's `--render`. */
  mode: RenderMode;
  browser: BrowserFetcher;
  /** The site adapter's rendering for a URL; undefined leaves it to `mode`. */
  modeFor?: (url: string) => RenderMode | undefined;
  /** The adapter's charset override for a URL. */
  charsetFor?: (url: string) => string | undefined;
  /** The adapter's `renderInFrame` for a URL; undefined leaves it to the browser fetcher. */
  inFrameFor?: (url: string) => boolean | undefined;
  notice: (line: string) => void;
  /** Shares the decision's parse with the later stages (`page-documents.ts`); without it, parses its own. */
  documents?: PageDocuments;
}

export type RenderStep = (page: Page) => Promise<Page>;

export function createRenderStep(options: RenderStepOptions): RenderStep {
  return async (page) => {
    const mode = options.modeFor?.(page.url) ?? options.mode;
    if (mode === "never" || options.browser.unavailable !== null || !isHtmlPage(page)) return page;
    if (mode === "auto" && !needsRender(page, options.charsetFor?.(page.url), options.documents)) return page;
    // The static page will not be read: its shared document is freed.
    options.documents?.release(page);
    const charset = options.charsetFor?.(page.url);
    const frames = options.inFrameFor?.(page.url);
    const result = await options.browser.render(page, {
      ...(charset ? { charset } : {}),
      ...(frames !== undefined ? { frames } : {}),
    });
    if (result.ok) return result.page;
    if (result.kind !== "unavailable") {
      options.notice(`render ${page.url}: ${result.reason}; reading the page as fetched`);
    }
    return page;
  };
}

/** A 2xx HTML page: a 304 has no body to render, an error page nothing worth rendering. */
function isHtmlPage(page: Page): boolean {
  if (page.status < 200 || page.status >= 300) return false;
  const kind = classifyBody(page.body, page.headers["content-type"] ?? null);
  return kind === "html" || kind === "text";
}

function needsRender(page: Page, charset: string | undefined, documents?: PageDocuments): boolean {
  if (documents) return decideRender(documents.read(page, charset)).render;
  const contentType = charset ? `text/html; charset=${charset}` : page.headers["content-type"];
  const parsed = parseHtml(decodeHtml(page.body, contentType).html, page.url);
  try {
    return decideRender(parsed.document).render;
  } finally {
    parsed.dispose();
  }
}
