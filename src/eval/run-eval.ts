/**
 * Runs one set: reads its pages, puts each through caiji and (unless turned off) the Readability
 * baseline, page by page in turn so both see the same machine load, times every call, and scores both.
 *
 * @example
 *   const result = await runSet(resolveSets("cwced")[0], "../shared/corpus", { baseline: true, segmenter });
 *   console.log(result.caiji.scores.metrics.bodyF1?.value);
 */

import { existsSync } from "node:fs";
import type { Segmenter } from "../nlp/segmenter.js";
import { join } from "./corpus-files.js";
import { crossGoldNote, crossGoldScores } from "./cross-gold-check.js";
import type { EvalCase, Prediction } from "./eval-case.js";
import { type EvalSetSpec, evalSets, readSet } from "./eval-sets.js";
import { goldShareInPage, pageText } from "./gold-coverage.js";
import { predictWithCaiji } from "./predict-caiji.js";
import { predictWithReadability } from "./predict-readability.js";
import { aebIdOf } from "./read-aeb.js";
import { type Timing, TimingRecorder, timedSegmenter } from "./run-timing.js";
import { type ExtractorScores, scoreExtractor } from "./score-set.js";
import { tokenizerFor } from "./tokenize.js";
import { checkAebUpstream, type UpstreamCheck } from "./upstream-check.js";

export interface EvalOptions {
  /** Score only the first `limit` pages of the set (in file order). */
  limit?: number;
  /** Run the Readability baseline too. */
  baseline: boolean;
  /** The segmenter caiji uses (a stub skips jieba: no scored figure depends on it). */
  segmenter: Segmenter;
  /** Called after each page. */
  onProgress?: (done: number, total: number) => void;
}

export interface ExtractorRun {
  scores: ExtractorScores;
  timing: Timing;
  /** Pages on which the extractor threw (scored as empty predictions). */
  errors: number;
  /** Pages jsdom only parsed after their CSS was removed (baseline; caiji's `parseHtml` does this silently). */
  parseRetries: number;
}

export interface SetResult {
  set: string;
  description: string;
  lang: "zh" | "en";
  pages: number;
  notes: string[];
  caiji: ExtractorRun;
  baseline?: ExtractorRun;
  /** The set's gold is the baseline's own recorded output, so "≥ baseline" says nothing there. */
  goldIsBaselineOutput?: boolean;
  /** Mean share of each gold body's shingles found anywhere in its page: a ceiling on body recall. */
  goldInPage?: number;
  /** AEB only: the benchmark's recorded outputs rescored, to check the scorer against published rows. */
  upstreamCheck?: UpstreamCheck[];
}

/**
 * jsdom frees a closed window's memory only once the event loop turns; a run that never yields holds
 * every page it parsed (gigabytes on a full run). So the loop awaits a macrotask between pages.
 */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function runSet(
  spec: EvalSetSpec,
  corpusRoot: string,
  options: EvalOptions,
): Promise<SetResult> {
  const data = readSet(spec, corpusRoot);
  const cases = options.limit === undefined ? data.cases : data.cases.slice(0, options.limit);
  const segmenter = timedSegmenter(options.segmenter);
  const caijiTiming = new TimingRecorder();
  const baselineTiming = new TimingRecorder();
  const caijiPredictions: Prediction[] = [];
  const baselinePredictions: Prediction[] = [];

  for (const [index, evalCase] of cases.entries()) {
    caijiPredictions.push(caijiTiming.measure(() => predictWithCaiji(evalCase, segmenter)));
    await yieldToEventLoop();
    if (options.baseline) {
      baselinePredictions.push(baselineTiming.measure(() => predictWithReadability(evalCase)));
      await yieldToEventLoop();
    }
    options.onProgress?.(index + 1, cases.length);
  }

  const result: SetResult = {
    set: spec.id,
    description: spec.description,
    lang: data.lang,
    pages: cases.length,
    notes: data.notes,
    caiji: summarize(
      cases,
      caijiPredictions,
      data.lang,
      caijiTiming.summary(options.segmenter.name === "stub" ? undefined : segmenter.elapsedMs),
    ),
  };
  if (spec.goldIsBaselineOutput) result.goldIsBaselineOutput = true;
  const withBody = cases.filter((c) => c.gold.body !== undefined);
  if (withBody.length > 0) {
    const tokenize = tokenizerFor(data.lang);
    let sum = 0;
    for (const evalCase of withBody) {
      sum += goldShareInPage(evalCase.gold.body ?? "", pageText(evalCase), tokenize);
      await yieldToEventLoop();
    }
    result.goldInPage = sum / withBody.length;
    const crossNote = crossGoldCheck(spec, cases, corpusRoot);
    if (crossNote) result.notes = [...result.notes, crossNote];
  }
  if (options.baseline) {
    result.baseline = summarize(cases, baselinePredictions, data.lang, baselineTiming.summary());
    if (result.baseline.parseRetries > 0) {
      result.notes = [
        ...result.notes,
        `baseline: ${result.baseline.parseRetries} page(s) parsed again without CSS after jsdom threw on it (caiji's parseHtml makes the same retry)`,
      ];
    }
  }
  if (spec.id === "aeb") {
    const ids = cases.map((c) => aebIdOf(c.file));
    result.upstreamCheck = checkAebUpstream(join(corpusRoot, spec.folder), ids);
  }
  return result;
}

/** Sets whose pages overlap and whose golds follow different rules (`cross-gold-check.ts`). */
const crossGoldSibling: Readonly<Record<string, string>> = { cwced: "cleaneval", cleaneval: "cwced" };

function crossGoldCheck(
  spec: EvalSetSpec,
  cases: readonly EvalCase[],
  corpusRoot: string,
): string | undefined {
  const siblingSpec = evalSets.find((set) => set.id === crossGoldSibling[spec.id]);
  if (!siblingSpec || !existsSync(join(corpusRoot, siblingSpec.folder))) return undefined;
  const sibling = readSet(siblingSpec, corpusRoot);
  const scores = crossGoldScores(cases, sibling.cases, tokenizerFor(sibling.lang));
  return scores && crossGoldNote(spec.id, siblingSpec.id, scores);
}

function summarize(
  cases: readonly EvalCase[],
  predictions: readonly Prediction[],
  lang: "zh" | "en",
  timing: Timing,
): ExtractorRun {
  return {
    scores: scoreExtractor(cases, predictions, lang),
    timing,
    errors: predictions.filter((p) => p.error !== undefined).length,
    parseRetries: predictions.filter((p) => p.parseRetried).length,
  };
}
