/**
 * Progress of a run inside `caiji schedule`: several jobs may run at once and the output is a log (a
 * journal, a file), so no redrawn bar: one plain line per interval, prefixed with the job's name like every
 * other line of that job.
 */
import { formatProgressLine, type ProgressReporter } from "../crawl/progress.js";

export function jobProgress(
  name: string,
  log: (line: string) => void,
  intervalMs: number,
  now: () => number = Date.now,
): ProgressReporter {
  let lastMs = now();
  return {
    update(snapshot) {
      if (now() - lastMs < intervalMs) return;
      lastMs = now();
      log(`${name}: ${formatProgressLine(snapshot).replace(/^\[caiji\] /, "")}`);
    },
    stop() {},
  };
}
