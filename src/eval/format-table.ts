/**
 * Terminal output of a run: one table per set (metric | n | caiji | baseline | Δ | goal | ≥ baseline),
 * run time per page for both extractors under the figures, the set's notes, the AEB scorer check and,
 * on request, the worst pages.
 */
import { type ResultRow, resultRows } from "./result-rows.js";
import type { ExtractorRun, SetResult } from "./run-eval.js";
import { worstPages } from "./worst-pages.js";

export const fmt3 = (value: number): string => value.toFixed(3);
export const fmtMs = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

export function fmtDelta(delta: number): string {
  const text = Math.abs(delta).toFixed(3);
  return delta < 0 ? `−${text}` : `+${text}`;
}

export const mark = (ok: boolean): string => (ok ? "✓" : "✗");

/** ✓/✗ for caiji ≥ baseline; "n/a" where the gold is the baseline's own output. */
export function baselineCheck(row: ResultRow): string {
  if (row.atLeastBaseline !== undefined) return mark(row.atLeastBaseline);
  return row.baseline === undefined ? "" : "n/a";
}

export function fmtGoal(row: ResultRow): string {
  return row.goal ? `≥ ${row.goal.min.toFixed(2)} ${mark(row.goal.met)}` : "";
}

/** Left-aligns the first column and right-aligns the others. */
export function alignColumns(lines: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const cells of lines) {
    for (const [i, cell] of cells.entries()) widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
  }
  return lines.map((cells) =>
    cells
      .map((cell, i) => {
        const pad = " ".repeat((widths[i] ?? 0) - [...cell].length);
        return i === 0 ? cell + pad : pad + cell;
      })
      .join("  ")
      .trimEnd(),
  );
}

export function timingCells(
  run: ExtractorRun | undefined,
  pick: (run: ExtractorRun) => number | undefined,
): string {
  if (!run) return "";
  const value = pick(run);
  return value === undefined ? "" : fmtMs(value);
}

export function formatSetTable(result: SetResult, worst: number): string {
  const rows = resultRows(result);
  const hasBaseline = result.baseline !== undefined;
  const header = [
    "metric",
    "n",
    "caiji",
    ...(hasBaseline ? ["baseline", "Δ"] : []),
    "goal",
    ...(hasBaseline ? ["≥ baseline"] : []),
  ];
  const lines: string[][] = [header];
  for (const row of rows) {
    lines.push([
      row.label,
      String(row.total),
      fmt3(row.caiji),
      ...(hasBaseline
        ? [
            row.baseline === undefined ? "" : fmt3(row.baseline),
            row.delta === undefined ? "" : fmtDelta(row.delta),
          ]
        : []),
      fmtGoal(row),
      ...(hasBaseline ? [baselineCheck(row)] : []),
    ]);
  }
  const timingRow = (label: string, pick: (run: ExtractorRun) => number | undefined) => [
    label,
    "",
    timingCells(result.caiji, pick),
    ...(hasBaseline ? [timingCells(result.baseline, pick), ""] : []),
  ];
  lines.push(timingRow("ms/page (wall, mean)", (run) => run.timing.wallMsPerPage));
  lines.push(timingRow("ms/page (wall, median)", (run) => run.timing.medianWallMs));
  lines.push(timingRow("ms/page (cpu)", (run) => run.timing.cpuMsPerPage));
  if (result.caiji.timing.segmenterMsPerPage !== undefined) {
    lines.push(timingRow("  of which jieba", (run) => run.timing.segmenterMsPerPage));
  }
  lines.push([
    "pages that threw",
    "",
    String(result.caiji.errors),
    ...(hasBaseline ? [String(result.baseline?.errors ?? 0), ""] : []),
  ]);

  const out = [`== ${result.set}: ${result.description} (${result.pages} pages, ${tokenNote(result.lang)})`];
  out.push(...alignColumns(lines));
  out.push(...upstreamCheckLines(result));
  for (const note of result.notes) out.push(`note: ${note}`);
  if (worst > 0) out.push(...formatWorst(result, worst));
  return out.join("\n");
}

/**
 * Checks of the instrument itself: how much of the gold is on the page at all (a recall ceiling), and on
 * AEB the benchmark's recorded outputs rescored by our scorer (against the published rows) and our
 * baseline run against the recorded Readability output (same library, so the two should agree).
 */
export function upstreamCheckLines(result: SetResult): string[] {
  const lines: string[] = [];
  if (result.goldInPage !== undefined) {
    lines.push(
      `gold check: on average ${(result.goldInPage * 100).toFixed(1)}% of a gold body's shingles occur in its page's text; ` +
        "body recall cannot go higher (the rest is not on the page: errors in the gold)",
    );
  }
  for (const check of result.upstreamCheck ?? []) {
    lines.push(
      `scorer check: the benchmark's recorded ${check.name} ${check.version} output scores F1 ${check.f1.toFixed(4)} ` +
        `(P ${check.precision.toFixed(4)}, R ${check.recall.toFixed(4)}, ${check.pages} pages) here; published ${check.publishedF1.toFixed(3)} on all pages`,
    );
  }
  const recorded = result.upstreamCheck?.find((check) => check.name === "readability_js");
  const ours = result.baseline?.scores.metrics.bodyF1;
  if (recorded && ours) {
    lines.push(
      `baseline check: our Readability run scores F1 ${ours.value.toFixed(4)} on these pages, the recorded ${recorded.name} ${recorded.version} output ${recorded.f1.toFixed(4)}`,
    );
  }
  return lines;
}

export function tokenNote(lang: "zh" | "en"): string {
  return lang === "zh" ? "tokens: one per CJK character, one per letter/digit run" : "tokens: \\w+ runs";
}

function formatWorst(result: SetResult, count: number): string[] {
  const out: string[] = [];
  const run = result.caiji;
  const hasBody = run.scores.pages.some((page) => page.body !== undefined);
  if (hasBody) {
    out.push(`worst ${count} pages by body F1 (caiji):`);
    for (const page of worstPages(run, count, "body"))
      out.push(`  ${page.file}  F1 ${fmt3(page.f1 ?? 0)}  ${page.reason}`);
  }
  const fieldPages = worstPages(run, count, "fields");
  if (fieldPages.length > 0) {
    out.push(`worst ${count} pages by failed fields (caiji):`);
    for (const page of fieldPages) out.push(`  ${page.file}  ${page.misses} failed  ${page.reason}`);
  }
  return out;
}
