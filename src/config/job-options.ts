/**
 * A job's crawl options for one run, in the one documented order of precedence: built-in defaults (the
 * schema), then the config file, then command-line flags. Only flags that were given override; the result is
 * parsed by `parseCrawlOptions` again, so a bad flag value is refused with the same one-line message as in
 * `caiji crawl`.
 *
 * @example
 *   const options = jobCrawlOptions(config.jobs.news, { intervalMs: 0 }, "output/news/2024-03-16.jsonl");
 */
import {
  type CrawlOptions,
  type CrawlOptionsInput,
  parseCrawlOptions,
  type renderModes,
} from "../crawl/crawl-options.js";
import type { JobConfig } from "./config-schema.js";

/** The settings `caiji run` and `caiji schedule` accept as flags; undefined = not given. */
export interface JobOverrides {
  out?: string;
  state?: string;
  maxPages?: number;
  maxDepth?: number;
  concurrency?: number;
  perHostConcurrency?: number;
  intervalMs?: number;
  userAgent?: string;
  robots?: boolean;
  render?: (typeof renderModes)[number];
}

/** The job as it will run: the config's values with the flags laid over them (paths unexpanded). */
export function applyOverrides(job: JobConfig, overrides: JobOverrides): JobConfig {
  const defined = <T extends object>(value: T): Partial<T> =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
  return {
    ...job,
    ...defined({ out: overrides.out, state: overrides.state, render: overrides.render }),
    scope: { ...job.scope, ...defined({ maxPages: overrides.maxPages, maxDepth: overrides.maxDepth }) },
    politeness: {
      ...job.politeness,
      ...defined({
        concurrency: overrides.concurrency,
        perHostConcurrency: overrides.perHostConcurrency,
        intervalMs: overrides.intervalMs,
        robots: overrides.robots,
      }),
    },
    fetch: { ...job.fetch, ...defined({ userAgent: overrides.userAgent }) },
  };
}

/** Crawl options for one run of `job` writing to `out` (the expanded pattern). */
export function jobCrawlOptions(job: JobConfig, out: string): CrawlOptions {
  const { schedule: _schedule, ...crawl } = job;
  return parseCrawlOptions({ ...(crawl as CrawlOptionsInput), out });
}
