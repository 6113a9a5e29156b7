/**
 * `caiji eval <set> --corpus <dir>` — runs caiji and the plain-Readability baseline over a corpus set
 * and prints the scores (`src/eval/`). `--json` prints everything, per page; `--write-docs` rewrites
 * `docs/quality.md` from a full run. A missing corpus folder or an unknown set is one line and exit 1.
 *
 * @example
 *   caiji eval cwced --corpus ../shared/corpus --worst 10
 *   caiji eval all --corpus ../shared/corpus --write-docs
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { requireDir } from "../eval/corpus-files.js";
import { resolveSets } from "../eval/eval-sets.js";
import { formatSetTable } from "../eval/format-table.js";
import { type RunInfo, renderQualityDoc } from "../eval/quality-doc.js";
import { runSet, type SetResult } from "../eval/run-eval.js";
import { stubSegmenter } from "../eval/run-timing.js";
import { loadSegmenter } from "../nlp/load-segmenter.js";
import type { Segmenter } from "../nlp/segmenter.js";
import { packageVersion } from "./package-version.js";

export interface EvalFlags {
  corpus: string;
  json?: boolean;
  limit?: string;
  /** commander turns `--no-baseline` into `baseline: false`. */
  baseline: boolean;
  writeDocs?: string | boolean;
  worst?: string;
  stubSegmenter?: boolean;
}

export const defaultDocsPath = "docs/quality.md";

export function registerEval(program: Command): void {
  program
    .command("eval")
    .description(
      "score caiji and a plain-Readability baseline on a corpus set (cwced, cleaneval, gne, aeb, meta/*, all)",
    )
    .argument(
      "<set>",
      "cwced | cleaneval | gne | aeb | meta/readability | meta/trafilatura | meta/htmldate | meta | all",
    )
    .requiredOption("--corpus <dir>", "corpus root: the folder holding zh/ and en/")
    .option("--json", "print every figure and per-page result as JSON")
    .option("--limit <n>", "score only the first n pages of each set")
    .option("--no-baseline", "skip the Readability baseline")
    .option("--worst <n>", "list caiji's n worst pages per set")
    .option("--stub-segmenter", "skip jieba (no scored figure depends on it; run time then excludes it)")
    .option(
      "--write-docs [path]",
      `rewrite ${defaultDocsPath} from this run (needs set all, baseline, no limit)`,
    )
    .action(async (setName: string, flags: EvalFlags) => {
      await runEvalCommand(setName, flags, (text) => process.stdout.write(text));
    });
}

function positiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new Error(`${flag} must be a positive integer, got "${value}"`);
  return Number(value);
}

/** Runs the command; throws (one-line message) on bad usage, a missing corpus or an unknown set. */
export async function runEvalCommand(
  setName: string,
  flags: EvalFlags,
  write: (text: string) => void,
): Promise<SetResult[]> {
  const specs = resolveSets(setName);
  const corpusRoot = resolve(flags.corpus);
  requireDir(corpusRoot);
  const limit = positiveInteger("--limit", flags.limit);
  const worst = positiveInteger("--worst", flags.worst) ?? 0;
  const docsPath = flags.writeDocs === true ? defaultDocsPath : flags.writeDocs || undefined;
  if (docsPath && (setName !== "all" || limit !== undefined || !flags.baseline)) {
    throw new Error("--write-docs needs a full run: set all, with the baseline, without --limit");
  }

  const segmenterStart = performance.now();
  const segmenter: Segmenter = flags.stubSegmenter ? stubSegmenter : loadSegmenter();
  const segmenterLoadMs = performance.now() - segmenterStart;
  const info: RunInfo & { corpus: string; segmenterLoadMs: number; limit?: number } = {
    date: new Date().toISOString().slice(0, 10),
    caijiVersion: packageVersion(),
    ...gitRevision(),
    nodeVersion: process.version,
    segmenter: flags.stubSegmenter ? "stub (jieba skipped)" : segmenter.name,
    readabilityVersion: dependencyVersion("@mozilla/readability"),
    jsdomVersion: dependencyVersion("jsdom"),
    command: `caiji eval ${setName} --corpus ${flags.corpus}${docsPath ? " --write-docs" : ""}`,
    corpus: corpusRoot,
    segmenterLoadMs,
  };
  if (limit !== undefined) info.limit = limit;

  const results: SetResult[] = [];
  for (const spec of specs) {
    // A full run takes minutes: say where it is on stderr (a counter on a terminal, a line per set in a log).
    const started = performance.now();
    const progress = process.stderr.isTTY
      ? (done: number, total: number) => process.stderr.write(`\rcaiji eval: ${spec.id} ${done}/${total}`)
      : undefined;
    if (!progress) process.stderr.write(`caiji eval: ${spec.id}…\n`);
    const result = await runSet(spec, corpusRoot, {
      limit,
      baseline: flags.baseline,
      segmenter,
      onProgress: progress,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    process.stderr.write(
      `${progress ? "\r" : ""}caiji eval: ${spec.id}: ${result.pages} pages in ${seconds} s\n`,
    );
    results.push(result);
    if (!flags.json) write(`${formatSetTable(result, worst)}\n\n`);
  }
  if (flags.json) write(`${JSON.stringify({ run: info, sets: results }, null, 2)}\n`);
  if (!flags.json)
    write(
      `segmenter: ${info.segmenter}${flags.stubSegmenter ? "" : ` (loaded in ${Math.round(segmenterLoadMs)} ms, not counted per page)`}\n`,
    );
  if (docsPath) {
    const path = resolve(docsPath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, renderQualityDoc(results, info));
    if (!flags.json) write(`wrote ${docsPath}\n`);
  }
  return results;
}

function dependencyVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    return (require(`${name}/package.json`) as { version?: string }).version ?? "?";
  } catch {
    return "?";
  }
}

/**
 * The commit being measured, so a figure in docs/quality.md can be traced to code; "+ uncommitted changes"
 * when `src/` differs from it. Nothing outside a git checkout (an installed package).
 */
function gitRevision(): { revision?: string } {
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      timeout: 5000,
      stdio: ["ignore", "pipe", "ignore"],
    })
      .toString()
      .trim();
  try {
    const commit = git("rev-parse", "--short", "HEAD");
    const dirty = git("status", "--porcelain", "--", "src") !== "";
    return { revision: dirty ? `${commit} + uncommitted changes in src/` : commit };
  } catch {
    return {};
  }
}
