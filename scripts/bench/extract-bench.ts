/**
 * Extraction throughput: pages per second and time per stage on the corpus sets, for caiji on each DOM
 * and for the baseline a user gets from the card's libraries alone (plain @mozilla/readability on jsdom,
 * as `caiji eval` runs it). All three run page by page in turn, in one process, so they share the
 * machine's load; each is warmed up first (JIT, dictionaries) on a few pages that are not counted.
 *
 * Scores come from the eval scorer on the same predictions, so "faster" is never bought with quality.
 */

import { availableParallelism } from "node:os";
import { emptyPrediction, type Prediction } from "../../src/eval/eval-case.js";
import { describeError, pageFor } from "../../src/eval/predict-caiji.js";
import { predictWithReadability } from "../../src/eval/predict-readability.js";
import { scoreExtractor } from "../../src/eval/score-set.js";
import { ExtractPool } from "../../src/extract/extract-pool.js";
import { type ExtractStage, extractRecord } from "../../src/extract/extract-record.js";
import type { DomName } from "../../src/extract/parse-html.js";
import { defaultDom } from "../../src/extract/parse-html.js";
import { loadSegmenter } from "../../src/nlp/load-segmenter.js";
import type { Segmenter } from "../../src/nlp/segmenter.js";
import { type BenchSet, benchSetIds, readBenchSet } from "./corpus-pages.js";
import {
  addSpan,
  fmt,
  type GoalCheck,
  machineLine,
  perSecond,
  type SectionResult,
  type Span,
  stopwatch,
  yieldToEventLoop,
} from "./measure.js";

export interface ExtractBenchOptions {
  corpus: string;
  quick: boolean;
}

const STAGES: ExtractStage[] = ["decode", "parse", "metadata", "content", "segment", "assemble"];
const BASELINE = "Readability on jsdom (baseline)";
/** Pages per set in a `--quick` run, and pages used to warm each extractor up. */
const QUICK_PAGES = 8;
const WARMUP_PAGES = 3;
/** The extraction goal: this many times the baseline's pages per second on the Chinese sets. */
const SPEEDUP_GOAL = 5;
/** Scores may not drop by more than this for a DOM to be the default (`caiji eval`'s tolerance). */
const SCORE_TOLERANCE = 0.002;

interface ExtractorTally {
  name: string;
  dom?: DomName;
  total: Span;
  stages: Record<ExtractStage, Span>;
  predictions: Prediction[];
  errors: number;
}

interface SetRun {
  set: BenchSet;
  tallies: ExtractorTally[];
  /** The worker pool over the set's pages, and the baseline alone right after it (both wall-clock). */
  pool?: { workers: number; wallMs: number; cpuMs: number; baselineWallMs: number };
}

function newTally(name: string, dom?: DomName): ExtractorTally {
  const stages = Object.fromEntries(STAGES.map((stage) => [stage, { wallMs: 0, cpuMs: 0 }])) as Record<
    ExtractStage,
    Span
  >;
  return { name, dom, total: { wallMs: 0, cpuMs: 0 }, stages, predictions: [], errors: 0 };
}

function caijiPredict(tally: ExtractorTally, segmenter: Segmenter) {
  return (evalCase: BenchSet["data"]["cases"][number]): Prediction => {
    try {
      const record = extractRecord(pageFor(evalCase), {
        segmenter,
        dom: tally.dom,
        onStage: (stage, time) => addSpan(tally.stages[stage], time),
      });
      const { text, title, publishedAt, authors, source, views } = record;
      return { text, title, publishedAt, authors, source, views };
    } catch (error) {
      return { ...emptyPrediction, error: describeError(error) };
    }
  };
}

async function runSet(set: BenchSet, segmenter: Segmenter): Promise<SetRun> {
  const tallies = [
    newTally(BASELINE),
    newTally("caiji, jsdom", "jsdom"),
    newTally("caiji, linkedom", "linkedom"),
  ];
  const predictors = tallies.map((tally) =>
    tally.dom
      ? caijiPredict(tally, segmenter)
      : (evalCase: Parameters<typeof predictWithReadability>[0]) => predictWithReadability(evalCase),
  );
  const cases = set.data.cases;
  for (const evalCase of cases.slice(0, WARMUP_PAGES)) for (const predict of predictors) predict(evalCase);
  for (const tally of tallies) for (const stage of STAGES) tally.stages[stage] = { wallMs: 0, cpuMs: 0 };

  for (const [index, evalCase] of cases.entries()) {
    for (const [which, predict] of predictors.entries()) {
      const tally = tallies[which] as ExtractorTally;
      const watch = stopwatch();
      const prediction = predict(evalCase);
      addSpan(tally.total, watch.stop());
      tally.predictions.push(prediction);
      if (prediction.error) tally.errors++;
      await yieldToEventLoop();
    }
    process.stderr.write(`\r  extract ${set.id}: ${index + 1}/${cases.length}   `);
  }
  process.stderr.write("\n");
  return { set, tallies };
}

/**
 * Pages per second with every core: the set's pages all queued on the worker pool at once, then the
 * baseline alone over the same pages, back to back so that both meet the same machine load.
 */
async function runPool(run: SetRun, pool: ExtractPool, workers: number): Promise<void> {
  const cases = run.set.data.cases;
  const watch = stopwatch();
  await Promise.allSettled(cases.map((evalCase) => pool.extract(pageFor(evalCase))));
  const span = watch.stop();
  const baseline = stopwatch();
  for (const evalCase of cases) {
    predictWithReadability(evalCase);
    await yieldToEventLoop();
  }
  run.pool = { workers, ...span, baselineWallMs: baseline.stop().wallMs };
}

/** One number per set and extractor: body F1 where the gold has a body, else the mean of the field checks. */
function score(run: SetRun, tally: ExtractorTally): number | null {
  if (!run.set.scored) return null;
  const { metrics } = scoreExtractor(run.set.data.cases, tally.predictions, run.set.lang);
  if (metrics.bodyF1) return metrics.bodyF1.value;
  const values = Object.values(metrics).map((metric) => metric.value);
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

export async function runExtractBench(options: ExtractBenchOptions): Promise<SectionResult> {
  const segmenter = loadSegmenter();
  const limit = options.quick ? QUICK_PAGES : undefined;
  const runs: SetRun[] = [];
  for (const id of benchSetIds) runs.push(await runSet(readBenchSet(id, options.corpus, limit), segmenter));
  const workers = availableParallelism();
  const pool = new ExtractPool({ workers });
  try {
    // Warm-up: every worker loads its dictionary and compiles the extraction code before the clock runs.
    const warmup = runs[0]?.set.data.cases.slice(0, workers * WARMUP_PAGES) ?? [];
    await Promise.allSettled(warmup.map((evalCase) => pool.extract(pageFor(evalCase))));
    for (const run of runs) {
      process.stderr.write(`  extract ${run.set.id}: ${workers} workers…\n`);
      await runPool(run, pool, workers);
    }
  } finally {
    await pool.close();
  }

  const throughput: string[][] = [];
  const stageRows: string[][] = [];
  const scoreOf = new Map<string, number | null>();
  for (const run of runs) {
    const baseline = run.tallies[0] as ExtractorTally;
    const pages = run.set.data.cases.length;
    for (const tally of run.tallies) {
      const value = score(run, tally);
      scoreOf.set(`${run.set.id}/${tally.name}`, value);
      throughput.push([
        run.set.id,
        tally.name,
        String(pages),
        fmt(perSecond(pages, tally.total.wallMs)),
        fmt(perSecond(pages, tally.total.cpuMs)),
        fmt(tally.total.cpuMs / pages),
        tally === baseline ? "1.0×" : `${fmt(baseline.total.cpuMs / tally.total.cpuMs)}×`,
        value === null ? "–" : fmt(value, 4),
        String(tally.errors),
      ]);
      if (!tally.dom) continue;
      stageRows.push([
        run.set.id,
        tally.name,
        ...STAGES.map((stage) => fmt(tally.stages[stage].cpuMs / pages)),
      ]);
    }
  }

  const poolRows = runs.map((run) => {
    const pool = run.pool as NonNullable<SetRun["pool"]>;
    const pages = run.set.data.cases.length;
    return [
      run.set.id,
      `caiji, ${defaultDom}, ${pool.workers} workers`,
      String(pages),
      fmt(perSecond(pages, pool.wallMs)),
      fmt(perSecond(pages, pool.baselineWallMs)),
      `${fmt(pool.baselineWallMs / pool.wallMs)}×`,
    ];
  });
  const goals = extractionGoals(runs, scoreOf);
  return {
    section: "extract",
    title: "Extraction",
    setup: [
      machineLine(),
      `${options.quick ? `--quick: first ${QUICK_PAGES} pages of each set` : "every page of each set"}; ${WARMUP_PAGES} warm-up pages per extractor not counted; segmenter ${segmenter.name}; default DOM ${defaultDom}`,
      "pages/s per CPU-second = pages ÷ CPU time of this process spent on them (user + system); the ratio is against the baseline's CPU time on the same pages",
    ],
    tables: [
      {
        title: "Throughput and scores",
        header: [
          "set",
          "extractor",
          "pages",
          "pages/s (wall)",
          "pages/s (CPU)",
          "CPU ms/page",
          "× baseline (CPU)",
          "score",
          "errors",
        ],
        rows: throughput,
      },
      {
        title: "With every core: the worker pool, and the baseline run right after it",
        header: [
          "set",
          "extractor",
          "pages",
          "pages/s (wall)",
          "baseline pages/s (wall)",
          "× baseline (wall)",
        ],
        rows: poolRows,
      },
      {
        title: "CPU ms per page by stage (caiji)",
        header: ["set", "extractor", ...STAGES],
        rows: stageRows,
      },
    ],
    goals,
    notes: [
      "score: body F1 (cwced, aeb) or the mean of the labelled-field and snippet checks (gne), from the eval scorer; netease-gbk has no gold.",
    ],
  };
}

function extractionGoals(runs: SetRun[], scoreOf: Map<string, number | null>): GoalCheck[] {
  const chinese = runs.filter((run) => run.set.lang === "zh");
  const sum = (name: string) =>
    chinese.reduce(
      (acc, run) => {
        const tally = run.tallies.find((t) => t.name === name) as ExtractorTally;
        return { pages: acc.pages + run.set.data.cases.length, cpuMs: acc.cpuMs + tally.total.cpuMs };
      },
      { pages: 0, cpuMs: 0 },
    );
  const baseline = sum(BASELINE);
  const caiji = sum(`caiji, ${defaultDom}`);
  const speedup = baseline.cpuMs / caiji.cpuMs;
  const pooled = chinese.reduce(
    (acc, run) => ({
      poolMs: acc.poolMs + (run.pool?.wallMs ?? 0),
      baselineMs: acc.baselineMs + (run.pool?.baselineWallMs ?? 0),
    }),
    { poolMs: 0, baselineMs: 0 },
  );
  const workers = chinese[0]?.pool?.workers ?? 0;
  const poolSpeedup = pooled.baselineMs / pooled.poolMs;
  const goals: GoalCheck[] = [
    {
      goal: `extraction ≥ ${SPEEDUP_GOAL}× the baseline's pages/s on the Chinese sets, ${workers} worker threads (wall)`,
      figure: `${fmt(poolSpeedup)}× (${fmt(perSecond(caiji.pages, pooled.poolMs))} vs ${fmt(perSecond(caiji.pages, pooled.baselineMs))} pages/s)`,
      met: poolSpeedup >= SPEEDUP_GOAL,
    },
    {
      goal: `the same on one core (CPU time per page)`,
      figure: `${fmt(speedup)}× (${fmt(perSecond(caiji.pages, caiji.cpuMs))} vs ${fmt(perSecond(baseline.pages, baseline.cpuMs))} pages per CPU-second)`,
      met: speedup >= SPEEDUP_GOAL,
    },
  ];
  for (const run of runs.filter((r) => r.set.scored)) {
    const base = scoreOf.get(`${run.set.id}/${BASELINE}`) ?? null;
    const jsdom = scoreOf.get(`${run.set.id}/caiji, jsdom`) ?? null;
    const mine = scoreOf.get(`${run.set.id}/caiji, ${defaultDom}`) ?? null;
    if (base === null || jsdom === null || mine === null) continue;
    // The speed goal is judged on the Chinese sets "at equal or better scores"; on every set the default DOM
    // must score what jsdom scores.
    const chineseSet = run.set.lang === "zh";
    goals.push({
      goal: `${run.set.id}: caiji on ${defaultDom} scores within ${SCORE_TOLERANCE} of caiji on jsdom${chineseSet ? " and ≥ the baseline" : ""}`,
      figure: `${fmt(mine, 4)} vs ${fmt(jsdom, 4)} on jsdom, baseline ${fmt(base, 4)}`,
      met: mine >= jsdom - SCORE_TOLERANCE && (!chineseSet || mine >= base),
    });
  }
  return goals;
}
