/**
 * Crawl throughput against many local hosts (`many-hosts-site.ts`), through `runCrawl` exactly as
 * `caiji crawl` wires it: SQLite frontier, HTTP fetcher, robots.txt, politeness, `--render auto`, the
 * adapter registry, extraction, JSONL sinks.
 *
 * Two runs:
 * - politeness off (interval 0): how many pages per second the pipeline itself can take, i.e. CPU-bound;
 * - politeness on (the default one request per second per host): the achieved request rate as a fraction of
 *   the politeness limit, measured from the server's side. Per host, the limit allows n requests in
 *   (n − 1) × interval; the fraction is that ideal span over the measured one, summed over hosts. The
 *   smallest gap between two requests to one host is reported too: it must never be below the interval.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseCrawlOptions } from "../../src/crawl/crawl-options.js";
import { silentProgress } from "../../src/crawl/progress.js";
import { runCrawl } from "../../src/crawl/run-crawl.js";
import { defaultExtractWorkers } from "../../src/extract/extract-pool.js";
import { type ManyHostsSite, startManyHostsSite } from "./many-hosts-site.js";
import { fmt, type GoalCheck, machineLine, perSecond, type SectionResult, stopwatch } from "./measure.js";

export interface CrawlBenchOptions {
  quick: boolean;
}

const HOSTS = 50;
const POLITE_INTERVAL_MS = 1000;
const RATE_GOAL = 0.95;

interface CrawlRun {
  label: string;
  pages: number;
  records: number;
  errors: number;
  wallMs: number;
  cpuMs: number;
  /** Σ ideal span / Σ measured span over hosts (politeness on only). */
  rateFraction?: number;
  minGapMs?: number;
  requests: number;
  /** Share of the run the event loop was busy (1 = never idle: CPU-bound). */
  eventLoopBusy: number;
}

async function crawlOnce(
  label: string,
  site: ManyHostsSite,
  politeness: { intervalMs: number; concurrency: number; perHostConcurrency: number },
  extractWorkers: number,
): Promise<CrawlRun> {
  const dir = mkdtempSync(join(tmpdir(), "caiji-bench-crawl-"));
  for (const times of site.requestTimes.values()) times.length = 0;
  try {
    const options = parseCrawlOptions({
      seeds: site.roots,
      out: join(dir, "records.jsonl"),
      state: join(dir, "state"),
      politeness,
      extract: { workers: extractWorkers },
    });
    const watch = stopwatch();
    const loopBefore = performance.eventLoopUtilization();
    const summary = await runCrawl(options, { progress: silentProgress, notice: () => {} });
    const eventLoopBusy = performance.eventLoopUtilization(loopBefore).utilization;
    const span = watch.stop();
    const errors = Object.values(summary.errorsByKind).reduce((sum, n) => sum + n, 0);
    const run: CrawlRun = {
      label,
      pages: summary.pages,
      records: summary.records,
      errors,
      ...span,
      eventLoopBusy,
      requests: [...site.requestTimes.values()].reduce((sum, times) => sum + times.length, 0),
    };
    if (politeness.intervalMs > 0) Object.assign(run, spacing(site, politeness.intervalMs));
    return run;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function spacing(site: ManyHostsSite, intervalMs: number): { rateFraction: number; minGapMs: number } {
  let ideal = 0;
  let measured = 0;
  let minGapMs = Number.POSITIVE_INFINITY;
  for (const times of site.requestTimes.values()) {
    if (times.length < 2) continue;
    ideal += (times.length - 1) * intervalMs;
    measured += (times.at(-1) as number) - (times[0] as number);
    for (let i = 1; i < times.length; i++)
      minGapMs = Math.min(minGapMs, (times[i] as number) - (times[i - 1] as number));
  }
  return { rateFraction: measured > 0 ? ideal / measured : 0, minGapMs };
}

export async function runCrawlBench(options: CrawlBenchOptions): Promise<SectionResult> {
  const articlesPerHost = options.quick ? 6 : 20;
  const site = await startManyHostsSite({ hosts: HOSTS, articlesPerHost });
  const runs: CrawlRun[] = [];
  const workers = defaultExtractWorkers();
  const off = { intervalMs: 0, concurrency: 16, perHostConcurrency: 4 };
  const on = { intervalMs: POLITE_INTERVAL_MS, concurrency: 8, perHostConcurrency: 1 };
  const plan: Array<[string, typeof off, number]> = [
    ["politeness off, extraction on the loop", off, 0],
    [`politeness off, ${workers} extraction worker${workers === 1 ? "" : "s"}`, off, workers],
    ["politeness on, extraction on the loop", on, 0],
    [`politeness on, ${workers} extraction worker${workers === 1 ? "" : "s"}`, on, workers],
  ];
  try {
    for (const [label, politeness, extractWorkers] of plan) {
      process.stderr.write(`  crawl: ${label}…\n`);
      runs.push(await crawlOnce(label, site, politeness, extractWorkers));
    }
  } finally {
    await site.close();
  }
  const offLoop = runs[0] as CrawlRun;
  const onDefault = runs[3] as CrawlRun;
  const limit = (HOSTS * 1000) / POLITE_INTERVAL_MS;
  const goals: GoalCheck[] = [
    {
      goal: `crawl ≥ ${RATE_GOAL} of the politeness limit across ${HOSTS} hosts`,
      figure: `${fmt(onDefault.rateFraction ?? 0, 3)} (per-host spacing, default settings); ${fmt(perSecond(onDefault.requests, onDefault.wallMs))} requests/s overall against a limit of ${limit}/s`,
      met: (onDefault.rateFraction ?? 0) >= RATE_GOAL,
    },
    {
      goal: `no two requests to one host closer than ${POLITE_INTERVAL_MS} ms`,
      figure: `smallest gap ${fmt(Math.min(...runs.map((run) => run.minGapMs ?? Number.POSITIVE_INFINITY)), 0)} ms`,
      met: runs.every((run) => (run.minGapMs ?? POLITE_INTERVAL_MS) >= POLITE_INTERVAL_MS),
    },
  ];
  return {
    section: "crawl",
    title: "Crawl",
    setup: [
      machineLine(),
      `${HOSTS} hosts on 127.0.0.1–${HOSTS}, each robots.txt, a home page, 8 section pages and ${articlesPerHost} generated article pages of ${fmt(site.articleBytes / 1024)} KB; runCrawl with --render auto, robots on, SQLite state, JSONL output`,
    ],
    tables: [
      {
        title: "Throughput",
        header: [
          "run",
          "requests",
          "pages",
          "records",
          "errors",
          "wall s",
          "CPU s",
          "pages/s (wall)",
          "pages/s (CPU)",
          "loop busy",
          "rate ÷ limit",
        ],
        rows: runs.map((run) => [
          run.label,
          String(run.requests),
          String(run.pages),
          String(run.records),
          String(run.errors),
          fmt(run.wallMs / 1000),
          fmt(run.cpuMs / 1000),
          fmt(perSecond(run.pages, run.wallMs)),
          fmt(perSecond(run.pages, run.cpuMs)),
          `${fmt(run.eventLoopBusy * 100, 0)}%`,
          run.rateFraction === undefined ? "–" : fmt(run.rateFraction, 3),
        ]),
      },
    ],
    goals,
    notes: [
      `with extraction on the loop, politeness off is bounded by one core: ${fmt(offLoop.cpuMs / Math.max(1, offLoop.pages))} ms of CPU per page (fetch, parse, links, classification, extraction, segmentation, writing); CPU counts every thread of the process`,
      "politeness on: one request per second per host is the limit; the host is held for the interval from the end of each response, so a response's own time is lost from each gap",
    ],
  };
}
