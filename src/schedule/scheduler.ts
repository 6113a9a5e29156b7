/**
 * The built-in scheduler behind `caiji schedule`: one croner job per scheduled job, each tick starting one
 * run in this process. It guarantees three things:
 *
 * - never two runs of one job at once: a tick that finds the job's previous run still going is skipped
 *   with a log line (and the run itself takes the job's cross-process lock, `job-lock.ts`, so a `caiji run`
 *   from cron or a second scheduler cannot overlap it either);
 * - each run's start and end are logged with its summary (by the run, `run-job.ts`), and the scheduler says
 *   when each job is due next;
 * - `stop()` stops the clocks, asks every running run to stop (pages in flight finish and are written, the
 *   rest stays queued in the state for the next run) and waits for them: nothing is lost.
 *
 * Runs share the process (and its loaded parsers and segmenter) rather than each paying a new process's
 * start-up; a crash inside one run is caught and logged, and the other jobs keep their schedule.
 *
 * @example
 *   const scheduler = new Scheduler({
 *     jobs: [{ name: "news", cron: "0 *\/2 * * *", timezone: "Asia/Shanghai" }],
 *     run: (name, signal) => runJob(name, config.jobs[name], { signal, log, progress }),
 *     log,
 *   });
 *   scheduler.start();
 *   process.once("SIGTERM", () => void scheduler.stop());
 */
import { Cron } from "croner";
import { formatTime } from "./log-format.js";

export interface ScheduledJob {
  name: string;
  cron: string;
  /** IANA zone the expression is read in. @default the machine's */
  timezone?: string;
}

export interface SchedulerOptions {
  jobs: readonly ScheduledJob[];
  /** Performs one run; must end soon after `signal` aborts. A rejection is logged, never thrown. */
  run: (name: string, signal: AbortSignal) => Promise<unknown>;
  /** One whole line per call. */
  log: (line: string) => void;
}

interface Running {
  startedAt: number;
  controller: AbortController;
  done: Promise<void>;
}

export class Scheduler {
  readonly #crons = new Map<string, Cron>();
  readonly #running = new Map<string, Running>();
  #stopping = false;

  constructor(private readonly options: SchedulerOptions) {}

  /** Starts every job's clock and logs when each is first due. */
  start(): void {
    for (const job of this.options.jobs) {
      const cron = new Cron(job.cron, { timezone: job.timezone }, () => this.tick(job.name));
      this.#crons.set(job.name, cron);
      const zone = job.timezone ? ` (${job.timezone})` : "";
      this.options.log(`${job.name}: scheduled "${job.cron}"${zone}; next run ${this.#next(job.name)}`);
    }
  }

  /** Names of the jobs running now. */
  running(): string[] {
    return [...this.#running.keys()];
  }

  /**
   * One tick of a job: starts a run unless one is still going (then logs the skip). Exposed so a test or a
   * `--now` start can tick without waiting for the clock.
   */
  tick(name: string): void {
    if (this.#stopping) return;
    const current = this.#running.get(name);
    if (current) {
      this.options.log(
        `${name}: tick skipped: the run started ${formatTime(current.startedAt)} is still running`,
      );
      return;
    }
    const controller = new AbortController();
    const done = this.options
      .run(name, controller.signal)
      .then(
        () => undefined,
        (error: unknown) => {
          const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
          this.options.log(`${name}: run failed: ${message}`);
        },
      )
      .finally(() => {
        this.#running.delete(name);
        if (!this.#stopping) this.options.log(`${name}: next run ${this.#next(name)}`);
      });
    this.#running.set(name, { startedAt: Date.now(), controller, done });
  }

  /** Stops the clocks, asks running runs to stop cleanly and waits until they have. Safe to call twice. */
  async stop(): Promise<void> {
    this.#stopping = true;
    for (const cron of this.#crons.values()) cron.stop();
    const running = [...this.#running.values()];
    for (const run of running) run.controller.abort();
    await Promise.all(running.map((run) => run.done));
  }

  #next(name: string): string {
    const next = this.#crons.get(name)?.nextRun();
    return next ? formatTime(next.getTime()) : "never (the expression has no future time)";
  }
}
