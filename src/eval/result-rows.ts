/**
 * A set's result as table rows: the figure for caiji and the baseline, the difference, the goal
 * and whether caiji is at least the baseline. Shared by the terminal table and `docs/quality.md`, so both
 * always say the same thing. Every comparison is on the unrounded figures: .9496 misses a .95 goal even
 * though it prints as 0.950.
 */
import { goalFor, type MetricKey, metricDefinitions } from "./metrics.js";
import type { SetResult } from "./run-eval.js";

export interface ResultRow {
  metric: MetricKey;
  label: string;
  /** Pages (or snippets) judged. */
  total: number;
  caiji: number;
  caijiHits?: number;
  baseline?: number;
  /** caiji − baseline. */
  delta?: number;
  goal?: { min: number; met: boolean };
  /** caiji ≥ baseline, on the unrounded figures; absent where the gold is the baseline's own output. */
  atLeastBaseline?: boolean;
}

export function resultRows(result: SetResult): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const { key, label } of metricDefinitions) {
    const mine = result.caiji.scores.metrics[key];
    if (!mine) continue;
    const row: ResultRow = { metric: key, label, total: mine.total, caiji: mine.value };
    if (mine.hits !== undefined) row.caijiHits = mine.hits;
    const theirs = result.baseline?.scores.metrics[key];
    if (theirs) {
      row.baseline = theirs.value;
      row.delta = mine.value - theirs.value;
      if (!result.goldIsBaselineOutput) row.atLeastBaseline = mine.value >= theirs.value;
    }
    const goal = goalFor(result.set, key);
    if (goal) row.goal = { min: goal.min, met: mine.value >= goal.min };
    rows.push(row);
  }
  return rows;
}
