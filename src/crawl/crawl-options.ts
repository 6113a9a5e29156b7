/**
 * Every setting of a crawl, in one typed place: a zod schema with defaults and units, parsed once by the
 * caller (the CLI, a test, a script); the crawl loop and the components it builds read only the parsed
 * object. Precedence: these defaults, then the caller's values (command-line flags).
 *
 * Settings are grouped by the stage that uses them, so each component is handed its own slice.
 *
 * @example
 *   const options = parseCrawlOptions({ seeds: ["https://news.example.cn/"], out: "out.jsonl" });
 *   options.politeness.intervalMs; // 1000
 */
import { availableParallelism } from "node:os";
import { z } from "zod";
import { DEFAULT_RECYCLE_AFTER } from "../extract/extract-pool.js";

const positiveInt = z.number().int().positive();

export const renderModes = ["never", "auto", "always"] as const;
export type RenderMode = (typeof renderModes)[number];

const httpUrl = z.string().refine(
  (value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === "http:" || protocol === "https:";
    } catch {
      return false;
    }
  },
  { message: "must be an http(s) URL" },
);

export const crawlOptionsSchema = z.object({
  /** Where the crawl starts; their sites are the default scope. */
  seeds: z.array(httpUrl).min(1, "at least one seed URL is needed"),
  /** Sitemaps to read besides the ones robots.txt names. @default [] */
  sitemaps: z.array(httpUrl).default([]),
  /** Records file (JSONL, appended). @default "output/crawl.jsonl" */
  out: z.string().min(1).default("output/crawl.jsonl"),
  /** Failures file. @default `<out without .jsonl>.errors.jsonl` beside the records */
  errorsOut: z.string().min(1).optional(),
  /** Crawl state folder (the SQLite frontier); the same folder resumes. @default `.state/<first seed host>` */
  state: z.string().min(1).optional(),
  /** Folders of site adapters to load besides `crawlers/` (which is loaded when it exists). @default [] */
  adapters: z.array(z.string().min(1)).default([]),
  /**
   * Browser rendering: `auto` renders the pages whose static HTML needs JavaScript (`render-decision.ts`),
   * `always` every page, `never` none. Without a browser it is said once and pages are read as fetched.
   * @default "auto"
   */
  render: z.enum(renderModes).default("auto"),
  scope: z
    .object({
      /**
       * Pages fetched in one pass over the crawl state, then stop. Every fetch counts: an article's later
       * pages (fetched for its one record) and retries too; an article under way is finished past the
       * budget, so its record is whole. A resumed run continues its pass's count;
       * the next run after a finished pass, or after one stopped here, starts a new pass and a new count
       * (`incremental.ts`). @default no limit
       */
      maxPages: positiveInt.optional(),
      /** Link depth from a seed (seeds are 0); pagination keeps its list's depth. @default no limit */
      maxDepth: z.number().int().nonnegative().optional(),
      /** URL globs that widen the scope beyond the seeds' sites. @default [] */
      include: z.array(z.string().min(1)).default([]),
      /** URL globs never crawled, winning over `include`. @default [] */
      exclude: z.array(z.string().min(1)).default([]),
    })
    .prefault({}),
  politeness: z
    .object({
      /** Requests running at once, all hosts together. @default 8 */
      concurrency: positiveInt.default(8),
      /** Requests running at once on one host. @default 1 */
      perHostConcurrency: positiveInt.default(1),
      /** Minimum time between request starts on one host, in ms; robots.txt Crawl-delay can raise it. @default 1000 */
      intervalMs: z.number().int().nonnegative().default(1000),
      /** Obey robots.txt (Disallow, Crawl-delay) and read its Sitemap lines. @default true */
      robots: z.boolean().default(true),
    })
    .prefault({}),
  fetch: z
    .object({
      /** @default `caiji/<version> (+https://github.com/caiji/caiji)`, or `$CAIJI_USER_AGENT` */
      userAgent: z.string().min(1).optional(),
      /** Tries per URL for retryable failures (timeouts, resets, 5xx, 429). @default 3 */
      maxAttempts: positiveInt.default(3),
      /** The whole fetch of one page, redirects and body included, in ms. @default 60000 */
      totalTimeoutMs: positiveInt.default(60_000),
    })
    .prefault({}),
  extract: z
    .object({
      /**
       * Worker threads that extract article pages, each with its own segmenter; 0 extracts on the crawl's
       * event loop. Measured in docs/performance.md. @default one fewer than the machine's cores
       */
      workers: z
        .number()
        .int()
        .nonnegative()
        .default(() => availableParallelism() - 1),
      /**
       * Pages a worker extracts before a fresh one replaces it, which keeps resident memory flat over a long
       * crawl (docs/performance.md); 0 keeps workers for the whole crawl. @default 500
       */
      recycleAfter: z.number().int().nonnegative().default(DEFAULT_RECYCLE_AFTER),
    })
    .prefault({}),
  frontier: z
    .object({
      /**
       * A leased URL not finished by then is handed out again (and counted as a failed attempt), in ms. Long,
       * because a lease also covers the wait for the host's turn: the loop leases ahead into per-host queues
       * (`host-rotation.ts`, never more of one host than it serves in half a lease), and a host with
       * `Crawl-delay: 60` serves one a minute. Nothing is lost by
       * it being long: the state folder is locked to one process, and a killed crawl gets its leases back as
       * soon as the folder is reopened.
       * @default 3600000 (1 hour)
       */
      leaseTimeoutMs: positiveInt.default(60 * 60_000),
    })
    .prefault({}),
  progress: z
    .object({
      /** Without a terminal, one log line this often, in ms. @default 5000 */
      logIntervalMs: positiveInt.default(5000),
    })
    .prefault({}),
});

export type CrawlOptionsInput = z.input<typeof crawlOptionsSchema>;
export type CrawlOptions = z.output<typeof crawlOptionsSchema>;

/** A setting that does not parse: which one (`scope.maxPages`, `seeds.0`) and what is wrong with it. */
export class CrawlOptionsError extends Error {
  constructor(
    readonly path: readonly PropertyKey[],
    readonly detail: string,
  ) {
    super(`invalid crawl option ${path.map(String).join(".") || "(options)"}: ${detail}`);
    this.name = "CrawlOptionsError";
  }
}

/** Parses and fills in defaults; throws a `CrawlOptionsError` naming the first bad setting. */
export function parseCrawlOptions(input: CrawlOptionsInput): CrawlOptions {
  const parsed = crawlOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CrawlOptionsError(issue?.path ?? [], issue?.message ?? "unknown problem");
  }
  const options = parsed.data;
  options.fetch.userAgent ??= process.env.CAIJI_USER_AGENT || undefined;
  return options;
}

/** `.state/<host of the first seed>`, the default state folder. */
export function defaultStateDir(seeds: readonly string[]): string {
  const first = seeds[0];
  const host = first ? new URL(first).host.replace(/[^a-zA-Z0-9.-]/g, "_") : "crawl";
  return `.state/${host}`;
}

/** `output/crawl.jsonl` → `output/crawl.errors.jsonl`. */
export function defaultErrorsPath(out: string): string {
  return out.endsWith(".jsonl") ? `${out.slice(0, -".jsonl".length)}.errors.jsonl` : `${out}.errors.jsonl`;
}
