/**
 * `caiji crawl <seed-url>...`: crawls sites into a JSONL file. Thin: parses flags into crawl options, runs
 * the crawl, prints the summary. Running the same command again with the same `--state` resumes.
 *
 * Ctrl-C (or SIGTERM) stops gracefully: no new requests, pages in flight are finished and written, the state
 * is closed; a second Ctrl-C quits at once (the state is still safe: nothing is marked done before it is
 * written). Exit codes: 0 when the crawl is done or stopped at --max-pages, 130/143 after SIGINT/SIGTERM,
 * 1 on bad input or a failure (one line on stderr).
 */
import type { Command } from "commander";
import {
  type CrawlOptions,
  CrawlOptionsError,
  type CrawlOptionsInput,
  parseCrawlOptions,
  renderModes,
} from "../crawl/crawl-options.js";
import { createProgressReporter, formatSummary } from "../crawl/progress.js";
import { crawlFiles, runCrawl } from "../crawl/run-crawl.js";

interface CrawlFlags {
  out?: string;
  state?: string;
  render?: string;
  maxPages?: string;
  maxDepth?: string;
  include: string[];
  exclude: string[];
  sitemap: string[];
  adapters: string[];
  concurrency?: string;
  perHostConcurrency?: string;
  intervalMs?: string;
  userAgent?: string;
  robots: boolean;
}

const signalExitCodes: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export function registerCrawl(program: Command): void {
  program
    .command("crawl")
    .description("crawl sites into JSONL records, politely and resumably")
    .argument("<seed-url...>", "where to start; the crawl stays on these sites unless --include widens it")
    .option("--out <file>", "records file (JSONL, appended)", "output/crawl.jsonl")
    .option(
      "--state <dir>",
      "crawl state folder; the same folder resumes (default: .state/<first seed host>)",
    )
    .option(
      "--render <mode>",
      `browser rendering: ${renderModes.join("|")} (auto: pages whose counters or text JavaScript fills)`,
      "auto",
    )
    .option(
      "--max-pages <n>",
      "stop after this many page fetches in one pass, an article's later pages included (a resume continues it)",
    )
    .option("--max-depth <n>", "link depth from the seeds (pagination keeps its list's depth)")
    .option("--include <glob>", "also crawl URLs matching this glob (repeatable)", collect, [])
    .option("--exclude <glob>", "never crawl URLs matching this glob (repeatable)", collect, [])
    .option("--sitemap <url>", "read this sitemap too (repeatable)", collect, [])
    .option(
      "--adapters <dir>",
      "also load site adapters from this folder (repeatable; crawlers/ always)",
      collect,
      [],
    )
    .option("--concurrency <n>", "requests at once across all hosts (default 8)")
    .option("--per-host-concurrency <n>", "requests at once on one host (default 1)")
    .option("--interval-ms <n>", "minimum time between requests to one host, in ms (default 1000)")
    .option("--user-agent <string>", "User-Agent header (default: caiji/<version> (+project url))")
    .option("--no-robots", "ignore robots.txt (Disallow, Crawl-delay, Sitemap)")
    .action(async (seeds: string[], flags: CrawlFlags) => {
      const options = parseFlags(seeds, flags);
      const files = crawlFiles(options);
      const controller = new AbortController();
      let stopSignal: string | null = null;
      const onSignal = (signal: NodeJS.Signals) => {
        if (stopSignal !== null) process.exit(signalExitCodes[signal] ?? 1);
        stopSignal = signal;
        process.stderr.write(`\ncaiji: stopping (${signal}): finishing pages in flight; again to quit now\n`);
        controller.abort();
      };
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      try {
        const summary = await runCrawl(options, {
          signal: controller.signal,
          progress: createProgressReporter({
            stream: process.stderr,
            logIntervalMs: options.progress.logIntervalMs,
          }),
          notice: (line) => process.stderr.write(`caiji: ${line}\n`),
        });
        process.stdout.write(formatSummary(summary, files));
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
      if (stopSignal !== null) {
        // Requests abandoned in the politeness queue may still hold timers; nothing is left to write.
        process.exit(signalExitCodes[stopSignal] ?? 1);
      }
    });
}

/** The flag (or argument) behind each setting, so a bad value is reported as the user typed it. */
const flagNames: Record<string, string> = {
  seeds: "<seed-url>",
  sitemaps: "--sitemap",
  out: "--out",
  state: "--state",
  render: "--render",
  "scope.maxPages": "--max-pages",
  "scope.maxDepth": "--max-depth",
  "scope.include": "--include",
  "scope.exclude": "--exclude",
  "politeness.concurrency": "--concurrency",
  "politeness.perHostConcurrency": "--per-host-concurrency",
  "politeness.intervalMs": "--interval-ms",
  "fetch.userAgent": "--user-agent",
};

function parseFlags(seeds: string[], flags: CrawlFlags): CrawlOptions {
  const input = toOptionsInput(seeds, flags);
  try {
    return parseCrawlOptions(input);
  } catch (error) {
    if (!(error instanceof CrawlOptionsError)) throw error;
    const keys = error.path.map(String);
    const named = keys.filter((key) => !/^\d+$/.test(key)).join(".");
    const value = keys.reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      input,
    );
    const shown = typeof value === "string" ? ` "${value}"` : "";
    throw new Error(`${flagNames[named] ?? named}${shown}: ${error.detail}`);
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function toOptionsInput(seeds: string[], flags: CrawlFlags): CrawlOptionsInput {
  return {
    seeds,
    sitemaps: flags.sitemap,
    adapters: flags.adapters,
    out: flags.out,
    state: flags.state,
    render: flags.render as CrawlOptionsInput["render"],
    scope: {
      maxPages: integerFlag("--max-pages", flags.maxPages),
      maxDepth: integerFlag("--max-depth", flags.maxDepth),
      include: flags.include,
      exclude: flags.exclude,
    },
    politeness: {
      concurrency: integerFlag("--concurrency", flags.concurrency),
      perHostConcurrency: integerFlag("--per-host-concurrency", flags.perHostConcurrency),
      intervalMs: integerFlag("--interval-ms", flags.intervalMs),
      robots: flags.robots,
    },
    fetch: { userAgent: flags.userAgent },
  };
}

/** A whole number flag, or undefined when absent; anything else is a one-line usage error. */
function integerFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new Error(`${name} needs a whole number, got "${value}"`);
  return Number(value);
}
