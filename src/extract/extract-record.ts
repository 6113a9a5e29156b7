/**
 * One page → one record. Stages in order: classify and decode the bytes, parse once, read metadata
 * (before Readability rewrites the document and drops the byline), extract the main content, segment,
 * assemble and validate. Pure apart from the process-wide segmenter: no I/O.
 */
import { createHash } from "node:crypto";
import { classifyBody } from "../fetch/classify-body.js";
import { decodeHtml } from "../fetch/decode-charset.js";
import type { Page } from "../fetch/page.js";
import { loadSegmenter } from "../nlp/load-segmenter.js";
import type { Segmenter } from "../nlp/segmenter.js";
import { type ArticleRecord, articleRecordSchema } from "../output/record-schema.js";
import { extractMainContent } from "./content/index.js";
import { extractMetadata } from "./metadata/index.js";
import { parseHtml } from "./parse-html.js";

export interface ExtractOptions {
  /** Adapter name recorded in `site`. @default "generic" */
  site?: string;
  /** Offset for date-times shown without one. @default "+08:00" */
  defaultOffset?: string;
  /** @default the process-wide segmenter from `loadSegmenter()` */
  segmenter?: Segmenter;
  /** Charset to use instead of detection (an adapter's override). */
  charset?: string;
}

/** Why a page produced no record; the CLI prints `message` on one line. */
export class ExtractError extends Error {
  constructor(
    readonly kind: "empty" | "not-html" | "no-content",
    reason: string,
  ) {
    super(reason);
    this.name = "ExtractError";
  }
}

const KEYWORD_COUNT = 10;

/** Decodes the page body, or says why it is not an HTML page. */
export function decodePage(page: Page, charsetOverride?: string): { html: string; charset: string } {
  const contentType = page.headers["content-type"] ?? null;
  const kind = classifyBody(page.body, contentType);
  if (kind === "empty") throw new ExtractError("empty", "empty page");
  if (kind !== "html" && kind !== "text") throw new ExtractError("not-html", `not an HTML page (${kind})`);
  const forced = charsetOverride ? `text/html; charset=${charsetOverride}` : contentType;
  return decodeHtml(page.body, forced);
}

export function extractRecord(page: Page, options: ExtractOptions = {}): ArticleRecord {
  const { html, charset } = decodePage(page, options.charset);
  const parsed = parseHtml(html, page.url);
  try {
    const document = parsed.document;
    const metadata = extractMetadata(document, { url: page.url, defaultOffset: options.defaultOffset ?? "+08:00" });
    const content = extractMainContent(document, { url: page.url, title: metadata.title });
    if (!content || content.text.trim() === "") {
      throw new ExtractError("no-content", "no main text found");
    }
    const segmenter = options.segmenter ?? loadSegmenter();
    const record: ArticleRecord = {
      schemaVersion: 1,
      url: page.url,
      canonicalUrl: metadata.canonicalUrl ?? page.url,
      site: options.site ?? "generic",
      title: metadata.title,
      publishedAt: metadata.publishedAt,
      authors: metadata.authors,
      source: metadata.source,
      views: metadata.views,
      text: content.text,
      html: content.html,
      tokens: segmenter.cut(content.text),
      keywords: segmenter.keywords(content.text, KEYWORD_COUNT),
      lang: metadata.lang,
      fetchedAt: page.fetchedAt.toISOString(),
      contentHash: createHash("sha256").update(content.text).digest("hex"),
      fetch: { status: page.status, charset, rendered: page.rendered },
    };
    // A record that breaks the contract is a bug in caiji, not in the page: fail loudly.
    return articleRecordSchema.parse(record);
  } finally {
    parsed.dispose();
  }
}
