/**
 * Extraction off the event loop: a fixed pool of worker threads, each loading its own segmenter, DOM and
 * site adapters once, that turn pages into records.
 *
 * Extraction is synchronous CPU work of 10–200 ms a page. On the crawl's event loop it delays every
 * politeness timer and response behind it, and it uses one core however many the machine has; measured in
 * docs/performance.md. The pool runs it beside the loop. `extract` answers exactly as `extractRecord` (or the
 * site adapter's `extract`) does: a record, or a rejection with an `ExtractError` of the same kind.
 *
 * A worker that dies or takes longer than `jobTimeoutMs` on one page fails that page only and is replaced.
 * From the TypeScript sources (tests, `jiti` scripts) a worker starts through jiti; from the build, directly.
 *
 * @example
 *   const pool = new ExtractPool({ workers: 2 });
 *   const record = await pool.extract(page); // throws ExtractError("no-content", …) like extractRecord
 *   await pool.close();
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Page } from "../fetch/page.js";
import type { ArticleRecord } from "../output/record-schema.js";
import { ExtractError, type ExtractOptions } from "./extract-record.js";

export interface ExtractPoolOptions {
  /** Worker threads. @default one fewer than the machine's cores, at least 1 */
  workers?: number;
  /** Site adapter folders each worker loads, as `AdapterRegistry.load` takes them; without, generic records. */
  adapters?: { dirs: string[]; optionalDirs: string[] };
  /** A site adapter's hook failed on a page (the record came from the generic adapter). */
  onAdapterError?: (failure: { url: string; message: string }) => void;
  /** Longest one page may take before its worker is replaced, in ms. @default 120000 */
  jobTimeoutMs?: number;
  /**
   * Pages a worker extracts before a fresh one takes its place; 0 keeps workers for the pool's life.
   * A long run's resident memory otherwise creeps: V8 keeps heap pages it has grown into and the allocator
   * keeps what linkedom and the segmenter freed, none of which a collection gives back. A retired worker
   * gives all of it back; it works on while its replacement loads the segmenter.
   * @default 500
   */
  recycleAfter?: number;
}

/** What a worker is started with. */
export interface ExtractWorkerData {
  adapters?: { dirs: string[]; optionalDirs: string[] };
}

/** What `extractRecord` options can cross to a worker (hooks cannot: workers use their loaded adapters). */
export type PooledExtractOptions = Pick<ExtractOptions, "site" | "defaultOffset" | "charset">;

export interface ExtractJob {
  id: number;
  page: Page;
  options?: PooledExtractOptions;
  /** A multi-page article's later pages, in order (`ExtractOptions.laterPages`). */
  laterPages?: Page[];
}

export type WorkerAnswer =
  | { type: "ready" }
  | { type: "done"; id: number; record: ArticleRecord }
  | { type: "failed"; id: number; kind: string; message: string }
  | { type: "adapter-error"; url: string; message: string };

const EXTRACT_ERROR_KINDS = new Set(["empty", "not-html", "no-content"]);
const DEFAULT_JOB_TIMEOUT_MS = 120_000;
export const DEFAULT_RECYCLE_AFTER = 500;

interface Pending {
  page: Page;
  options?: PooledExtractOptions;
  laterPages?: Page[];
  resolve: (record: ArticleRecord) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: (Pending & { id: number; timer: NodeJS.Timeout }) | null;
  /** Pages this worker has answered. */
  done: number;
  /** The fresh worker starting to take this one's place; this one works on until it is ready. */
  successor: Slot | null;
  /** Dropped after handing over: its exit is expected and spawns nothing. */
  retired: boolean;
}

/** One fewer than the cores (the crawl loop keeps one), at least one. */
export function defaultExtractWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

export class ExtractPool {
  readonly #options: ExtractPoolOptions;
  readonly #slots = new Set<Slot>();
  readonly #queue: Pending[] = [];
  #nextId = 0;
  #closed = false;
  #started = 0;
  /** Why workers could not start, once none is left to try. */
  #broken: Error | null = null;

  constructor(options: ExtractPoolOptions = {}) {
    this.#options = options;
    const workers = options.workers ?? defaultExtractWorkers();
    for (let i = 0; i < workers; i++) this.#spawn();
  }

  /**
   * The page's record. `options` apply when the pool has no site adapters (with adapters, the adapter that
   * owns the page decides, as in the crawl). `laterPages`: a multi-page article's other pages, in order.
   */
  extract(page: Page, options?: PooledExtractOptions, laterPages?: Page[]): Promise<ArticleRecord> {
    if (this.#closed) return Promise.reject(new Error("the extraction pool is closed"));
    if (this.#broken) return Promise.reject(this.#broken);
    return new Promise((resolve, reject) => {
      this.#queue.push({ page, options, laterPages, resolve, reject });
      this.#dispatch();
    });
  }

  /** Workers started over the pool's life: its size, plus replacements for retired and failed ones. */
  get workersStarted(): number {
    return this.#started;
  }

  /** Workers alive now: the pool's size, one more for each hand-over under way. */
  get workersAlive(): number {
    return this.#slots.size;
  }

  /** Stops the workers; pages still queued are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of this.#queue.splice(0)) pending.reject(new Error("the extraction pool was closed"));
    await Promise.all([...this.#slots].map((slot) => slot.worker.terminate()));
    this.#slots.clear();
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return;
      if (!slot.ready || slot.job || slot.successor?.ready) continue;
      const pending = this.#queue.shift() as Pending;
      const id = this.#nextId++;
      const timeoutMs = this.#options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
      const timer = setTimeout(() => {
        this.#finish(slot, new Error(`extraction took longer than ${timeoutMs} ms`));
        void slot.worker.terminate();
      }, timeoutMs);
      slot.job = { ...pending, id, timer };
      slot.worker.ref();
      const job: ExtractJob = { id, page: pending.page, options: pending.options };
      if (pending.laterPages?.length) job.laterPages = pending.laterPages;
      slot.worker.postMessage(job);
    }
  }

  #spawn(): Slot {
    const worker = startWorker({ adapters: this.#options.adapters });
    const slot: Slot = { worker, ready: false, job: null, done: 0, successor: null, retired: false };
    this.#started++;
    this.#slots.add(slot);
    worker.unref();
    worker.on("message", (answer: WorkerAnswer) => {
      if (answer.type === "ready") {
        slot.ready = true;
        const predecessor = this.#predecessorOf(slot);
        if (predecessor && !predecessor.job) this.#drop(predecessor);
      } else if (answer.type === "adapter-error") {
        this.#options.onAdapterError?.({ url: answer.url, message: answer.message });
        return;
      } else if (slot.job?.id === answer.id) {
        this.#finish(slot, answer.type === "done" ? answer.record : failure(answer.kind, answer.message));
        slot.done++;
        this.#handOverIfDue(slot);
      }
      this.#dispatch();
    });
    worker.on("error", (error) => this.#finish(slot, error));
    worker.on("exit", () => {
      this.#slots.delete(slot);
      this.#finish(slot, new Error("the extraction worker stopped"));
      const predecessor = this.#predecessorOf(slot);
      if (predecessor) predecessor.successor = null;
      if (this.#closed || slot.retired) return;
      if (slot.successor) return; // already replaced
      if (predecessor) {
        // The replacement failed to start: the old worker goes on and tries again after another share.
        predecessor.done = 0;
      } else if (slot.ready) {
        this.#spawn();
      } else if (this.#slots.size === 0) {
        // No worker ever started: say why to everything waiting rather than retrying forever.
        this.#broken = new Error("extraction workers could not start");
        for (const pending of this.#queue.splice(0)) pending.reject(this.#broken);
      }
    });
    return slot;
  }

  /**
   * Starts a fresh worker for one that has done its share; the old one works on until the new one is ready
   * (so a one-worker pool never waits for a dictionary to load), then is dropped.
   */
  #handOverIfDue(slot: Slot): void {
    const after = this.#options.recycleAfter ?? DEFAULT_RECYCLE_AFTER;
    if (slot.successor?.ready) this.#drop(slot);
    else if (after > 0 && slot.done >= after && !slot.successor && !this.#closed)
      slot.successor = this.#spawn();
  }

  /** The live worker `slot` is taking over from, if any. */
  #predecessorOf(slot: Slot): Slot | undefined {
    for (const other of this.#slots) if (other.successor === slot) return other;
    return undefined;
  }

  #drop(slot: Slot): void {
    slot.retired = true;
    this.#slots.delete(slot);
    void slot.worker.terminate();
  }

  #finish(slot: Slot, outcome: ArticleRecord | Error): void {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    clearTimeout(job.timer);
    slot.worker.unref();
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
  }
}

function failure(kind: string, message: string): Error {
  return EXTRACT_ERROR_KINDS.has(kind)
    ? new ExtractError(kind as ExtractError["kind"], message)
    : new Error(message);
}

/** The built worker when there is one beside this file, else the TypeScript source through jiti. */
function startWorker(workerData: ExtractWorkerData): Worker {
  const built = new URL("./extract-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, { workerData });
  const source = fileURLToPath(new URL("./extract-worker.ts", import.meta.url));
  const jiti = createRequire(import.meta.url).resolve("jiti");
  const bootstrap = `require(${JSON.stringify(jiti)}).createJiti(${JSON.stringify(source)}).import(${JSON.stringify(source)})`;
  return new Worker(bootstrap, { eval: true, workerData });
}
