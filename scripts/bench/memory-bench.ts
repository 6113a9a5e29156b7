/**
 * Memory over a long extraction run: 10,000 pages (`--quick`: 1,000), cycling through every corpus page of
 * the extraction benchmark's sets, the way `caiji crawl` and `caiji extract` on an archive extract: through
 * the `ExtractPool` with its default size and worker recycling, default DOM and segmenter. RSS is the whole
 * process's, worker threads included. A leak (a document kept alive, a cache that only grows) shows as RSS
 * that keeps climbing after warm-up.
 *
 * Readings are taken at the start (pool ready, pages loaded, nothing extracted), after warm-up (the first
 * tenth of the run) and at the end, after a full collection of the main thread (`--expose-gc`, which
 * `run.ts` passes; a worker's heap is its own, and recycling is what bounds it); the peak is sampled every
 * 100 ms.
 *
 * The goal compares medians, not two single readings: even after a full collection, RSS saws up and down by
 * 100–200 MB from one reading to the next (the allocator hands freed pages back to the system when it
 * pleases), so two single points say more about where each fell on the saw than about growth. A settled
 * reading is taken every 100 pages, and the median of the tenth after warm-up is compared with the median of
 * the last tenth: a leak moves both the saw's floor and its median; noise moves neither.
 */

import { pageFor } from "../../src/eval/predict-caiji.js";
import { DEFAULT_RECYCLE_AFTER, defaultExtractWorkers, ExtractPool } from "../../src/extract/extract-pool.js";
import { defaultDom } from "../../src/extract/parse-html.js";
import { resolveSegmenterName, segmenterEnvVar } from "../../src/nlp/load-segmenter.js";
import { benchSetIds, readBenchSet } from "./corpus-pages.js";
import {
  fmt,
  fmtMb,
  type GoalCheck,
  machineLine,
  perSecond,
  RssTracker,
  type SectionResult,
  stopwatch,
} from "./measure.js";

export interface MemoryBenchOptions {
  corpus: string;
  quick: boolean;
}

const GROWTH_LIMIT = 0.1;

interface Reading {
  label: string;
  page: number;
  rss: number;
  heapUsed: number;
}

function medianRss(readings: readonly Reading[]): number {
  const sorted = readings.map((reading) => reading.rss).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function settledReading(label: string, page: number): Reading {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { label, page, rss: usage.rss, heapUsed: usage.heapUsed };
}

export async function runMemoryBench(options: MemoryBenchOptions): Promise<SectionResult> {
  const total = options.quick ? 1_000 : 10_000;
  const warmup = Math.round(total / 10);
  const cases = benchSetIds.flatMap((id) => readBenchSet(id, options.corpus).data.cases);
  const workers = defaultExtractWorkers();
  const pool = new ExtractPool({ workers });
  // Every worker ready (dictionary loaded) before the start reading.
  await Promise.allSettled(cases.slice(0, workers).map((evalCase) => pool.extract(pageFor(evalCase))));
  const readings = [settledReading("start", 0)];
  /** Settled RSS every 100 pages, for the medians the goal compares. */
  const series: Reading[] = [];
  const tracker = new RssTracker();
  let failures = 0;
  let sent = 0;
  let done = 0;
  const watch = stopwatch();
  // A few pages in flight per worker, as the crawl and `caiji extract` keep them.
  const lane = async (): Promise<void> => {
    while (sent < total) {
      const evalCase = cases[sent++ % cases.length];
      if (!evalCase) continue;
      try {
        await pool.extract(pageFor(evalCase));
      } catch {
        failures++;
      }
      done++;
      if (done === warmup) readings.push(settledReading("after warm-up", done));
      if (done % 100 === 0) {
        series.push(settledReading("series", done));
        process.stderr.write(
          `\r  memory: ${done}/${total} pages, RSS ${fmtMb(process.memoryUsage.rss())}   `,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: workers * 4 }, lane));
  const span = watch.stop();
  tracker.stop();
  process.stderr.write("\n");
  readings.push(settledReading("end", total));
  const workersStarted = pool.workersStarted;
  await pool.close();
  const afterWarmup = readings[1] as Reading;
  const end = readings[2] as Reading;
  const pointGrowth = end.rss / afterWarmup.rss - 1;
  const early = medianRss(series.filter((r) => r.page > warmup && r.page <= 2 * warmup));
  const late = medianRss(series.filter((r) => r.page > total - warmup));
  const growth = late / early - 1;
  const pct = (value: number) => `${value >= 0 ? "+" : ""}${fmt(value * 100)} %`;
  const goals: GoalCheck[] = [
    {
      goal: `flat memory over ${total.toLocaleString("en")} pages: median settled RSS of the last tenth within ${GROWTH_LIMIT * 100} % of the tenth after warm-up`,
      figure: `${fmtMb(early)} → ${fmtMb(late)} (${pct(growth)}); single readings ${fmtMb(afterWarmup.rss)} → ${fmtMb(end.rss)} (${pct(pointGrowth)})`,
      met: growth <= GROWTH_LIMIT,
    },
  ];
  return {
    section: "memory",
    title: "Memory",
    setup: [
      machineLine(),
      `${total.toLocaleString("en")} extractions cycling over ${cases.length} corpus pages (${benchSetIds.join(", ")}) through the extraction pool: ${workers} worker${workers === 1 ? "" : "s"}, each replaced after ${DEFAULT_RECYCLE_AFTER.toLocaleString("en")} pages (${workersStarted} started in all), default DOM ${defaultDom}, segmenter ${resolveSegmenterName(process.env[segmenterEnvVar])}; RSS of the whole process`,
    ],
    tables: [
      {
        title: "Resident memory",
        header: ["point", "pages", "RSS", "main thread heap"],
        rows: [
          ...readings.map((reading) => [
            reading.label,
            String(reading.page),
            fmtMb(reading.rss),
            fmtMb(reading.heapUsed),
          ]),
          ["peak (no forced GC)", "–", fmtMb(tracker.peak), "–"],
          ["median, tenth after warm-up", `${warmup + 100}–${2 * warmup}`, fmtMb(early), "–"],
          ["median, last tenth", `${total - warmup + 100}–${total}`, fmtMb(late), "–"],
        ],
      },
    ],
    goals,
    notes: [
      `${fmt(perSecond(total, span.wallMs))} pages/s wall, ${fmt(perSecond(total, span.cpuMs))} per CPU-second over the run; ${failures} pages gave no record (no content found)`,
    ],
  };
}
