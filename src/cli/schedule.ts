/**
 * `caiji schedule [job...]`: keeps running and starts each job on its cron schedule (all jobs with a
 * `schedule` when none are named). Thin: loads the config, builds the `Scheduler`, logs to stderr with
 * times, and turns SIGINT/SIGTERM into a clean stop: no new runs, running runs finish their pages in flight
 * (the rest stays queued for their next run), then exit 0. A second signal quits at once; the state is
 * still safe (nothing is marked done before it is written), the lock frees itself (its holder is gone).
 */
import type { Command } from "commander";
import { applyOverrides } from "../config/job-options.js";
import { type LoadedConfig, loadConfig } from "../config/load-config.js";
import { jobProgress } from "../schedule/job-progress.js";
import { stampLine } from "../schedule/log-format.js";
import { runJob } from "../schedule/run-job.js";
import { type ScheduledJob, Scheduler } from "../schedule/scheduler.js";
import { addJobFlags, type JobFlags, jobNamed, overridesFromFlags } from "./run.js";

interface ScheduleFlags extends JobFlags {
  now?: boolean;
}

const signalExitCodes: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export function registerSchedule(program: Command): void {
  const command = program
    .command("schedule")
    .description("keep running and start each job on its cron schedule, never two runs of one job at once")
    .argument("[job...]", "jobs to schedule (default: every job with a schedule)");
  addJobFlags(command)
    .option("--now", "also start each job once right away")
    .action(async (names: string[], flags: ScheduleFlags, self: Command) => {
      const config = await loadConfig({ file: flags.config });
      const overrides = overridesFromFlags(flags, self);
      const selected = selectJobs(config, names);
      const log = (line: string) => process.stderr.write(`${stampLine(line)}\n`);
      const scheduler = new Scheduler({
        jobs: selected,
        log,
        run: (name, signal) => {
          const job = applyOverrides(jobNamed(config, name), overrides);
          return runJob(name, job, {
            log,
            signal,
            progress: jobProgress(name, log, job.progress.logIntervalMs),
          });
        },
      });
      log(
        `caiji schedule: ${selected.length} job(s) from ${config.displayName}; Ctrl-C or SIGTERM stops cleanly`,
      );
      scheduler.start();
      if (flags.now) for (const job of selected) scheduler.tick(job.name);

      const stopped = new Promise<string>((resolve) => {
        let first: string | null = null;
        const onSignal = (signal: NodeJS.Signals) => {
          if (first !== null) process.exit(signalExitCodes[signal] ?? 1);
          first = signal;
          const running = scheduler.running();
          log(
            `caiji schedule: stopping (${signal})${running.length ? `: waiting for ${running.join(", ")} to finish pages in flight` : ""}; again to quit now`,
          );
          resolve(signal);
        };
        process.on("SIGINT", onSignal);
        process.on("SIGTERM", onSignal);
      });
      await stopped;
      await scheduler.stop();
      log("caiji schedule: stopped");
      // Requests abandoned in politeness queues may still hold timers; nothing is left to write.
      process.exit(0);
    });
}

/** The named jobs (each must have a schedule), or every job that has one. */
function selectJobs(config: LoadedConfig, names: string[]): ScheduledJob[] {
  const chosen =
    names.length > 0 ? names : Object.keys(config.jobs).filter((name) => config.jobs[name]?.schedule);
  if (chosen.length === 0) {
    throw new Error(`${config.displayName}: no job has a schedule (add schedule: { cron: "…" } to a job)`);
  }
  return chosen.map((name) => {
    const { schedule } = jobNamed(config, name);
    if (!schedule) {
      throw new Error(
        `${config.displayName}: job "${name}" has no schedule (run it once with: caiji run ${name})`,
      );
    }
    return { name, cron: schedule.cron, timezone: schedule.timezone };
  });
}
