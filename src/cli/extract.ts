/**
 * `caiji extract <file|folder|url>...` — one record per page, one JSON line each, in input order (a folder's
 * saved pages in name order). A bad input (missing file, PDF, empty page, unreachable URL) costs one line on
 * stderr and a non-zero exit code at the end; the other inputs are still processed and printed.
 *
 * A handful of pages is extracted in this process. From `POOL_FROM` pages on (an archive being
 * re-extracted) the pages go to the extraction worker pool: several cores, and workers replaced after their
 * share of pages so that resident memory stays flat over millions of pages (docs/performance.md).
 */
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import type { Command } from "commander";
import { defaultExtractWorkers, ExtractPool, type PooledExtractOptions } from "../extract/extract-pool.js";
import { ExtractError, extractRecord } from "../extract/extract-record.js";
import { HttpFetcher } from "../fetch/http-fetcher.js";
import type { Page } from "../fetch/page.js";
import type { ArticleRecord } from "../output/record-schema.js";
import { type ExtractInput, expandInputs, fileProblem } from "./extract-inputs.js";

/** Pages from which extraction moves to worker threads (below it, starting them costs more than it saves). */
export const POOL_FROM = 16;

export interface ExtractFlags {
  url: string[];
  pretty?: boolean;
  site?: string;
  offset: string;
  charset?: string;
  /** Extraction worker threads; 0 extracts in this process. @default by page count */
  workers?: string;
}

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description("extract one JSON record from each saved page, folder of saved pages, or URL")
    .argument("<inputs...>", "HTML files, folders of them, or http(s) URLs")
    .option(
      "--url <url>",
      "page URL of a saved file (repeat: the n-th --url goes with the n-th file)",
      collect,
      [],
    )
    .option("--pretty", "indented JSON for humans instead of one line per record")
    .option("--site <name>", "value of the record's site field", "generic")
    .option("--offset <offset>", "UTC offset for times shown without one", "+08:00")
    .option("--charset <name>", "decode with this charset instead of detecting it")
    .option(
      "--workers <n>",
      `extraction worker threads (0: in this process; default: ${defaultExtractWorkers()} from ${POOL_FROM} pages on)`,
    )
    .action(async (inputs: string[], flags: ExtractFlags) => {
      const failures = await runExtract(inputs, flags, writeLine);
      if (failures > 0) process.exitCode = 1;
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Writes a line to stdout, waiting when a slow reader (a pipe into jq, say) has not taken the last ones. */
function writeLine(line: string): Promise<void> | undefined {
  if (process.stdout.write(`${line}\n`)) return undefined;
  return new Promise((resolve) => process.stdout.once("drain", resolve));
}

type Outcome = { record: ArticleRecord } | { input: string; error: unknown };

/** Extracts every input in order, writing each record through `emit`; returns how many inputs failed. */
export async function runExtract(
  inputs: string[],
  flags: ExtractFlags,
  emit: (line: string) => Promise<void> | undefined,
): Promise<number> {
  const workers = workerCount(flags.workers);
  const items = expandInputs(inputs, flags.url);
  // Look ahead far enough to know whether this is a handful of pages or an archive.
  const head: ExtractInput[] = [];
  while (head.length < POOL_FROM) {
    const next = await items.next();
    if (next.done) break;
    head.push(next.value);
  }
  const poolSize = workers ?? (head.length >= POOL_FROM ? defaultExtractWorkers() : 0);
  const pool = poolSize > 0 ? new ExtractPool({ workers: poolSize }) : null;
  const fetcher = new HttpFetcher({});
  // URLs are fetched one after another, however many pages are in flight: `extract` is no crawler, and
  // several URLs on one command line are usually one site's.
  let fetchTurn: Promise<unknown> = Promise.resolve();
  const fetchInTurn = (url: string): Promise<Page> => {
    const page = fetchTurn.then(() => fetchPage(fetcher, url));
    fetchTurn = page.catch(() => undefined);
    return page;
  };
  const options: PooledExtractOptions = {
    site: flags.site,
    defaultOffset: flags.offset,
    charset: flags.charset,
  };
  const extractOne = async (item: ExtractInput): Promise<Outcome> => {
    try {
      if (item.kind === "unreadable") throw new Error(item.reason);
      const page =
        item.kind === "url" ? await fetchInTurn(item.url) : await readPage(item.path, item.pageUrl);
      const record = pool ? await pool.extract(page, options) : extractRecord(page, options);
      return { record };
    } catch (error) {
      return { input: item.input, error };
    }
  };
  let failures = 0;
  const settle = async (outcome: Outcome): Promise<void> => {
    if ("record" in outcome) {
      const { record } = outcome;
      await emit(flags.pretty ? JSON.stringify(record, null, 2) : JSON.stringify(record));
    } else {
      failures++;
      process.stderr.write(`caiji extract: ${outcome.input}: ${describe(outcome.error)}\n`);
    }
  };
  // Pages in flight, oldest first: records leave in input order, and at most `window` pages are held.
  const window = Math.max(1, poolSize * 4);
  const inFlight: Promise<Outcome>[] = [];
  try {
    for await (const item of chain(head, items)) {
      inFlight.push(extractOne(item));
      if (inFlight.length >= window) await settle(await (inFlight.shift() as Promise<Outcome>));
    }
    for (const outcome of inFlight.splice(0)) await settle(await outcome);
  } finally {
    await pool?.close();
    await fetcher.close?.();
  }
  return failures;
}

async function* chain<T>(head: readonly T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

function workerCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--workers must be a whole number, got "${value}"`);
  return Number(value);
}

async function readPage(absolute: string, pageUrl: string | undefined): Promise<Page> {
  let body: Buffer;
  try {
    body = await readFile(absolute);
  } catch (error) {
    throw new Error(fileProblem(error));
  }
  const url = pageUrl ?? pathToFileURL(absolute).href;
  return { requestedUrl: url, url, status: 200, headers: {}, body, fetchedAt: new Date(), rendered: false };
}

async function fetchPage(fetcher: HttpFetcher, url: string): Promise<Page> {
  const result = await fetcher.fetch(url);
  if (!result.ok) throw new Error(result.reason);
  return result.page;
}

function describe(error: unknown): string {
  if (error instanceof ExtractError) return error.message;
  if (error instanceof Error) return error.message.split("\n")[0] ?? "failed";
  return String(error);
}
