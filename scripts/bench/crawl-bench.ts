/**
 * Crawl throughput against many local hosts (`many-hosts-site.ts`, served from a process of its own: `many-hosts-process.ts`), through `runCrawl` exactly as
 * `caiji crawl` wires it: SQLite frontier, HTTP fetcher, robots.txt, politeness, `--render auto`, the
 * adapter registry, extraction, JSONL sinks.
 *
 * Two runs:
 * - politeness off (interval 0): how many pages per second the pipeline itself can take, i.e. CPU-bound;
 * - politeness on (the default one request per second per host): the achieved request rate as a fraction of
 *   the politeness limit, measured from the server's side. Per host, the limit allows n requests in
 *   (n − 1) × interval; the fraction is that ideal span over the measured one, summed over hosts. Once more
 *   with every answer taking 300 ms, as a busy site's do: the interval is counted from when the previous
 *   answer's headers arrived (so the server's own log never shows a shorter gap), which makes that site's
 *   limit one request per interval + 300 ms: reported, not judged against the goal.
 *
 * The gaps are judged where the site sees them, in the server's log; the times the crawler wrote each
 * request's headers (undici's sendHeaders) are reported beside them.
 */
import diagnostics from "node:diagnostics_channel";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseCrawlOptions } from "../../src/crawl/crawl-options.js";
import { silentProgress } from "../../src/crawl/progress.js";
import { runCrawl } from "../../src/crawl/run-crawl.js";
import { defaultExtractWorkers } from "../../src/extract/extract-pool.js";
import { type ManyHostsProcess, startManyHostsProcess } from "./many-hosts-process.js";
import { fmt, type GoalCheck, machineLine, perSecond, type SectionResult, stopwatch } from "./measure.js";

export interface CrawlBenchOptions {
  quick: boolean;
}

const HOSTS = 50;
const POLITE_INTERVAL_MS = 1000;
const RATE_GOAL = 0.95;
/** A busy site's think time, for the politeness run with slow answers. */
const SLOW_RESPONSE_MS = 300;

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
  /** The same, between the times the crawler wrote each request's headers (undici's sendHeaders). */
  wireMinGapMs?: number;
  /** Over the worst run of consecutive requests to one host: interval × gaps − span, in ms. */
  worstShortfallMs?: number;
  requests: number;
  /** Share of the run the event loop was busy (1 = never idle: CPU-bound). */
  eventLoopBusy: number;
}

async function crawlOnce(
  label: string,
  site: ManyHostsProcess,
  politeness: { intervalMs: number; concurrency: number; perHostConcurrency: number },
  extractWorkers: number,
  responseDelayMs = 0,
): Promise<CrawlRun> {
  const dir = mkdtempSync(join(tmpdir(), "caiji-bench-crawl-"));
  await site.setResponseDelay(responseDelayMs);
  await site.takeRequestTimes();
  try {
    const options = parseCrawlOptions({
      seeds: site.roots,
      out: join(dir, "records.jsonl"),
      state: join(dir, "state"),
      politeness,
      extract: { workers: extractWorkers },
    });
    const wireTimes = new Map<string, number[]>();
    const onSent = (message: unknown) => {
      const origin = String((message as { request?: { origin?: unknown } }).request?.origin);
      wireTimes.set(origin, [...(wireTimes.get(origin) ?? []), performance.now()]);
    };
    diagnostics.subscribe("undici:client:sendHeaders", onSent);
    const watch = stopwatch();
    const loopBefore = performance.eventLoopUtilization();
    const summary = await runCrawl(options, { progress: silentProgress, notice: () => {} });
    const eventLoopBusy = performance.eventLoopUtilization(loopBefore).utilization;
    const span = watch.stop();
    diagnostics.unsubscribe("undici:client:sendHeaders", onSent);
    const requestTimes = await site.takeRequestTimes();
    const errors = Object.values(summary.errorsByKind).reduce((sum, n) => sum + n, 0);
    const run: CrawlRun = {
      label,
      pages: summary.pages,
      records: summary.records,
      errors,
      ...span,
      eventLoopBusy,
      requests: [...requestTimes.values()].reduce((sum, times) => sum + times.length, 0),
    };
    if (politeness.intervalMs > 0) {
      Object.assign(run, spacing(requestTimes, politeness.intervalMs));
      run.wireMinGapMs = spacing(wireTimes, politeness.intervalMs).minGapMs;
    }
    return run;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function spacing(
  requestTimes: Map<string, number[]>,
  intervalMs: number,
): { rateFraction: number; minGapMs: number; worstShortfallMs: number } {
  let ideal = 0;
  let measured = 0;
  let minGapMs = Number.POSITIVE_INFINITY;
  let worstShortfallMs = Number.NEGATIVE_INFINITY;
  for (const times of requestTimes.values()) {
    if (times.length < 2) continue;
    ideal += (times.length - 1) * intervalMs;
    measured += (times.at(-1) as number) - (times[0] as number);
    for (let i = 1; i < times.length; i++) {
      minGapMs = Math.min(minGapMs, (times[i] as number) - (times[i - 1] as number));
      for (let j = 0; j < i; j++) {
        const span = (times[i] as number) - (times[j] as number);
        worstShortfallMs = Math.max(worstShortfallMs, (i - j) * intervalMs - span);
      }
    }
  }
  return { rateFraction: measured > 0 ? ideal / measured : 0, minGapMs, worstShortfallMs };
}

export async function runCrawlBench(options: CrawlBenchOptions): Promise<SectionResult> {
  const articlesPerHost = options.quick ? 6 : 20;
  const site = await startManyHostsProcess({ hosts: HOSTS, articlesPerHost });
  const runs: CrawlRun[] = [];
  const workers = defaultExtractWorkers();
  const off = { intervalMs: 0, concurrency: 16, perHostConcurrency: 4 };
  const on = { intervalMs: POLITE_INTERVAL_MS, concurrency: 8, perHostConcurrency: 1 };
  const slowOn = { ...on, concurrency: 24 };
  const withWorkers = `${workers} extraction worker${workers === 1 ? "" : "s"}`;
  const plan: Array<[string, typeof off, number, number]> = [
    ["politeness off, extraction on the loop", off, 0, 0],
    [`politeness off, ${withWorkers}`, off, workers, 0],
    ["politeness on, extraction on the loop", on, 0, 0],
    [`politeness on, ${withWorkers}`, on, workers, 0],
    // 50 hosts answering in 300 ms need 15 requests in flight to reach the limit; the default 8 cannot.
    [
      `politeness on, ${withWorkers}, answers take ${SLOW_RESPONSE_MS} ms, ${slowOn.concurrency} at once`,
      slowOn,
      workers,
      SLOW_RESPONSE_MS,
    ],
  ];
  try {
    for (const [label, politeness, extractWorkers, responseDelayMs] of plan) {
      process.stderr.write(`  crawl: ${label}…\n`);
      runs.push(await crawlOnce(label, site, politeness, extractWorkers, responseDelayMs));
    }
  } finally {
    await site.close();
  }
  const offLoop = runs[0] as CrawlRun;
  const onDefault = runs[3] as CrawlRun;
  const onSlow = runs[4] as CrawlRun;
  const limit = (HOSTS * 1000) / POLITE_INTERVAL_MS;
  const polite = runs.filter((run) => run.worstShortfallMs !== undefined);
  const worstShortfallMs = Math.max(...polite.map((run) => run.worstShortfallMs as number));
  const goals: GoalCheck[] = [
    {
      goal: `crawl ≥ ${RATE_GOAL} of the politeness limit across ${HOSTS} hosts`,
      figure: `${fmt(onDefault.rateFraction ?? 0, 3)} (per-host spacing, default settings); ${fmt(perSecond(onDefault.requests, onDefault.wallMs))} requests/s overall against a limit of ${limit}/s. With ${SLOW_RESPONSE_MS} ms answers ${fmt(onSlow.rateFraction ?? 0, 3)} (by design: the interval counts from each answer, ${fmt(POLITE_INTERVAL_MS / (POLITE_INTERVAL_MS + SLOW_RESPONSE_MS), 3)} at most)`,
      met: (onDefault.rateFraction ?? 0) >= RATE_GOAL,
    },
    {
      goal: `no two requests to one host closer than ${POLITE_INTERVAL_MS} ms in the server's log`,
      figure: `smallest gap in the server's log ${fmt(Math.min(...polite.map((run) => run.minGapMs ?? Number.POSITIVE_INFINITY)), 0)} ms; as the crawler wrote the requests ${fmt(Math.min(...polite.map((run) => run.wireMinGapMs ?? Number.POSITIVE_INFINITY)), 1)} ms; worst run of requests ${worstShortfallMs > 0 ? `${fmt(worstShortfallMs, 0)} ms short of` : `${fmt(-worstShortfallMs, 0)} ms over`} interval × gaps`,
      // The server's clock is read in whole milliseconds.
      met: polite.every((run) => (run.minGapMs ?? POLITE_INTERVAL_MS) >= POLITE_INTERVAL_MS - 1),
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
          "smallest gap ms (server)",
          "smallest gap ms (sent)",
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
          run.minGapMs === undefined ? "–" : fmt(run.minGapMs, 0),
          run.wireMinGapMs === undefined ? "–" : fmt(run.wireMinGapMs, 1),
        ]),
      },
    ],
    goals,
    notes: [
      `with extraction on the loop, politeness off is bounded by one core: ${fmt(offLoop.cpuMs / Math.max(1, offLoop.pages))} ms of CPU per page (fetch, parse, links, classification, extraction, segmentation, writing); CPU counts every thread of the process`,
      "politeness on: one request per second per host is the limit, counted from when the previous answer's headers arrived (the server had the request by then), so the gap in the server's log is never shorter; downloading a body does not lengthen it, a slow answer does",
    ],
  };
}
