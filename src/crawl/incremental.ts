/**
 * Incremental crawls: a crawl handed the state of a *finished* crawl looks again at what may have changed
 * and writes only what did. (The state of an *unfinished* crawl resumes it instead.) It wraps the crawl
 * loop's seams (`CrawlParts`), so the loop itself stays a conductor that knows nothing of runs or revisions:
 *
 * 1. which run this is (`decideRun`): the first crawl of a state, a resume, or the next cycle over a finished
 *    state. A run stopped by its page budget (`maxPages`) also lets the next run start a cycle, with a fresh
 *    budget, so a scheduled job with a budget keeps moving;
 * 2. in a new cycle, finished seeds, sitemaps and list pages are pending again when the loop adds or finds
 *    them, and so are the articles they link to (`revisiting-frontier.ts`), each once per cycle;
 * 3. a known article (one that produced a record) is fetched with If-None-Match / If-Modified-Since from the
 *    validators the frontier keeps; a 304 costs that one request and nothing more;
 * 4. without a 304, a body identical to the last one costs one sha256 (and is not rendered); otherwise the
 *    page is read and extracted, and a text with the same hash as the last record is not written again;
 * 5. a record is written only when its text is new or changed, carrying `revision` (1 for a URL's first
 *    record, 2, 3, … for each change). The sink keys lines by URL *and* text hash, so a revision is written
 *    even into a file that holds the earlier one, while a resume never writes the same text twice.
 *
 * Per-URL facts are keyed by the URL the frontier handed out (`page.requestedUrl`), so they are found again
 * when the same link is followed next cycle.
 *
 * @example
 * const incremental = IncrementalCrawl.open(stateDir, frontier);
 * control.notice(incremental.describeStart());
 * const summary = await crawl(options, incremental.wrap(parts), signal);
 * incremental.finish(summary.stoppedBy);
 */
import type { Page } from "../fetch/page.js";
import type { ArticleRecord } from "../output/record-schema.js";
import { type CrawlParts, PAGES_FETCHED_KEY } from "./crawl.js";
import type { Frontier, Validators } from "./frontier.js";
import type { CrawlSummary } from "./progress.js";
import { bodyHashOf, RevisitStore } from "./revisit-store.js";
import { RevisitingFrontier } from "./revisiting-frontier.js";

/** `new`: first crawl of this state; `resume`: continues an unfinished run; `incremental`: a new cycle. */
export type RunMode = "new" | "resume" | "incremental";

export interface ChangeCounts {
  /** Records for URLs that had none before. */
  new: number;
  /** Records whose text changed since the URL's last record (revision 2, 3, …). */
  revised: number;
  /** Known articles answered 304 Not Modified. */
  notModified: number;
  /** Known articles whose body bytes were identical to last time. */
  sameBytes: number;
  /** Known articles read and extracted again whose text hash was unchanged. */
  sameText: number;
}

export interface IncrementalSummary extends ChangeCounts {
  mode: RunMode;
  /** 1 for the first pass over a state, one more for each later pass. */
  cycle: number;
  /** Finished URLs made pending again in this run (seeds, list pages, the articles they link to). */
  revisited: number;
}

/** What `decideRun` needs to know about the state. */
export interface StateFacts {
  /** Some URL was ever finished (done, failed or skipped). */
  hasHistory: boolean;
  /** Nothing pending and nothing leased. */
  finished: boolean;
  /** The stored cycle (0 for a state from before incremental crawls, or a new one). */
  storedCycle: number;
  /** How the last run ended (`CrawlSummary.stoppedBy`), `running` if it never said, null if no run. */
  lastStoppedBy: string | null;
}

export interface RunDecision {
  mode: RunMode;
  cycle: number;
  /** Start a fresh page budget (`maxPages` counts per cycle). */
  resetBudget: boolean;
}

const CYCLE_KEY = "cycle";
const LAST_STOPPED_BY_KEY = "lastRun.stoppedBy";
const RUNNING = "running";

/** Which run this is; pure, so each case is a table row in the tests. */
export function decideRun(facts: StateFacts): RunDecision {
  if (!facts.hasHistory) return { mode: "new", cycle: Math.max(facts.storedCycle, 1), resetBudget: false };
  // A state crawled before incremental runs existed has history but no cycle: that was cycle 1.
  const cycle = Math.max(facts.storedCycle, 1);
  if (facts.finished || facts.lastStoppedBy === "max-pages") {
    return { mode: "incremental", cycle: cycle + 1, resetBudget: true };
  }
  return { mode: "resume", cycle, resetBudget: false };
}

export class IncrementalCrawl {
  readonly mode: RunMode;
  readonly cycle: number;
  readonly #counts: ChangeCounts = { new: 0, revised: 0, notModified: 0, sameBytes: 0, sameText: 0 };
  /** The page each extracted record came from, for the write decision (records are plain objects). */
  readonly #pageOf = new WeakMap<ArticleRecord, Page>();
  /** A rendered page → sha256 of the bytes fetched for it: "same bytes" means the server's bytes. */
  readonly #fetchedHashOf = new WeakMap<Page, string>();
  /** Each fetched page's verdict, decided once (before rendering when the crawl renders). */
  readonly #verdictOf = new WeakMap<Page, "notModified" | "sameBytes" | null>();
  /** The page whose links the loop is about to queue: it reads a page and queues its links in one go. */
  #lastReading: { url: string; isArticle: boolean } | null = null;
  #revisiting: RevisitingFrontier | null = null;

  private constructor(
    private readonly frontier: Frontier,
    private readonly store: RevisitStore,
    decision: RunDecision,
  ) {
    this.mode = decision.mode;
    this.cycle = decision.cycle;
  }

  /** Decides the run from the state in `stateDir` (whose frontier is open) and records that it started. */
  static open(stateDir: string, frontier: Frontier): IncrementalCrawl {
    const store = RevisitStore.open(stateDir);
    try {
      const stats = frontier.stats();
      const decision = decideRun({
        hasHistory: stats.done + stats.failed + stats.skipped > 0,
        finished: frontier.isFinished(),
        storedCycle: Number(store.getMeta(CYCLE_KEY) ?? 0),
        lastStoppedBy: store.getMeta(LAST_STOPPED_BY_KEY),
      });
      if (decision.resetBudget) frontier.setMeta(PAGES_FETCHED_KEY, "0");
      store.setMeta(CYCLE_KEY, String(decision.cycle));
      store.setMeta(LAST_STOPPED_BY_KEY, RUNNING);
      return new IncrementalCrawl(frontier, store, decision);
    } catch (error) {
      store.close();
      throw error;
    }
  }

  /** The loop's seams with the incremental behaviour around them; `parts.frontier` must be this state's. */
  wrap(parts: CrawlParts): CrawlParts {
    if (this.cycle >= 2) {
      this.#revisiting = new RevisitingFrontier(
        parts.frontier,
        this.store,
        this.cycle,
        (referrer) => this.#lastReading?.url === referrer && this.#lastReading.isArticle,
      );
    }
    return {
      ...parts,
      frontier: this.#revisiting ?? parts.frontier,
      fetch: (url, init) =>
        parts.fetch(url, { ...init, headers: { ...init.headers, ...this.conditionalHeaders(url) } }),
      // An unchanged page is not worth a browser: it is let through unrendered, and read as unchanged below.
      render:
        parts.render &&
        (async (page) => {
          const render = parts.render as (page: Page) => Promise<Page>;
          if (this.#unchangedKind(page) !== null) return page;
          const shown = await render(page);
          if (shown !== page) this.#fetchedHashOf.set(shown, bodyHashOf(page.body));
          return shown;
        }),
      readPage: (page, request) => {
        const unchanged = this.#fetchedHashOf.has(page) ? null : this.#unchangedKind(page);
        if (unchanged !== null) {
          this.#counts[unchanged]++;
          this.#lastReading = { url: request.url, isArticle: true };
          return { links: [], isArticle: false };
        }
        const reading = parts.readPage(page, request);
        this.#lastReading = { url: request.url, isArticle: reading.isArticle };
        return reading;
      },
      extract: (page, laterPages) => {
        const remember = (record: ArticleRecord) => {
          this.#pageOf.set(record, page);
          return record;
        };
        const answer = parts.extract(page, laterPages);
        return answer instanceof Promise ? answer.then(remember) : remember(answer);
      },
      writeRecord: (record) => this.#write(record, parts.writeRecord),
    };
  }

  /** If-None-Match / If-Modified-Since for a URL that produced a record; nothing for any other page. */
  conditionalHeaders(url: string): Record<string, string> {
    const validators = this.frontier.getValidators(url);
    if (!validators?.recordWritten) return {};
    const headers: Record<string, string> = {};
    if (validators.etag) headers["if-none-match"] = validators.etag;
    if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
    return headers;
  }

  /** Records how the run ended, so the next run knows whether to resume or start a cycle. */
  finish(stoppedBy: CrawlSummary["stoppedBy"]): void {
    this.store.setMeta(LAST_STOPPED_BY_KEY, stoppedBy);
  }

  summary(): IncrementalSummary {
    return {
      mode: this.mode,
      cycle: this.cycle,
      revisited: this.#revisiting?.revisited ?? 0,
      ...this.#counts,
    };
  }

  /** One line for the start of a resumed or incremental run; null for the first crawl of a state. */
  describeStart(): string | null {
    if (this.mode === "new") return null;
    if (this.mode === "resume") return `resuming the unfinished run (pass ${this.cycle} over this state)`;
    return `incremental run (pass ${this.cycle}): re-reading seeds and list pages; known articles are requested conditionally and written only when their text changed`;
  }

  /** One line for the end of a resumed or incremental run; null for the first crawl of a state. */
  describeEnd(): string | null {
    if (this.mode === "new") return null;
    const c = this.#counts;
    const unchanged = c.notModified + c.sameBytes + c.sameText;
    return (
      `changes: ${c.new} new, ${c.revised} revised, ${unchanged} unchanged ` +
      `(${c.notModified} not modified (304), ${c.sameBytes} same bytes, ${c.sameText} same text)`
    );
  }

  close(): void {
    this.store.close();
  }

  /** Why a known article needs no reading at all, or null; decided once per fetched page. */
  #unchangedKind(page: Page): "notModified" | "sameBytes" | null {
    const decided = this.#verdictOf.get(page);
    if (decided !== undefined) return decided;
    const verdict = this.#decideUnchanged(page);
    this.#verdictOf.set(page, verdict);
    return verdict;
  }

  #decideUnchanged(page: Page): "notModified" | "sameBytes" | null {
    if (page.status === 304) return "notModified";
    const known = this.store.revisionOf(page.requestedUrl);
    if (!known?.bodyHash || known.revision === 0 || bodyHashOf(page.body) !== known.bodyHash) return null;
    // Servers that did not send validators last time may send them now.
    this.frontier.setValidators(page.requestedUrl, validatorsOf(page));
    return "sameBytes";
  }

  /**
   * Writes a record only when its text is new or changed. The sink line is written before the validators
   * are stored: a kill in between re-fetches the page, finds it "changed" again, and the sink refuses the
   * line it already holds, so the state catches up without a duplicate.
   */
  #write(record: ArticleRecord, write: (record: ArticleRecord) => boolean): boolean {
    const page = this.#pageOf.get(record);
    const key = page?.requestedUrl ?? record.url;
    const bodyHash = page ? (this.#fetchedHashOf.get(page) ?? bodyHashOf(page.body)) : null;
    const stored = this.frontier.getValidators(key);
    if (stored?.contentHash === record.contentHash) {
      this.#counts.sameText++;
      if (page) this.frontier.setValidators(key, validatorsOf(page));
      if (bodyHash) this.store.setBodyHash(key, bodyHash);
      return false;
    }
    const previous = this.store.revisionOf(key)?.revision || (stored?.recordWritten ? 1 : 0);
    const revision = previous + 1;
    const written = write({ ...record, revision });
    this.frontier.setValidators(key, {
      ...(page ? validatorsOf(page) : {}),
      contentHash: record.contentHash,
      recordWritten: true,
    });
    this.store.setRevision(key, revision, bodyHash);
    if (written) this.#counts[revision === 1 ? "new" : "revised"]++;
    return written;
  }
}

function validatorsOf(page: Page): Partial<Validators> {
  return {
    etag: page.headers.etag ?? null,
    lastModified: page.headers["last-modified"] ?? null,
  };
}
