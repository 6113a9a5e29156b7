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
  status: z
    .number()
    .int()
    .describe("HTTP status of the response the record was built from (200 for a file read from disk)."),
  charset: z
    .string()
    .describe("The charset the body was decoded with, lower-case WHATWG name (e.g. `utf-8`, `gb18030`)."),
  rendered: z.boolean().describe("True when the DOM came from a browser rather than the fetched bytes."),
});

export const articleRecordSchema = z.object({
  schemaVersion: z.literal(1).describe("Bumped on any incompatible change of this contract."),
  url: z.string().describe("The URL the page was fetched from (after redirects)."),
  canonicalUrl: z.string().describe("`<link rel=canonical>` / og:url when the page states one, else `url`."),
  site: z.string().describe("The adapter that produced the record (`generic` when no site adapter matched)."),
  title: z
    .string()
    .nullable()
    .describe("The headline shown in the page (not the <title> with its site-name suffix)."),
  publishedAt: z
    .string()
    .regex(publishedAtPattern)
    .nullable()
    .describe("YYYY-MM-DD when the page shows only a date, else YYYY-MM-DDTHH:MM:SS with the page's offset."),
  authors: z
    .array(z.string())
    .describe("Author names as shown (editors excluded); empty when none is shown."),
  source: z.string().nullable().describe("The 来源 (originating outlet), never an author."),
  views: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .describe("View count (浏览/阅读/点击), null when none is shown."),
  text: z.string().describe("Clean body text; paragraphs joined by a blank line."),
  html: z.string().describe("Cleaned main-content HTML with absolute links."),
  tokens: z.array(z.string()).describe("Segmentation of `text`, without whitespace or punctuation tokens."),
  keywords: z.array(keywordSchema).max(10).describe("Top TF-IDF keywords of `text`, highest weight first."),
  lang: z.string().describe("BCP-47-ish language code: `zh`, `en`, … or `und`."),
  fetchedAt: z.iso.datetime().describe("ISO 8601 UTC timestamp of the fetch."),
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("sha256 hex of `text`."),
  fetch: fetchInfoSchema,
  pageUrls: z
    .array(z.string())
    .min(2)
    .optional()
    .describe(
      "Articles split over several pages only: the URLs of the pages whose text `text` joins, in order, the first being `url`. Absent for an article on one page.",
    ),
  revision: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      "Crawls only: 1 for the first record of a URL in a crawl state, 2, 3, … each time a later (incremental) run found its text changed.",
    ),
  extra: z
    .record(z.string(), z.record(z.string(), z.json()))
    .optional()
    .describe(
      "Site-specific fields, namespaced by adapter: `extra.<adapter name>.<field>`. Absent when none.",
    ),
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
