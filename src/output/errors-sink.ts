/**
 * The failure log: one JSON line per URL the crawl gave up on or could not use, in `<out>.errors.jsonl`
 * beside the record file (`news.jsonl` → `news.errors.jsonl`), so that a person can see what was lost and
 * why, and a script can re-queue it. Same crash-safe append discipline as the record sink; it is a log, so
 * a URL that fails again in a later run gets a second line.
 *
 * @example
 * const errors = new ErrorsSink(errorsPathFor("output/news.jsonl"));
 * errors.write({ url, stage: "fetch", reason: "timeout after 30000 ms", attempts: 3 });
 */
import { AppendOnlyLines, type AppendOnlyLinesOptions } from "./append-only-lines.js";

export interface FailureRecord {
  url: string;
  /** The page whose link led here, when the crawl followed one (absent for seeds and adapter failures). */
  referrer?: string;
  /** The stage that failed: `fetch`, `robots`, `decode`, `extract`, `validate`, … */
  stage: string;
  /** One line a person can act on. */
  reason: string;
  /** Attempts made before giving up. */
  attempts: number;
  /** ISO 8601 UTC time the failure was recorded. */
  at: string;
}

/** `out.jsonl` → `out.errors.jsonl`; any other name gets `.errors.jsonl` appended. */
export function errorsPathFor(outPath: string): string {
  return `${outPath.replace(/\.jsonl$/i, "")}.errors.jsonl`;
}

export class ErrorsSink {
  readonly filePath: string;
  #written = 0;
  readonly #file: AppendOnlyLines;
  readonly #now: () => Date;

  /** `now` is injectable so tests get fixed timestamps. */
  constructor(filePath: string, options: AppendOnlyLinesOptions & { now?: () => Date } = {}) {
    this.filePath = filePath;
    this.#file = new AppendOnlyLines(filePath, options);
    this.#now = options.now ?? (() => new Date());
  }

  /** Appends one failure; `at` defaults to now. */
  write(failure: Omit<FailureRecord, "at"> & { at?: string }): void {
    const line: FailureRecord = {
      url: failure.url,
      ...(failure.referrer === undefined ? {} : { referrer: failure.referrer }),
      stage: failure.stage,
      reason: failure.reason,
      attempts: failure.attempts,
      at: failure.at ?? this.#now().toISOString(),
    };
    this.#file.append(JSON.stringify(line));
    this.#written++;
  }

  /** Failures written in this session. */
  get written(): number {
    return this.#written;
  }

  close(): void {
    this.#file.close();
  }
}
