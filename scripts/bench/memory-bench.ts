/**
 * Memory over a long extraction run: 10,000 pages (`--quick`: 1,000), cycling through every corpus page of
 * the extraction benchmark's sets, through `extractRecord` with the default DOM and segmenter, in one process.
 * A leak (a document kept alive, a cache that only grows) shows as RSS that keeps climbing after warm-up.
 *
 * RSS and heap are read after a full garbage collection (`--expose-gc`, which `run.ts` passes) at the start
 * (pages and dictionaries loaded, nothing extracted), after warm-up (the first tenth of the run) and at the
 * end; the peak is sampled after every page without forcing a collection.
 *
 * The goal compares medians, not two single readings: even after a full collection, RSS saws up and down by
 * 100–200 MB from one reading to the next (the allocator hands freed pages back to the system when it
 * pleases), so two single points say more about where each fell on the saw than about growth. A settled
 * reading is taken every 100 pages, and the median of the tenth after warm-up is compared with the median of
 * the last tenth: a leak moves both the saw's floor and its median; noise moves neither.
 */

import { pageFor } from "../../src/eval/predict-caiji.js";
import { extractRecord } from "../../src/extract/extract-record.js";
import { defaultDom } from "../../src/extract/parse-html.js";
import { loadSegmenter } from "../../src/nlp/load-segmenter.js";
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
  yieldToEventLoop,
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
  const segmenter = loadSegmenter();
  const readings = [settledReading("start", 0)];
  /** Settled RSS every 100 pages, for the medians the goal compares. */
  const series: Reading[] = [];
  const tracker = new RssTracker();
  let failures = 0;
  const watch = stopwatch();
  for (let page = 1; page <= total; page++) {
    const evalCase = cases[(page - 1) % cases.length];
    if (!evalCase) continue;
    try {
      extractRecord(pageFor(evalCase), { segmenter });
    } catch {
      failures++;
    }
    tracker.sample();
    if (page === warmup) readings.push(settledReading("after warm-up", page));
    if (page % 100 === 0) {
      series.push(settledReading("series", page));
      process.stderr.write(`\r  memory: ${page}/${total} pages, RSS ${fmtMb(process.memoryUsage.rss())}   `);
      await yieldToEventLoop();
    }
  }
  const span = watch.stop();
  tracker.stop();
  process.stderr.write("\n");
  readings.push(settledReading("end", total));
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
      `${total.toLocaleString("en")} extractions cycling over ${cases.length} corpus pages (${benchSetIds.join(", ")}), default DOM ${defaultDom}, segmenter ${segmenter.name}; readings after a full GC`,
    ],
    tables: [
      {
        title: "Resident memory",
        header: ["point", "pages", "RSS", "heap used"],
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
