/**
 * Shared by the crawl tests: the fixture portal's expectations and readers for what a crawl leaves behind
 * (the records file, read strictly, so a torn or malformed line fails the test rather than being skipped),
 * and a way to run `caiji crawl` as a child process. The crawl runs in its own process so that the server's
 * arrival times are not skewed by the crawler's work on the same event loop (parsing and extraction are
 * synchronous), and so the tests exercise the command exactly as a user runs it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { type PortalRequest, portalDir } from "../../scripts/fixture-portal/server.js";
import { type ArticleRecord, articleRecordSchema } from "../../src/output/record-schema.js";

const expectationsSchema = z.strictObject({
  note: z.string(),
  articlePaths: z.array(z.string().startsWith("/")).min(1),
  noRecordPaths: z.array(z.string().startsWith("/")),
  neverRequestedPrefixes: z.array(z.string().startsWith("/")),
  offSiteHosts: z.array(z.string()),
  /** Record path → passages its text holds, each once, in this order (a paginated article's pages). */
  textInOrder: z.record(z.string().startsWith("/"), z.array(z.string().min(1)).min(2)).optional(),
  /** Why a trap page is, or is not, a record (portal-b documents its traps). */
  why: z.record(z.string(), z.string()).optional(),
});

export type PortalExpectations = z.infer<typeof expectationsSchema>;

/** A portal folder's `expected-records.json`, validated. */
export function loadPortalExpectations(dir: string): PortalExpectations {
  return expectationsSchema.parse(JSON.parse(readFileSync(join(dir, "expected-records.json"), "utf8")));
}

export const portalExpectations = loadPortalExpectations(portalDir);

export interface RecordsFile {
  records: ArticleRecord[];
  /** Problems found: lines that are not whole, valid records. Empty for a good file. */
  problems: string[];
}

/** Reads a JSONL records file, validating every line against the record schema. */
export function readRecordsFile(path: string): RecordsFile {
  if (!existsSync(path)) return { records: [], problems: [`${path} does not exist`] };
  const text = readFileSync(path, "utf8");
  const problems: string[] = [];
  if (text.length > 0 && !text.endsWith("\n"))
    problems.push("the file does not end with a newline (torn line)");
  const records: ArticleRecord[] = [];
  text
    .split("\n")
    .slice(0, -1)
    .forEach((line, index) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        problems.push(`line ${index + 1} is not JSON: ${line.slice(0, 80)}`);
        return;
      }
      const parsed = articleRecordSchema.safeParse(value);
      if (parsed.success) records.push(parsed.data);
      else problems.push(`line ${index + 1} is not a valid record: ${parsed.error.issues[0]?.message}`);
    });
  return { records, problems };
}

/** The path (and query) of each record's URL, sorted; duplicates kept so a test can see them. */
export function recordPaths(records: readonly ArticleRecord[]): string[] {
  return records.map((record) => {
    const url = new URL(record.url);
    return url.pathname + url.search;
  });
}

/** Counts of each value, for "exactly once" checks with readable failures. */
export function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const mainTs = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface CrawlProcess {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout: () => string;
  stderr: () => string;
}

/** Starts `caiji crawl <args>` from the TypeScript sources (through jiti), as a child process. */
export function startCrawlProcess(args: readonly string[]): CrawlProcess {
  const child = spawn(process.execPath, ["--import", "jiti/register", mainTs, "crawl", ...args], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

/** The failures file as `{ url, stage, reason, attempts }` objects. */
export function readFailures(
  path: string,
): Array<{ url: string; stage: string; reason: string; attempts: number }> {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}

/**
 * Consecutive requests in a server's log that arrived closer than `minGapMs`, as `{ after, gapMs }` (the path
 * before the gap). A redirect hop is followed within the same fetch, as a browser would: it opens no new
 * request slot, so the gap after it is not judged.
 */
export function shortGaps(
  log: readonly PortalRequest[],
  minGapMs: number,
): { gaps: number; short: Array<{ after: string; gapMs: number }> } {
  const short: Array<{ after: string; gapMs: number }> = [];
  let gaps = 0;
  for (let i = 1; i < log.length; i++) {
    const previous = log[i - 1] as PortalRequest;
    if (previous.status >= 300 && previous.status < 400) continue;
    gaps++;
    const gapMs = (log[i] as PortalRequest).at - previous.at;
    if (gapMs < minGapMs) short.push({ after: previous.path, gapMs });
  }
  return { gaps, short };
}
