/**
 * The corpus pages the extraction benchmarks run on, read through the eval set readers (so the pages and
 * the gold are exactly what `caiji eval` scores), plus `zh/netease-gbk`, which has no gold and serves only
 * for throughput: 74 raw GB2312 finance pages.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { naturalOrder, syntheticUrl } from "../../src/eval/corpus-files.js";
import type { EvalCase, EvalSetData } from "../../src/eval/eval-case.js";
import { evalSets, readSet } from "../../src/eval/eval-sets.js";

export interface BenchSet {
  id: string;
  lang: "zh" | "en";
  /** False for sets without gold labels: timed, not scored. */
  scored: boolean;
  data: EvalSetData;
}

/** Chinese sets first: the extraction goal is judged on them together. */
export const benchSetIds = ["cwced", "gne", "netease-gbk", "aeb"] as const;

export function readBenchSet(id: string, corpusRoot: string, limit?: number): BenchSet {
  const data =
    id === "netease-gbk" ? readNetease(join(corpusRoot, "zh", "netease-gbk")) : readEvalSet(id, corpusRoot);
  const cases = limit === undefined ? data.cases : data.cases.slice(0, limit);
  return { id, lang: data.lang, scored: id !== "netease-gbk", data: { ...data, cases } };
}

function readEvalSet(id: string, corpusRoot: string): EvalSetData {
  const spec = evalSets.find((set) => set.id === id);
  if (!spec) throw new Error(`unknown set ${id}`);
  return readSet(spec, corpusRoot);
}

function readNetease(dir: string): EvalSetData {
  const htmlDir = join(dir, "html");
  const cases: EvalCase[] = readdirSync(htmlDir)
    .filter((name) => name.endsWith(".html"))
    .sort(naturalOrder)
    .map((name) => ({
      file: `html/${name}`,
      url: syntheticUrl("netease-gbk", `html/${name}`),
      body: readFileSync(join(htmlDir, name)),
      gold: {},
    }));
  return { lang: "zh", cases, notes: [] };
}
