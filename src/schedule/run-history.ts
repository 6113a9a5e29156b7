/**
 * The job's run history, one row per run in `runs.sqlite`: when it started and ended, how it ended, what it
 * did (pages, records new and revised, unchanged articles, errors) and where its records went. A row is
 * written when the run starts and completed when it ends, so a run killed half-way stays visible: its row
 * still says `running`, and the next run of the job (holding the lock, so it knows the old holder is gone)
 * marks it `killed`.
 *
 * `caiji runs <job>` prints it; `run-job.ts` reads the last row to decide whether a run resumes the previous
 * one (and keeps its output file).
 *
 * @example
 *   const history = RunHistory.open(".state/news");
 *   for (const run of history.list(10)) console.log(run.id, run.status, run.records);
 *   history.close();
 */
import type Database from "better-sqlite3";
import { currentProcess, isAlive } from "./process-identity.js";
import { openRunsDb } from "./runs-db.js";

/**
 * `running` (now, or killed and not yet noticed), `finished` (nothing left), `max-pages` (stopped at the page
 * budget), `interrupted` (SIGINT/SIGTERM: stopped cleanly, resumable), `failed` (an error stopped it),
 * `killed` (died without a word, found by the next run).
 */
export type RunStatus = "running" | "finished" | "max-pages" | "interrupted" | "failed" | "killed";

/** Statuses after which the next run resumes (and keeps writing to the same file). */
export const RESUMABLE_STATUSES: ReadonlySet<RunStatus> = new Set([
  "running",
  "interrupted",
  "failed",
  "killed",
]);

export interface RunEntry {
  id: number;
  job: string;
  /** Epoch ms. */
  startedAt: number;
  endedAt: number | null;
  status: RunStatus;
  out: string | null;
  /** `new`, `resume` or `incremental` (see `incremental.ts`). */
  mode: string | null;
  /** Pass over the state (1 for the first crawl). */
  pass: number | null;
  pages: number;
  records: number;
  newRecords: number;
  revised: number;
  unchanged: number;
  errors: number;
  /** Why it failed, when it did. */
  message: string | null;
  pid: number;
}

export interface RunResult {
  status: Exclude<RunStatus, "running" | "killed">;
  endedAt: number;
  mode?: string;
  pass?: number;
  pages?: number;
  records?: number;
  newRecords?: number;
  revised?: number;
  unchanged?: number;
  errors?: number;
  message?: string;
}

interface RunRow {
  id: number;
  job: string;
  started_at: number;
  ended_at: number | null;
  status: RunStatus;
  out: string | null;
  mode: string | null;
  pass: number | null;
  pages: number;
  records: number;
  new_records: number;
  revised: number;
  unchanged: number;
  errors: number;
  message: string | null;
  pid: number;
  start_ticks: string | null;
  host: string;
}

export class RunHistory {
  private constructor(private readonly db: Database.Database) {}

  static open(stateDir: string): RunHistory {
    return new RunHistory(openRunsDb(stateDir));
  }

  /** Adds a `running` row for this process; returns its id (also the `{run}` of output patterns). */
  start(job: string, startedAt: number): number {
    const me = currentProcess();
    const result = this.db
      .prepare(
        "INSERT INTO runs (job, started_at, status, pid, start_ticks, host) VALUES (?, ?, 'running', ?, ?, ?)",
      )
      .run(job, startedAt, me.pid, me.startTicks, me.host);
    return Number(result.lastInsertRowid);
  }

  setOut(id: number, out: string): void {
    this.db.prepare("UPDATE runs SET out = ? WHERE id = ?").run(out, id);
  }

  finish(id: number, result: RunResult): void {
    this.db
      .prepare(
        `UPDATE runs SET status = ?, ended_at = ?, mode = coalesce(?, mode), pass = coalesce(?, pass), pages = ?,
           records = ?, new_records = ?, revised = ?, unchanged = ?, errors = ?, message = ? WHERE id = ?`,
      )
      .run(
        result.status,
        result.endedAt,
        result.mode ?? null,
        result.pass ?? null,
        result.pages ?? 0,
        result.records ?? 0,
        result.newRecords ?? 0,
        result.revised ?? 0,
        result.unchanged ?? 0,
        result.errors ?? 0,
        result.message ?? null,
        id,
      );
  }

  /** Marks `running` rows whose process is gone as `killed`. Call while holding the job lock. */
  markKilled(): number {
    const rows = this.db.prepare<[], RunRow>("SELECT * FROM runs WHERE status = 'running'").all();
    let marked = 0;
    for (const row of rows) {
      if (isAlive({ pid: row.pid, startTicks: row.start_ticks, host: row.host })) continue;
      this.db.prepare("UPDATE runs SET status = 'killed' WHERE id = ?").run(row.id);
      marked++;
    }
    return marked;
  }

  /** The newest runs first; a `running` row whose process is gone reads as `killed`. */
  list(limit = 20): RunEntry[] {
    return this.db
      .prepare<[number], RunRow>("SELECT * FROM runs ORDER BY id DESC LIMIT ?")
      .all(limit)
      .map(entryOf);
  }

  last(): RunEntry | null {
    return this.list(1)[0] ?? null;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function entryOf(row: RunRow): RunEntry {
  const dead =
    row.status === "running" && !isAlive({ pid: row.pid, startTicks: row.start_ticks, host: row.host });
  return {
    id: row.id,
    job: row.job,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    status: dead ? "killed" : row.status,
    out: row.out,
    mode: row.mode,
    pass: row.pass,
    pages: row.pages,
    records: row.records,
    newRecords: row.new_records,
    revised: row.revised,
    unchanged: row.unchanged,
    errors: row.errors,
    message: row.message,
    pid: row.pid,
  };
}
