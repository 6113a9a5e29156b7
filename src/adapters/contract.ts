/**
 * Adapter contracts: a saved page and the fields it must produce, checked field by field. This is what
 * makes an adapter trustworthy to edit (the Scrapy-contracts idea, with the page saved instead of fetched).
 *
 * Layout, the same in this repository and in a user's project:
 *   fixtures/adapters/<adapter>/<case>/page.html      the page as served (bytes)
 *   fixtures/adapters/<adapter>/<case>/expected.json  { url, contentType?, note?, expect: {...} }
 * Every key of `expect` is optional: a contract checks exactly what it states. The page goes through the
 * registry as in a crawl (the URL picks the adapter, so `site` also checks the routing), hook failures
 * fail the contract, and `kind`/`links*` go through the adapter's page and link rules.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { classifyPage } from "../crawl/classify-page.js";
import { discoverLinks } from "../crawl/discover-links.js";
import { decodePage, ExtractError } from "../extract/extract-record.js";
import { parseHtml } from "../extract/parse-html.js";
import type { Page } from "../fetch/page.js";
import type { ArticleRecord } from "../output/record-schema.js";
import type { AdapterError } from "./adapter-error.js";
import { oneLine } from "./adapter-error.js";
import type { AdapterRegistry } from "./adapter-registry.js";

/** Where contracts live, relative to the project folder. */
export const DEFAULT_CONTRACTS_DIR = "fixtures/adapters";

export const contractExpectSchema = z.strictObject({
  /** The adapter the URL resolves to (the record's `site`). */
  site: z.string().optional(),
  /** What the crawl would make of the page: `article` pages become records. */
  kind: z.enum(["article", "list", "other"]).optional(),
  title: z.string().nullable().optional(),
  publishedAt: z.string().nullable().optional(),
  authors: z.array(z.string()).optional(),
  source: z.string().nullable().optional(),
  views: z.number().int().nullable().optional(),
  canonicalUrl: z.string().optional(),
  lang: z.string().optional(),
  charset: z.string().optional(),
  textStartsWith: z.string().min(1).optional(),
  textEndsWith: z.string().min(1).optional(),
  textContains: z.array(z.string().min(1)).optional(),
  textNotContains: z.array(z.string().min(1)).optional(),
  /** The adapter's `extra` fields (`record.extra[<site>]`), compared as a whole. */
  extra: z.record(z.string(), z.json()).optional(),
  /** Links the crawl must follow from this page (absolute, normalised URLs). */
  linksContain: z.array(z.string().min(1)).optional(),
  /** Links the crawl must not follow from this page. */
  linksNotContain: z.array(z.string().min(1)).optional(),
});

export const contractFileSchema = z.strictObject({
  /** The page's address: it picks the adapter, resolves links and is the record's `url`. */
  url: z.url(),
  /** The Content-Type the page was served with; absent means none (the charset is then detected). */
  contentType: z.string().optional(),
  note: z.string().optional(),
  expect: contractExpectSchema,
});

export type ContractExpect = z.infer<typeof contractExpectSchema>;
export type ContractFile = z.infer<typeof contractFileSchema>;

export interface Contract {
  /** The adapter whose folder holds it. */
  adapter: string;
  /** The case folder's name. */
  name: string;
  /** The case folder. */
  dir: string;
  file: ContractFile;
  body: Uint8Array;
}

export interface ContractCheck {
  field: string;
  pass: boolean;
  expected: unknown;
  actual: unknown;
}

export interface ContractResult {
  contract: Contract;
  checks: ContractCheck[];
  /** One-line problems that fail the contract whatever the checks say (a hook threw, no content). */
  errors: string[];
  passed: boolean;
}

/** Adapter names that have a contracts folder. */
export function contractAdapters(contractsDir: string): string[] {
  if (!existsSync(contractsDir)) return [];
  return readdirSync(contractsDir)
    .filter((name) => statSync(join(contractsDir, name)).isDirectory())
    .sort();
}

/** The cases of one adapter (folders holding an `expected.json`), sorted by name. Throws one line for a malformed file. */
export function loadContracts(contractsDir: string, adapter: string): Contract[] {
  const dir = join(contractsDir, adapter);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "expected.json")))
    .sort()
    .map((name) => loadContract(join(dir, name), adapter, name));
}

export function loadContract(dir: string, adapter: string, name: string): Contract {
  const where = join(dir, "expected.json");
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(where, "utf8"));
  } catch (error) {
    throw new Error(`${where}: ${oneLine(error)}`);
  }
  const parsed = contractFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${where}: ${issue?.path.join(".") || "file"}: ${issue?.message ?? "malformed"}`);
  }
  const pagePath = join(dir, "page.html");
  if (!existsSync(pagePath)) throw new Error(`${dir}: page.html is missing`);
  return { adapter, name, dir, file: parsed.data, body: new Uint8Array(readFileSync(pagePath)) };
}

/** The saved page as the HTTP fetcher would have handed it over. */
export function contractPage(contract: Pick<Contract, "file" | "body">): Page {
  const { url, contentType } = contract.file;
  return {
    requestedUrl: url,
    url,
    status: 200,
    headers: contentType === undefined ? {} : { "content-type": contentType },
    body: contract.body,
    // Now, not a fixed day: the date extractor refuses dates after the fetch.
    fetchedAt: new Date(),
    rendered: false,
  };
}

/**
 * What the registry makes of a page, as a crawl would: the adapter, the page kind, the links it follows
 * and the record (or why there is none). Hook failures are collected, not thrown.
 */
export function observePage(registry: AdapterRegistry, page: Page): PageObservation {
  const adapterErrors: AdapterError[] = [];
  const adapter = registry.resolve(page.url).withErrorHandler((error) => adapterErrors.push(error));
  const observation: PageObservation = {
    site: adapter.name,
    kind: null,
    links: [],
    record: null,
    problem: null,
  };
  try {
    const { html } = decodePage(page, adapter.charset);
    const parsed = parseHtml(html, page.url);
    try {
      const { document } = parsed;
      observation.kind = adapter.classify(document, page, () => classifyPage(document).kind);
      observation.links = adapter
        .followLinks(document, page.url, discoverLinks(document, page.url))
        .map((l) => l.url);
    } finally {
      parsed.dispose();
    }
    observation.record = adapter.extract(page);
  } catch (error) {
    observation.problem = error instanceof ExtractError ? `no record: ${error.message}` : oneLine(error);
  }
  observation.adapterErrors = adapterErrors.map((error) => error.message);
  return observation;
}

export interface PageObservation {
  site: string;
  kind: string | null;
  links: string[];
  record: ArticleRecord | null;
  /** Why there is no record. */
  problem: string | null;
  adapterErrors?: string[];
}

export function runContract(registry: AdapterRegistry, contract: Contract): ContractResult {
  const seen = observePage(registry, contractPage(contract));
  const expect = contract.file.expect;
  const checks: ContractCheck[] = [];
  const record = seen.record;
  const check = (field: string, expected: unknown, actual: unknown, pass = same(expected, actual)) =>
    checks.push({ field, pass, expected, actual });

  // The record's `site` when there is one: a page whose hook threw fell back to the generic adapter.
  if (expect.site !== undefined) check("site", expect.site, record?.site ?? seen.site);
  if (expect.kind !== undefined) check("kind", expect.kind, seen.kind);
  for (const field of [
    "title",
    "publishedAt",
    "authors",
    "source",
    "views",
    "canonicalUrl",
    "lang",
  ] as const) {
    if (expect[field] !== undefined) check(field, expect[field], record ? record[field] : undefined);
  }
  if (expect.charset !== undefined) check("charset", expect.charset, record?.fetch.charset);
  const text = record?.text;
  if (expect.textStartsWith !== undefined) {
    check(
      "text starts with",
      expect.textStartsWith,
      head(text),
      text?.startsWith(expect.textStartsWith) ?? false,
    );
  }
  if (expect.textEndsWith !== undefined) {
    check("text ends with", expect.textEndsWith, tail(text), text?.endsWith(expect.textEndsWith) ?? false);
  }
  for (const wanted of expect.textContains ?? []) {
    check(
      "text contains",
      wanted,
      text?.includes(wanted) ? wanted : "(absent)",
      text?.includes(wanted) ?? false,
    );
  }
  for (const unwanted of expect.textNotContains ?? []) {
    const found = text?.includes(unwanted) ?? false;
    check("text lacks", unwanted, found ? "(present)" : "(absent)", text !== undefined && !found);
  }
  if (expect.extra !== undefined) check("extra", expect.extra, record?.extra?.[seen.site]);
  for (const url of expect.linksContain ?? []) {
    check("follows link", url, seen.links.includes(url) ? url : "(not followed)", seen.links.includes(url));
  }
  for (const url of expect.linksNotContain ?? []) {
    check("skips link", url, seen.links.includes(url) ? "(followed)" : url, !seen.links.includes(url));
  }

  const errors = [...(seen.adapterErrors ?? [])];
  const needsRecord = checks.some((c) => !["site", "kind", "follows link", "skips link"].includes(c.field));
  if (seen.problem && needsRecord) errors.push(seen.problem);
  const passed = errors.length === 0 && checks.every((c) => c.pass);
  return { contract, checks, errors, passed };
}

function same(expected: unknown, actual: unknown): boolean {
  return JSON.stringify(expected) === JSON.stringify(actual ?? null) && actual !== undefined;
}

function head(text: string | undefined): string | undefined {
  return text?.slice(0, 40);
}

function tail(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.slice(-40);
}
