/**
 * The config file's contract: named jobs, each a crawl (the very `crawlOptionsSchema` that `caiji crawl`
 * parses its flags into, so a setting means the same everywhere) plus what only a recurring job has: a
 * schedule, an output path pattern and a default state folder of its own.
 *
 * Unknown keys are errors at every level (a typo such as `intervalMS` must not silently fall back to a
 * default), and a cron expression or time zone is checked here, when the file is read, not at the first tick.
 *
 * @example
 *   const config = configSchema.parse({
 *     jobs: { news: { seeds: ["https://news.example.cn/"], schedule: { cron: "0 *\/2 * * *" } } },
 *   });
 *   config.jobs.news?.out; // "output/{job}/{date}.jsonl"
 */
import { Cron } from "croner";
import { z } from "zod";
import { crawlOptionsSchema } from "../crawl/crawl-options.js";
import { outputPatternProblem } from "./output-path.js";

/** Job names end up in paths (`{job}`) and log lines: letters, digits, `.`, `_`, `-`. */
export const jobNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Why a cron expression is refused (croner's message), or null when croner accepts it. */
export function cronProblem(expression: string): string | null {
  try {
    new Cron(expression, { paused: true }).stop();
    return null;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).replace(/^CronPattern: /, "");
  }
}

/** True for an IANA time zone this Node knows (`Asia/Shanghai`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const scheduleSchema = z.strictObject({
  /**
   * When to start the job: five fields (minute hour day month weekday), or six with seconds first.
   * Nicknames such as `@hourly` and `@daily` work too.
   */
  cron: z.string().superRefine((value, ctx) => {
    const problem = cronProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `invalid cron expression "${value}": ${problem}` });
  }),
  /** IANA time zone the cron expression and `{date}` are read in. @default the machine's time zone */
  timezone: z
    .string()
    .refine(isTimeZone, { message: "unknown time zone (use an IANA name such as Asia/Shanghai)" })
    .optional(),
});

export const jobSchema = crawlOptionsSchema.extend({
  /**
   * Records file pattern: `{job}`, `{date}` (YYYY-MM-DD), `{time}` (HHmmss), both in the schedule's time zone,
   * and `{run}` (the run number in the job's history). A resumed run keeps the file of the run it resumes.
   * @default "output/{job}/{date}.jsonl"
   */
  out: z
    .string()
    .min(1)
    .default("output/{job}/{date}.jsonl")
    .superRefine((value, ctx) => {
      const problem = outputPatternProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  /** Crawl state folder: the frontier, incremental-crawl facts, run history and lock. @default ".state/{job}" */
  state: z.string().min(1).optional(),
  /** When `caiji schedule` starts the job; a job without one runs only with `caiji run`. */
  schedule: scheduleSchema.optional(),
});

export const configSchema = z.strictObject({
  jobs: z.record(
    z.string().regex(jobNamePattern, "a job name is letters, digits, '.', '_' and '-'"),
    jobSchema,
  ),
});

export type JobInput = z.input<typeof jobSchema>;
export type JobConfig = z.output<typeof jobSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
