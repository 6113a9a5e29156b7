/**
 * `caiji run <job>`: runs one job of the config file once, as cron or a systemd timer would. Thin: loads the
 * config, lays the flags over the job (defaults < config file < flags), calls `runJob`, sets the exit code.
 *
 * Exit codes: 0 when the run finished or stopped at its page budget; 75 (EX_TEMPFAIL) when it was skipped
 * because another run of the job holds its lock; 130/143 after SIGINT/SIGTERM (pages in flight were
 * finished, the rest stays queued for the next run); 1 on a bad config or a failed run (one line on stderr).
 *
 * The flag helpers here are shared with `caiji schedule`.
 */
import type { Command } from "commander";
import type { JobConfig } from "../config/config-schema.js";
import { applyOverrides, type JobOverrides } from "../config/job-options.js";
import { type LoadedConfig, loadConfig } from "../config/load-config.js";
import { renderModes } from "../crawl/crawl-options.js";
import { createProgressReporter } from "../crawl/progress.js";
import { stampLine } from "../schedule/log-format.js";
import { runJob } from "../schedule/run-job.js";

export interface JobFlags {
  config?: string;
  out?: string;
  state?: string;
  maxPages?: string;
  maxDepth?: string;
  concurrency?: string;
  perHostConcurrency?: string;
  intervalMs?: string;
  userAgent?: string;
  robots: boolean;
  render?: string;
}

/** Exit code of a run skipped because the job is locked by another run (sysexits EX_TEMPFAIL). */
export const SKIPPED_EXIT_CODE = 75;
const signalExitCodes: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export function registerRun(program: Command): void {
  const command = program
    .command("run")
    .description("run one job of the config file once (incremental after its first run)")
    .argument("<job>", "job name, as in the config file's `jobs`");
  addJobFlags(command).action(async (name: string, flags: JobFlags, self: Command) => {
    const config = await loadConfig({ file: flags.config });
    const job = applyOverrides(jobNamed(config, name), overridesFromFlags(flags, self));
    const log = (line: string) => process.stderr.write(`${stampLine(line)}\n`);
    const controller = new AbortController();
    let stopSignal: string | null = null;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopSignal !== null) process.exit(signalExitCodes[signal] ?? 1);
      stopSignal = signal;
      log(`${name}: stopping (${signal}): finishing pages in flight; again to quit now`);
      controller.abort();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    let result: Awaited<ReturnType<typeof runJob>>;
    try {
      result = await runJob(name, job, {
        log,
        signal: controller.signal,
        progress: createProgressReporter({
          stream: process.stderr,
          logIntervalMs: job.progress.logIntervalMs,
        }),
      });
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
    if (stopSignal !== null) process.exit(signalExitCodes[stopSignal] ?? 1);
    if (result.status === "skipped") process.exitCode = SKIPPED_EXIT_CODE;
    else if (result.status === "failed") process.exitCode = 1;
  });
}

/** The flags `run` and `schedule` share: the config file and per-run overrides of job settings. */
export function addJobFlags(command: Command): Command {
  return command
    .option("--config <file>", "config file (default: ./caiji.config.ts, else ./caiji.config.json)")
    .option("--out <pattern>", "records file pattern: {job}, {date}, {time}, {run} (overrides the config)")
    .option("--state <dir>", "crawl state folder (overrides the config; default .state/<job>)")
    .option(
      "--max-pages <n>",
      "page fetches per run at most, an article's later pages included (a resumed run continues its budget)",
    )
    .option("--max-depth <n>", "link depth from the seeds")
    .option("--concurrency <n>", "requests at once across all hosts")
    .option("--per-host-concurrency <n>", "requests at once on one host")
    .option("--interval-ms <n>", "minimum time between requests to one host, in ms")
    .option("--user-agent <string>", "User-Agent header")
    .option("--no-robots", "ignore robots.txt")
    .option("--render <mode>", `browser rendering: ${renderModes.join("|")}`);
}

/** Only flags given on the command line override the config (commander fills in `robots: true` anyway). */
export function overridesFromFlags(flags: JobFlags, command: Command): JobOverrides {
  return {
    out: flags.out,
    state: flags.state,
    maxPages: integerFlag("--max-pages", flags.maxPages),
    maxDepth: integerFlag("--max-depth", flags.maxDepth),
    concurrency: integerFlag("--concurrency", flags.concurrency),
    perHostConcurrency: integerFlag("--per-host-concurrency", flags.perHostConcurrency),
    intervalMs: integerFlag("--interval-ms", flags.intervalMs),
    userAgent: flags.userAgent,
    robots: command.getOptionValueSource("robots") === "cli" ? flags.robots : undefined,
    render: flags.render === undefined ? undefined : renderFlag(flags.render),
  };
}

export function jobNamed(config: LoadedConfig, name: string): JobConfig {
  const job = config.jobs[name];
  if (job) return job;
  const known = Object.keys(config.jobs);
  throw new Error(
    `${config.displayName}: no job "${name}"${known.length ? ` (jobs: ${known.join(", ")})` : " (it defines no jobs)"}`,
  );
}

function renderFlag(value: string): JobOverrides["render"] {
  if ((renderModes as readonly string[]).includes(value)) return value as JobOverrides["render"];
  throw new Error(`--render must be one of ${renderModes.join(", ")}, got "${value}"`);
}

function integerFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new Error(`${name} needs a whole number, got "${value}"`);
  return Number(value);
}
