/**
 * `docs/quality.md`: the tables of a full run, the goals with ✓/✗, and how every figure is computed, so
 * a reader can check a number without reading the code. Generated, never edited by hand: the text here
 * is the one place to change it.
 */
import {
  baselineCheck,
  fmt3,
  fmtDelta,
  fmtGoal,
  fmtMs,
  mark,
  tokenNote,
  upstreamCheckLines,
} from "./format-table.js";
import { metricDefinitions } from "./metrics.js";
import { resultRows } from "./result-rows.js";
import type { ExtractorRun, SetResult } from "./run-eval.js";

export interface RunInfo {
  /** ISO date of the run (YYYY-MM-DD). */
  date: string;
  caijiVersion: string;
  /** The git commit measured, and whether `src/` had uncommitted changes (absent outside a checkout). */
  revision?: string;
  nodeVersion: string;
  segmenter: string;
  readabilityVersion: string;
  jsdomVersion: string;
  /** The command line that produced the results. */
  command: string;
}

const cell = (text: string): string => text.replace(/\|/g, "\\|");

function goalsSection(results: readonly SetResult[]): string[] {
  const out = ["## Goals (issue 4)", "", "| set | figure | goal | caiji | met |", "|---|---|---:|---:|:-:|"];
  const belowBaseline: string[] = [];
  let compared = 0;
  for (const result of results) {
    for (const row of resultRows(result)) {
      if (row.goal) {
        out.push(
          `| ${result.set} | ${row.label} | ≥ ${row.goal.min.toFixed(2)} | ${fmt3(row.caiji)} | ${mark(row.goal.met)} |`,
        );
      }
      if (row.atLeastBaseline !== undefined) {
        compared++;
        if (!row.atLeastBaseline) belowBaseline.push(`${result.set} ${row.label}`);
      }
    }
  }
  out.push(
    `| all | every figure ≥ baseline | ${compared} figures | ${compared - belowBaseline.length} of ${compared} | ${mark(belowBaseline.length === 0)} |`,
  );
  if (belowBaseline.length > 0) out.push("", `Below the baseline: ${belowBaseline.join(", ")}.`);
  const circular = results.filter((result) => result.goldIsBaselineOutput).map((result) => result.set);
  if (circular.length > 0) {
    out.push(
      "",
      `Not in the baseline count: ${circular.join(", ")} (its gold is the baseline's own output).`,
    );
  }
  return out;
}

function timingCell(run: ExtractorRun | undefined): string {
  if (!run) return "";
  const jieba = run.timing.segmenterMsPerPage;
  const parts = [
    `${fmtMs(run.timing.wallMsPerPage)} wall`,
    `${fmtMs(run.timing.medianWallMs)} median`,
    `${fmtMs(run.timing.cpuMsPerPage)} cpu`,
  ];
  if (jieba !== undefined) parts.push(`${fmtMs(jieba)} jieba`);
  return parts.join(" · ");
}

function setSection(result: SetResult): string[] {
  const out = [
    `### ${result.set}`,
    "",
    `${result.description}: ${result.pages} pages, ${tokenNote(result.lang)}.`,
    "",
    "| metric | n | caiji | baseline | Δ | goal | ≥ baseline |",
    "|---|---:|---:|---:|---:|---|:-:|",
  ];
  for (const row of resultRows(result)) {
    const hits = row.caijiHits === undefined ? "" : ` (${row.caijiHits}/${row.total})`;
    out.push(
      `| ${row.label} | ${row.total} | ${fmt3(row.caiji)}${hits} | ${row.baseline === undefined ? "" : fmt3(row.baseline)} | ` +
        `${row.delta === undefined ? "" : fmtDelta(row.delta)} | ${fmtGoal(row)} | ${baselineCheck(row)} |`,
    );
  }
  out.push(`| ms/page | | ${timingCell(result.caiji)} | ${timingCell(result.baseline)} | | | |`);
  out.push(`| pages that threw | | ${result.caiji.errors} | ${result.baseline?.errors ?? ""} | | | |`);
  const notes = [...result.notes];
  notes.push(...upstreamCheckLines(result));
  if (notes.length > 0) out.push("", ...notes.map((note) => `- ${cell(note)}`));
  return out;
}

const methodNotes: readonly string[] = [
  "**Pages.** cwced: `original/*.html` as raw bytes, gold `cleaned/`, `author/`, `date/`. CleanEval: `original/NN.html` with its `<text id=URL …>` wrapper line and closing `</text>` cut off (the id is the page URL); gold `cleaned-gold/NN-cleaned.txt` without its `<h>`/`<p>`/`<l>` marks and leading `URL:` line (the `<h>` headline text stays in the gold body). GNE: `<site>/<n>.html` with `labels.jsonl`. AEB: `html_gz/<id>.html.gz` with the URL and body from `ground-truth.json`. Pages without a recorded URL get `http://corpus.local/<set>/<file>`.",
  "**caiji** is `extractRecord(page)`, the function behind `caiji extract`, on a `Page` with the raw bytes, status 200 and no headers. A page that throws (no content found) is an empty prediction for every field.",
  "**Baseline**: what a user gets from the card's libraries alone: the bytes decoded with caiji's `decodeHtml` (so charset handling is not what is compared), `new JSDOM(html, {url})`, `new Readability(document).parse()`; `textContent` is the body, `title`, `byline` (→ authors) and `publishedTime` the fields; it has no source or views (always none). When jsdom throws on a page's CSS, the page is parsed again without `<style>` and `style=`, the retry caiji's `parseHtml` makes (counted in the set's notes). A page Readability rejects is an empty prediction.",
  "**Checks of the instrument.** Per body set, the share of gold shingles that occur anywhere in the page's text (a ceiling on recall; below 100% means errors in the gold). On AEB, the benchmark's recorded Readability and trafilatura outputs are rescored and must give the published rows, and our baseline run must match the recorded Readability output.",
  "**Tokens.** English: `\\w+` runs as in Python (letters, numbers, underscore). Chinese sets: the same, but every CJK character (Han, kana) is a token of its own.",
  "**Gold labels.** `UNKNOWN` / `UNKNWON` mean the page shows none: only an empty prediction is right. An empty label file means not labelled: not scored. Partial dates (`1998-3`, `2018`) are compared on the parts they give; a date label that is not a date is not scored (listed in the set's notes).",
  "**Run time** is measured per page around the whole call (decoding, parsing, extraction and, for caiji, jieba segmentation), caiji and the baseline alternating page by page. Wall time is what a user waits; CPU time (user + system of the process) moves less when other jobs share the machine. Both include the first, cold page.",
];

export function renderQualityDoc(results: readonly SetResult[], info: RunInfo): string {
  const out = [
    "# Extraction quality",
    "",
    `<!-- Generated by \`${info.command}\` (src/eval/quality-doc.ts). Do not edit by hand: rerun it. -->`,
    "",
    `Measured on ${info.date} with caiji ${info.caijiVersion}${info.revision ? ` at ${info.revision}` : ""} (segmenter: ${info.segmenter}), Node ${info.nodeVersion}. ` +
      `Baseline: plain @mozilla/readability ${info.readabilityVersion} on jsdom ${info.jsdomVersion}. ` +
      "Pages and gold labels: the shared corpus (`../shared/corpus`, see its README), read in place and never copied into this repository. " +
      "Reproduce with `caiji eval all --corpus ../shared/corpus`; add `--json` for every per-page figure.",
    "",
    ...goalsSection(results),
    "",
    "## Results",
    "",
    "Figures are shown to three decimals; Δ = caiji − baseline; every comparison (goal, ≥ baseline) is on the unrounded figures. " +
      "n is the number of pages judged (snippets, for the snippet figures).",
    "",
  ];
  for (const result of results) out.push(...setSection(result), "");
  out.push("## How each figure is computed", "");
  for (const { label, definition } of metricDefinitions) out.push(`- **${label}**: ${definition}`);
  out.push("");
  for (const note of methodNotes) out.push(`- ${note}`);
  out.push("");
  return out.join("\n");
}
