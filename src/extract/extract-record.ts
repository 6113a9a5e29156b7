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
import { extractMainContent, type MainContent } from "./content/index.js";
import { extractMetadata, type Metadata } from "./metadata/index.js";
import { type DomName, parseHtml } from "./parse-html.js";

export interface ExtractOptions {
  /** Adapter name recorded in `site`. @default "generic" */
  site?: string;
  /** Offset for date-times shown without one. @default "+08:00" */
  defaultOffset?: string;
  /** @default the process-wide segmenter from `loadSegmenter()` */
  segmenter?: Segmenter;
  /** Charset to use instead of detection (an adapter's override). */
  charset?: string;
  /** A site adapter's hooks (`src/adapters/`); without them the record is the generic one. */
  hooks?: ExtractHooks;
  /** @default `parseHtml`'s default (`$CAIJI_DOM`, else the measured default) */
  dom?: DomName;
  /** Called after each stage with its wall and CPU time (the benchmark's per-stage figures). */
  onStage?: (stage: ExtractStage, time: StageTime) => void;
  /**
   * The page already decoded (with `charset`) and parsed by the caller, who owns the document (the crawl
   * parses each page once, `page-documents.ts`). It is rewritten by content extraction.
   */
  preparsed?: { document: Document; charset: string };
  /**
   * The article's later pages, in order (a multi-page article, `crawl/article-pages.ts`): their main text
   * is appended to the first page's, and the fields derived from the text are computed from the whole.
   * Metadata comes from the first page. A later page without main text of its own is left out.
   */
  laterPages?: Page[];
}

/** The stages of one extraction, in order. */
export type ExtractStage = "decode" | "parse" | "metadata" | "content" | "segment" | "assemble";

export interface StageTime {
  wallMs: number;
  /** CPU time of the whole process (user + system) during the stage. */
  cpuMs: number;
}

/**
 * Where a site adapter steps into the assembly. A hook that throws fails the extraction; the caller decides
 * whether to fall back to the generic record.
 */
export interface ExtractHooks {
  /** Runs on the untouched document after the generic metadata; returns the values to use instead. */
  fields?: (document: Document, generic: Metadata) => FieldOverrides;
  /** Picks the main content instead of the generic picker; null falls back to it. */
  content?: (document: Document, ctx: { url: string; title: string | null }) => MainContent | null;
  /** Post-processes the body text. */
  text?: (text: string) => string;
}

export type FieldOverrides = Partial<
  Pick<Metadata, "title" | "publishedAt" | "authors" | "source" | "views">
> & {
  extra?: ArticleRecord["extra"];
};

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
  if (options.preparsed) {
    return extractFromDocument(options.preparsed.document, page, options.preparsed.charset, options);
  }
  const timed = stageTimer(options.onStage);
  const { html, charset } = timed("decode", () => decodePage(page, options.charset));
  const parsed = timed("parse", () => parseHtml(html, page.url, { dom: options.dom }));
  try {
    return extractFromDocument(parsed.document, page, charset, options);
  } finally {
    parsed.dispose();
  }
}

/**
 * `extractRecord` for a page the caller has already decoded (with `charset`) and parsed, so that the crawl
 * reads links, classifies and extracts from one parse. Rewrites `document` (content extraction): read
 * anything else from it first.
 */
export function extractFromDocument(
  document: Document,
  page: Page,
  charset: string,
  options: ExtractOptions = {},
): ArticleRecord {
  const timed = stageTimer(options.onStage);
  const metadata = timed("metadata", () => readFields(document, page, options));
  const { extra } = metadata;
  const content = timed("content", () => {
    const found = mainContentOf(document, { url: page.url, title: metadata.title }, options);
    if (!found || found.text.trim() === "") {
      throw new ExtractError("no-content", "no main text found");
    }
    return found;
  });
  const paged = options.laterPages?.length
    ? timed("content", () => withLaterPages(content, page.url, metadata.title, options))
    : { ...content, pageUrls: [page.url] };
  const segmenter = options.segmenter ?? loadSegmenter();
  const { tokens, keywords } = timed("segment", () => ({
    tokens: segmenter.cut(paged.text),
    keywords: segmenter.keywords(paged.text, KEYWORD_COUNT),
  }));
  return timed("assemble", () => {
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
      text: paged.text,
      html: paged.html,
      tokens,
      keywords,
      lang: metadata.lang,
      fetchedAt: page.fetchedAt.toISOString(),
      contentHash: createHash("sha256").update(paged.text).digest("hex"),
      fetch: { status: page.status, charset, rendered: page.rendered },
      ...(paged.pageUrls.length > 1 ? { pageUrls: paged.pageUrls } : {}),
      ...(extra ? { extra } : {}),
    };
    // A record that breaks the contract is a bug in caiji, not in the page: fail loudly.
    return articleRecordSchema.parse(record);
  });
}

/**
 * The first page's content followed by each later page's main content (picked as the first page's was, by
 * the adapter's content hook or the generic picker, with the first page's headline to strip). A later page
 * that fails to decode, has no main text, or repeats a page already taken (a server that answers page 1 for
 * a page number it does not have) is left out.
 */
function withLaterPages(
  first: MainContent,
  firstUrl: string,
  title: string | null,
  options: ExtractOptions,
): MainContent & { pageUrls: string[] } {
  const texts = [first.text];
  const htmls = [first.html];
  const pageUrls = [firstUrl];
  for (const later of options.laterPages ?? []) {
    let found: MainContent | null;
    try {
      const { html } = decodePage(later, options.charset);
      const parsed = parseHtml(html, later.url, { dom: options.dom });
      try {
        found = mainContentOf(parsed.document, { url: later.url, title }, options);
      } finally {
        parsed.dispose();
      }
    } catch (error) {
      if (error instanceof ExtractError) continue;
      throw error;
    }
    const text = found?.text.trim() ?? "";
    if (!found || text === "" || texts.some((taken) => taken.trim() === text)) continue;
    texts.push(found.text);
    htmls.push(found.html);
    pageUrls.push(later.url);
  }
  return { text: texts.join("\n\n"), html: htmls.join("\n"), pageUrls };
}

/** A page's main content as the adapter's hooks or the generic picker give it; null when there is none. */
function mainContentOf(
  document: Document,
  ctx: { url: string; title: string | null },
  options: ExtractOptions,
): MainContent | null {
  const found = options.hooks?.content?.(document, ctx) ?? extractMainContent(document, ctx);
  return found && options.hooks?.text ? { ...found, text: options.hooks.text(found.text) } : found;
}

/** The generic metadata with the adapter's answers in place (read before content extraction rewrites the page). */
function readFields(
  document: Document,
  page: Page,
  options: ExtractOptions,
): Metadata & { extra?: ArticleRecord["extra"] } {
  const generic = extractMetadata(document, {
    url: page.url,
    defaultOffset: options.defaultOffset ?? "+08:00",
  });
  const { extra, ...overrides } = options.hooks?.fields?.(document, generic) ?? {};
  // Only the fields a hook answered replace the generic ones (`undefined` keeps them).
  const answered = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...generic, ...answered, ...(extra ? { extra } : {}) };
}

type StageRunner = <T>(stage: ExtractStage, run: () => T) => T;

/** Runs a stage, timing it only when someone listens. */
function stageTimer(onStage: ExtractOptions["onStage"]): StageRunner {
  if (!onStage) return (_stage, run) => run();
  return (stage, run) => {
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    try {
      return run();
    } finally {
      const cpu = process.cpuUsage(cpuBefore);
      onStage(stage, { wallMs: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
  };
}
