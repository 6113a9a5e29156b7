/**
 * One run of one job, the unit that `caiji run` and each tick of `caiji schedule` perform: take the job's
 * lock (or skip, with a line saying who holds it), note the run in the history, pick the output file,
 * crawl, record how it ended, free the lock.
 *
 * A run after one that did not end cleanly (killed, interrupted, failed) resumes it: the crawl state says
 * so (`incremental.ts`) and the run keeps writing to the previous run's file, so a resume that straddles
 * midnight does not split one run's records over two `{date}` files. After a clean end, the next run is an
 * incremental pass and gets a fresh file from the pattern.
 *
 * Logs go through `log` as whole lines, each starting with the job's name, so several jobs can share a log.
 *
 * @example
 *   const result = await runJob("news", config.jobs.news, { log: console.error, progress: silentProgress });
 *   if (result.status === "skipped") …
 */
import type { JobConfig } from "../config/config-schema.js";
import { jobCrawlOptions } from "../config/job-options.js";
import { expandOutputPath } from "../config/output-path.js";
import type { IncrementalSummary } from "../crawl/incremental.js";
import type { CrawlSummary, ProgressReporter } from "../crawl/progress.js";
import { runCrawl } from "../crawl/run-crawl.js";
import { JobLock, type LockHolder } from "./job-lock.js";
import { formatDuration, formatTime } from "./log-format.js";
import { RESUMABLE_STATUSES, RunHistory, type RunResult } from "./run-history.js";

export interface RunJobControl {
  /** One whole line per call, without a trailing newline. */
  log: (line: string) => void;
  progress: ProgressReporter;
  /** Aborting stops the run cleanly: pages in flight finish, the rest stays queued for the next run. */
  signal?: AbortSignal;
  now?: () => number;
}

export type RunJobResult =
  | { status: "skipped"; holder: LockHolder }
  | { status: RunResult["status"]; runId: number; out: string; summary: JobRunSummary | null };

export type JobRunSummary = CrawlSummary & { incremental: IncrementalSummary };

export async function runJob(name: string, job: JobConfig, control: RunJobControl): Promise<RunJobResult> {
  const now = control.now ?? Date.now;
  const state = job.state ?? `.state/${name}`;
  const taken = JobLock.acquire(state, now());
  if (!taken.ok) {
    const { holder } = taken;
    const run = holder.runId === null ? "a run" : `run #${holder.runId}`;
    control.log(
      `${name}: skipped: ${run} of this job is still in progress (pid ${holder.pid}, started ${formatTime(holder.acquiredAt)})`,
    );
    return { status: "skipped", holder };
  }
  const { lock } = taken;
  const history = RunHistory.open(state);
  try {
    history.markKilled();
    const previous = history.last();
    const startedAt = now();
    const runId = history.start(name, startedAt);
    lock.setRun(runId);
    const resumesFile = previous?.out && RESUMABLE_STATUSES.has(previous.status) ? previous.out : null;
    const out =
      resumesFile ??
      expandOutputPath(job.out, {
        job: name,
        at: new Date(startedAt),
        run: runId,
        timezone: job.schedule?.timezone,
      });
    history.setOut(runId, out);
    const after =
      previous && resumesFile ? ` (run #${previous.id} ended ${previous.status}: resuming it)` : "";
    control.log(`${name}: run #${runId} started${after} → ${out}`);

    let summary: JobRunSummary;
    try {
      const options = jobCrawlOptions(job, out);
      summary = await runCrawl(options, {
        signal: control.signal,
        progress: control.progress,
        notice: (line) => control.log(`${name}: ${line}`),
      });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
      history.finish(runId, { status: "failed", endedAt: now(), message });
      control.log(`${name}: run #${runId} failed after ${formatDuration(now() - startedAt)}: ${message}`);
      return { status: "failed", runId, out, summary: null };
    }
    const status = statusOf(summary);
    const changes = summary.incremental;
    const errors = Object.values(summary.errorsByKind).reduce((sum, n) => sum + n, 0);
    history.finish(runId, {
      status,
      endedAt: now(),
      mode: changes.mode,
      pass: changes.cycle,
      pages: summary.pages,
      records: summary.records,
      newRecords: changes.new,
      revised: changes.revised,
      unchanged: changes.notModified + changes.sameBytes + changes.sameText,
      errors,
    });
    control.log(
      `${name}: run #${runId} ${describeEnd(summary, status)} in ${formatDuration(now() - startedAt)}: ${describeCounts(summary, errors)}`,
    );
    return { status, runId, out, summary };
  } finally {
    history.close();
    lock.release();
  }
}

function statusOf(summary: CrawlSummary): RunResult["status"] {
  if (summary.stoppedBy === "signal") return "interrupted";
  if (summary.stoppedBy === "max-pages") return "max-pages";
  return "finished";
}

function describeEnd(summary: CrawlSummary, status: RunResult["status"]): string {
  if (status === "interrupted") return `interrupted (${summary.remaining} left for the next run)`;
  if (status === "max-pages")
    return `stopped at the page budget (${summary.remaining} left for the next run)`;
  return "finished";
}

function describeCounts(summary: JobRunSummary, errors: number): string {
  const c = summary.incremental;
  const unchanged = c.notModified + c.sameBytes + c.sameText;
  return (
    `${summary.pages} pages, ${summary.records} records (${c.new} new, ${c.revised} revised), ` +
    `${unchanged} unchanged, ${errors} errors`
  );
}
