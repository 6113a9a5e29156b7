/**
 * `caiji extract <file|url>...` — one record per input, one JSON line each, in input order.
 * A bad input (missing file, PDF, empty page, unreachable URL) costs one line on stderr and a non-zero exit
 * code at the end; the other inputs are still processed and printed.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Command } from "commander";
import { ExtractError, extractRecord } from "../extract/extract-record.js";
import { HttpFetcher } from "../fetch/http-fetcher.js";
import type { Page } from "../fetch/page.js";

interface ExtractFlags {
  url: string[];
  pretty?: boolean;
  site?: string;
  offset: string;
  charset?: string;
}

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description("extract one JSON record from each saved page or URL")
    .argument("<inputs...>", "HTML files or http(s) URLs")
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
    .action(async (inputs: string[], flags: ExtractFlags) => {
      const failures = await runExtract(inputs, flags, (line) => process.stdout.write(`${line}\n`));
      if (failures > 0) process.exitCode = 1;
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Extracts every input in order, writing each record through `emit`; returns how many inputs failed. */
export async function runExtract(
  inputs: string[],
  flags: ExtractFlags,
  emit: (line: string) => void,
): Promise<number> {
  let failures = 0;
  let fileIndex = 0;
  const fetcher = new HttpFetcher({});
  for (const input of inputs) {
    const isUrl = /^https?:\/\//i.test(input);
    const pageUrl = isUrl ? undefined : flags.url[fileIndex++];
    try {
      const page = isUrl ? await fetchPage(fetcher, input) : await readPage(input, pageUrl);
      const record = extractRecord(page, {
        site: flags.site,
        defaultOffset: flags.offset,
        charset: flags.charset,
      });
      emit(flags.pretty ? JSON.stringify(record, null, 2) : JSON.stringify(record));
    } catch (error) {
      failures++;
      process.stderr.write(`caiji extract: ${input}: ${describe(error)}\n`);
    }
  }
  await fetcher.close?.();
  return failures;
}

async function readPage(path: string, pageUrl: string | undefined): Promise<Page> {
  const absolute = resolve(path);
  let body: Buffer;
  try {
    body = await readFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : `cannot read (${code})`,
    );
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
