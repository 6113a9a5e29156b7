/**
 * Output path patterns of scheduled jobs: `output/{job}/{date}.jsonl` becomes `output/news/2024-03-16.jsonl`.
 * Dates are read in the job's time zone, because "today's file" of a job watching Chinese portals from a UTC
 * server should still change at midnight Beijing time when the schedule says `Asia/Shanghai`.
 *
 * @example
 *   expandOutputPath("output/{job}/{date}-{run}.jsonl", { job: "news", at: new Date(), run: 7, timezone: "Asia/Shanghai" });
 *   // "output/news/2024-03-16-7.jsonl"
 */

/** The placeholders a pattern may use, and what each becomes. */
export const OUTPUT_PLACEHOLDERS = {
  job: "the job's name",
  date: "the run's start date, YYYY-MM-DD",
  time: "the run's start time, HHmmss",
  run: "the run's number in the job's history (1, 2, …)",
} as const;

export type OutputPlaceholder = keyof typeof OUTPUT_PLACEHOLDERS;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Why a pattern is refused (an unknown placeholder), or null. */
export function outputPatternProblem(pattern: string): string | null {
  for (const [, name] of pattern.matchAll(PLACEHOLDER)) {
    if (!(name !== undefined && name in OUTPUT_PLACEHOLDERS)) {
      const known = Object.keys(OUTPUT_PLACEHOLDERS)
        .map((key) => `{${key}}`)
        .join(", ");
      return `unknown placeholder {${name}} (known: ${known})`;
    }
  }
  return null;
}

export interface OutputPathValues {
  job: string;
  /** The run's start. */
  at: Date;
  run: number;
  /** IANA zone for `{date}` and `{time}`. @default the machine's time zone */
  timezone?: string;
}

export function expandOutputPath(pattern: string, values: OutputPathValues): string {
  const { date, time } = localDateTime(values.at, values.timezone);
  const replacements: Record<OutputPlaceholder, string> = {
    job: values.job,
    date,
    time,
    run: String(values.run),
  };
  return pattern.replace(PLACEHOLDER, (whole, name: string) =>
    name in replacements ? replacements[name as OutputPlaceholder] : whole,
  );
}

/** `YYYY-MM-DD` and `HHmmss` of an instant in a time zone. */
export function localDateTime(at: Date, timezone?: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  return {
    date: `${part("year")}-${part("month")}-${part("day")}`,
    time: `${part("hour")}${part("minute")}${part("second")}`,
  };
}
