/**
 * Run time per page, measured two ways because the machines we measure on are shared: wall-clock time
 * is what a user waits, CPU time (this process, user + system) is what the work costs and moves far less
 * when other jobs compete for the cores. Segmentation time is counted separately through a wrapping
 * segmenter, so "extraction" and "jieba" can be told apart.
 */
import type { Segmenter } from "../nlp/segmenter.js";

export interface Timing {
  /** Mean wall-clock milliseconds per page. */
  wallMsPerPage: number;
  /** Median wall-clock milliseconds per page. */
  medianWallMs: number;
  /** Mean CPU milliseconds per page (user + system of the whole process). */
  cpuMsPerPage: number;
  /** Mean wall-clock milliseconds per page spent inside the segmenter (caiji only). */
  segmenterMsPerPage?: number;
}

/** Collects per-page samples; `measure` times one call. */
export class TimingRecorder {
  private readonly wall: number[] = [];
  private cpuTotalMs = 0;

  measure<T>(run: () => T): T {
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    try {
      return run();
    } finally {
      this.wall.push(performance.now() - start);
      const cpu = process.cpuUsage(cpuBefore);
      this.cpuTotalMs += (cpu.user + cpu.system) / 1000;
    }
  }

  summary(segmenterMs?: number): Timing {
    const pages = this.wall.length;
    const timing: Timing = {
      wallMsPerPage: pages === 0 ? 0 : this.wall.reduce((sum, ms) => sum + ms, 0) / pages,
      medianWallMs: median(this.wall),
      cpuMsPerPage: pages === 0 ? 0 : this.cpuTotalMs / pages,
    };
    if (segmenterMs !== undefined) timing.segmenterMsPerPage = pages === 0 ? 0 : segmenterMs / pages;
    return timing;
  }
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A segmenter that adds the time spent in `inner` to `elapsedMs`. */
export function timedSegmenter(inner: Segmenter): Segmenter & { readonly elapsedMs: number; reset(): void } {
  let elapsedMs = 0;
  const time = <T>(run: () => T): T => {
    const start = performance.now();
    try {
      return run();
    } finally {
      elapsedMs += performance.now() - start;
    }
  };
  return {
    name: inner.name,
    cut: (text) => time(() => inner.cut(text)),
    keywords: (text, topN) => time(() => inner.keywords(text, topN)),
    get elapsedMs() {
      return elapsedMs;
    },
    reset() {
      elapsedMs = 0;
    },
  };
}

/** A segmenter that does no work, for runs that only score fields and body text (`--stub-segmenter`). */
export const stubSegmenter: Segmenter = { name: "stub", cut: () => [], keywords: () => [] };
