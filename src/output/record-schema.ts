/**
 * The record contract: one JSON object per article, `schemaVersion: 1`.
 *
 * This zod schema is the single source of truth; `schema/record.schema.json` is generated from it
 * (`npm run schema`) for downstream tools, and a test fails when that file is stale.
 */
import { z } from "zod";

/** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS±HH:MM` when the page shows a time. */
export const publishedAtPattern = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$/;

export const keywordSchema = z.object({
  word: z.string().min(1),
  weight: z.number().nonnegative(),
});

export const fetchInfoSchema = z.object({
  /** HTTP status of the response the record was built from (200 for a file read from disk). */
  status: z.number().int(),
  /** The charset the body was decoded with, lower-case WHATWG name (e.g. `utf-8`, `gb18030`). */
  charset: z.string(),
  /** True when the DOM came from a browser rather than the fetched bytes. */
  rendered: z.boolean(),
});

export const articleRecordSchema = z.object({
  schemaVersion: z.literal(1),
  /** The URL the page was fetched from (after redirects). */
  url: z.string(),
  /** `<link rel=canonical>` / og:url when the page states one, else `url`. */
  canonicalUrl: z.string(),
  /** The adapter that produced the record (`generic` when no site adapter matched). */
  site: z.string(),
  title: z.string().nullable(),
  publishedAt: z.string().regex(publishedAtPattern).nullable(),
  authors: z.array(z.string()),
  /** The 来源 (originating outlet), never an author. */
  source: z.string().nullable(),
  views: z.number().int().nonnegative().nullable(),
  /** Clean body text; paragraphs joined by a blank line. */
  text: z.string(),
  /** Cleaned main-content HTML with absolute links. */
  html: z.string(),
  /** Segmentation of `text`, without whitespace or punctuation tokens. */
  tokens: z.array(z.string()),
  /** Top TF-IDF keywords of `text`, highest weight first. */
  keywords: z.array(keywordSchema).max(10),
  /** BCP-47-ish language code: `zh`, `en`, … or `und`. */
  lang: z.string(),
  /** ISO 8601 UTC timestamp of the fetch. */
  fetchedAt: z.string().datetime(),
  /** sha256 hex of `text`. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  fetch: fetchInfoSchema,
});

export type ArticleRecord = z.infer<typeof articleRecordSchema>;
export type Keyword = z.infer<typeof keywordSchema>;
export type FetchInfo = z.infer<typeof fetchInfoSchema>;

/** The JSON Schema document written to `schema/record.schema.json`. */
export function recordJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(articleRecordSchema, { target: "draft-2020-12" }),
    $id: "https://github.com/caiji/caiji/schema/record.schema.json",
    title: "caiji article record, schemaVersion 1",
  };
}
