/**
 * Loads the golden page cases in `fixtures/pages/<case>/` (page.html as served + expected.json) and turns
 * each into the `Page` a fetcher would have handed over. Every `expect` field is required, so a case that
 * forgets one fails loudly here instead of silently testing less.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Page } from "../../src/fetch/page.js";

export const goldenExpectSchema = z.strictObject({
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
  authors: z.array(z.string()),
  source: z.string().nullable(),
  views: z.number().int().nullable(),
  canonicalUrl: z.string(),
  lang: z.string(),
  charset: z.string(),
  textStartsWith: z.string().min(1),
  textEndsWith: z.string().min(1),
  textContains: z.array(z.string().min(1)),
  textNotContains: z.array(z.string().min(1)),
  tokensContain: z.array(z.string().min(1)),
  htmlContains: z.array(z.string().min(1)),
});

export const goldenExpectedFileSchema = z.strictObject({
  url: z.url(),
  /** The Content-Type header the page is served with; absent means no header at all. */
  contentType: z.string().optional(),
  /** Free text for the reader: what the case locks in and why. */
  note: z.string().optional(),
  expect: goldenExpectSchema,
});

export type GoldenExpect = z.infer<typeof goldenExpectSchema>;
export type GoldenField = keyof GoldenExpect;

export interface GoldenCase {
  name: string;
  url: string;
  contentType: string | undefined;
  body: Uint8Array;
  expect: GoldenExpect;
}

export const pagesDir = new URL("../../fixtures/pages/", import.meta.url).pathname;

/** Every folder under `fixtures/pages/` that holds a `page.html`, sorted by name. */
export function loadGoldenCases(dir: string = pagesDir): GoldenCase[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => loadGoldenCase(dir, name));
}

export function loadGoldenCase(dir: string, name: string): GoldenCase {
  const raw = JSON.parse(readFileSync(join(dir, name, "expected.json"), "utf8"));
  const parsed = goldenExpectedFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`fixtures/pages/${name}/expected.json is malformed: ${z.prettifyError(parsed.error)}`);
  }
  return {
    name,
    url: parsed.data.url,
    contentType: parsed.data.contentType,
    body: new Uint8Array(readFileSync(join(dir, name, "page.html"))),
    expect: parsed.data.expect,
  };
}

/** The page as the HTTP fetcher would hand it over: status 200, only the Content-Type header. */
export function pageFromBytes(url: string, body: Uint8Array, contentType: string | undefined): Page {
  return {
    requestedUrl: url,
    url,
    status: 200,
    headers: contentType === undefined ? {} : { "content-type": contentType },
    body,
    fetchedAt: new Date(),
    rendered: false,
  };
}

export function pageFromCase(golden: GoldenCase): Page {
  return pageFromBytes(golden.url, golden.body, golden.contentType);
}
