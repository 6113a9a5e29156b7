/**
 * What a person watching a crawl sees: on a terminal a live bar (done, queued, pages/s, errors, the host
 * being waited on); in a log file or CI, where a redrawn bar is noise, one plain line every few seconds; and
 * at the end a summary block. Progress only listens to the crawl (snapshots it is handed); it never steers it.
 *
 * @example
 *   const progress = createProgressReporter({ stream: process.stderr, logIntervalMs: 5000 });
 *   progress.update(snapshot); // as often as you like; output is throttled
 *   progress.stop();
 *   process.stdout.write(formatSummary(summary, { out, errorsOut }));
 */
import cliProgress from "cli-progress";
import type { WaitingHost } from "./politeness.js";

export interface ProgressSnapshot {
  /** Requests finished (any outcome), all runs on this state together. */
  done: number;
  /** Requests waiting or in flight. */
  queued: number;
  /** Pages fetched in this run. */
  pages: number;
  records: number;
  errors: number;
  elapsedMs: number;
  waiting: WaitingHost | null;
}

export interface CrawlSummary {
  /** HTTP responses received in this run (retried failures included). */
  pages: number;
  records: number;
  /** Failures recorded in the errors file, by kind (`http-status`, `not-html`, `timeout`, …). */
  errorsByKind: Record<string, number>;
  /** Response body bytes received. */
  bytes: number;
  elapsedMs: number;
  /** Why the crawl ended. */
  stoppedBy: "finished" | "max-pages" | "signal";
  /** Requests left for a later run with the same state (0 when finished). */
  remaining: number;
}

export interface ProgressReporter {
  update(snapshot: ProgressSnapshot): void;
  stop(): void;
}

export interface ProgressReporterOptions {
  stream: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Without a terminal, one line this often, in ms. */
  logIntervalMs: number;
  /** @default `stream.isTTY` */
  interactive?: boolean;
  /** @default Date.now */
  now?: () => number;
}

export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const interactive = options.interactive ?? Boolean((options.stream as NodeJS.WriteStream).isTTY);
  return interactive ? barReporter(options.stream) : logReporter(options);
}

/** A reporter that prints nothing (for tests and `--quiet` uses). */
export const silentProgress: ProgressReporter = { update() {}, stop() {} };

function barReporter(stream: NodeJS.WritableStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{bar} {value}/{total} done | {rate} pages/s | {errors} errors | {records} records | {waiting}",
      hideCursor: true,
      fps: 5,
      barsize: 24,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(snapshot) {
      const payload = {
        rate: pagesPerSecond(snapshot).toFixed(1),
        errors: snapshot.errors,
        records: snapshot.records,
        waiting: describeWaiting(snapshot.waiting),
      };
      const total = Math.max(1, snapshot.done + snapshot.queued);
      if (!started) {
        bar.start(total, snapshot.done, payload);
        started = true;
        return;
      }
      bar.setTotal(total);
      bar.update(snapshot.done, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function logReporter(options: ProgressReporterOptions): ProgressReporter {
  const now = options.now ?? Date.now;
  let lastLogMs = now();
  return {
    update(snapshot) {
      if (now() - lastLogMs < options.logIntervalMs) return;
      lastLogMs = now();
      options.stream.write(`${formatProgressLine(snapshot)}\n`);
    },
    stop() {},
  };
}

/** One plain progress line, e.g. `[caiji] 12 done, 30 queued, 2.1 pages/s, 0 errors, 5 records, waiting on …`. */
export function formatProgressLine(snapshot: ProgressSnapshot): string {
  const parts = [
    `${snapshot.done} done`,
    `${snapshot.queued} queued`,
    `${pagesPerSecond(snapshot).toFixed(1)} pages/s`,
    `${snapshot.errors} errors`,
    `${snapshot.records} records`,
  ];
  const waiting = describeWaiting(snapshot.waiting);
  return `[caiji] ${parts.join(", ")}${waiting ? `, ${waiting}` : ""}`;
}

function pagesPerSecond(snapshot: ProgressSnapshot): number {
  return snapshot.elapsedMs > 0 ? (snapshot.pages * 1000) / snapshot.elapsedMs : 0;
}

/** How each politeness hold reads in a progress line. */
const waitingReasons: Record<WaitingHost["reason"], string> = {
  interval: "interval",
  "retry-after": "held",
  concurrency: "busy",
  "global-cap": "global limit",
};

function describeWaiting(waiting: WaitingHost | null): string {
  if (!waiting) return "";
  const why = waitingReasons[waiting.reason];
  const wait = waiting.waitMs > 0 ? ` ${(waiting.waitMs / 1000).toFixed(1)}s` : "";
  return `waiting on ${waiting.host} (${why}${wait}, ${waiting.queued} queued)`;
}

/** The block printed when a crawl ends. */
export function formatSummary(summary: CrawlSummary, files: { out: string; errorsOut: string }): string {
  const errorTotal = Object.values(summary.errorsByKind).reduce((sum, n) => sum + n, 0);
  const byKind = Object.entries(summary.errorsByKind)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
  const ending =
    summary.stoppedBy === "finished"
      ? "finished"
      : summary.stoppedBy === "max-pages"
        ? `stopped at --max-pages (${summary.remaining} left for the next run)`
        : `interrupted (${summary.remaining} left; run the same command again to resume)`;
  const lines = [
    `caiji crawl ${ending} in ${formatDuration(summary.elapsedMs)}`,
    `  pages    ${summary.pages} fetched, ${formatBytes(summary.bytes)}`,
    `  records  ${summary.records} → ${files.out}`,
    `  errors   ${errorTotal}${byKind ? ` (${byKind})` : ""}${errorTotal > 0 ? ` → ${files.errorsOut}` : ""}`,
  ];
  return `${lines.join("\n")}\n`;
}

function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
