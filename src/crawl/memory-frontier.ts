/**
 * The in-memory frontier: the `Frontier` contract with plain JS maps, for unit tests and tiny one-off crawls.
 * It holds every URL in memory and scans on each lease, so it is not for real crawls (use `SqliteFrontier`,
 * whose state lives on disk). Both pass the same contract suite (`frontier.contract.ts`).
 *
 * @example
 * const frontier = new MemoryFrontier({ leaseTimeoutMs: 60_000 });
 * frontier.add("https://news.example.cn/", { kind: "seed" });
 * const [lease] = frontier.lease(1, Date.now());
 */
import type {
  AddInit,
  CrawlRequest,
  Frontier,
  FrontierStats,
  Lease,
  Outcome,
  Validators,
} from "./frontier.js";
import { normalizeUrl } from "./normalize-url.js";

export interface FrontierOptions {
  /** How long a lease lasts before the request is pending again. @default 300000 (5 minutes) */
  leaseTimeoutMs?: number;
}

export const DEFAULT_LEASE_TIMEOUT_MS = 5 * 60_000;

type EntryState = "pending" | "leased" | "done" | "failed" | "skipped" | "alias";

interface Entry {
  request: CrawlRequest;
  state: EntryState;
  /** Pending: not leasable before this time. Leased: the lease lapses at this time. */
  notBeforeMs: number;
  seq: number;
  validators: Validators;
}

function emptyValidators(): Validators {
  return { etag: null, lastModified: null, contentHash: null, recordWritten: false };
}

export class MemoryFrontier implements Frontier {
  readonly #entries = new Map<string, Entry>();
  readonly #meta = new Map<string, string>();
  readonly #leaseTimeoutMs: number;
  #nextSeq = 0;

  constructor(options: FrontierOptions = {}) {
    this.#leaseTimeoutMs = options.leaseTimeoutMs ?? DEFAULT_LEASE_TIMEOUT_MS;
  }

  add(url: string, init: AddInit = {}): boolean {
    const normalized = normalizeUrl(url);
    if (normalized === null || this.#entries.has(normalized)) return false;
    this.#entries.set(normalized, this.#newEntry(normalized, init, "pending"));
    return true;
  }

  addMany(requests: ReadonlyArray<{ url: string } & AddInit>): number {
    let added = 0;
    for (const { url, ...init } of requests) if (this.add(url, init)) added++;
    return added;
  }

  has(url: string): boolean {
    const normalized = normalizeUrl(url);
    return normalized !== null && this.#entries.has(normalized);
  }

  markAlias(alias: string): boolean {
    const normalized = normalizeUrl(alias);
    if (normalized === null) return false;
    const entry = this.#entries.get(normalized);
    if (entry === undefined) {
      this.#entries.set(normalized, this.#newEntry(normalized, {}, "alias"));
      return true;
    }
    if (entry.state === "pending" || entry.state === "alias") {
      entry.state = "alias";
      return true;
    }
    return false;
  }

  lease(max: number, nowMs: number): Lease[] {
    this.#expireLeases(nowMs);
    const ready: Entry[] = [];
    for (const entry of this.#entries.values()) {
      if (entry.state === "pending" && entry.notBeforeMs <= nowMs) ready.push(entry);
    }
    ready.sort((a, b) => a.request.depth - b.request.depth || a.seq - b.seq);
    const expiresAtMs = nowMs + this.#leaseTimeoutMs;
    return ready.slice(0, Math.max(0, max)).map((entry) => {
      entry.state = "leased";
      entry.notBeforeMs = expiresAtMs;
      return { request: { ...entry.request }, expiresAtMs };
    });
  }

  complete(url: string, outcome: Outcome): void {
    const entry = this.#known(url);
    if (entry.state === "alias") return;
    entry.state = outcome.status;
    if (outcome.status === "done") {
      if (outcome.recordWritten) entry.validators.recordWritten = true;
      if (outcome.finalUrl !== entry.request.url) this.markAlias(outcome.finalUrl);
    }
  }

  release(url: string, notBeforeMs = 0): void {
    const entry = this.#known(url);
    if (entry.state !== "leased") return;
    entry.state = "pending";
    entry.notBeforeMs = notBeforeMs;
    entry.request.attempts++;
  }

  isEmpty(nowMs: number): boolean {
    for (const entry of this.#entries.values()) {
      if ((entry.state === "pending" || entry.state === "leased") && entry.notBeforeMs <= nowMs) return false;
    }
    return true;
  }

  isFinished(): boolean {
    for (const entry of this.#entries.values()) {
      if (entry.state === "pending" || entry.state === "leased") return false;
    }
    return true;
  }

  requeue(url: string, init: AddInit = {}): boolean {
    const normalized = normalizeUrl(url);
    if (normalized === null) return false;
    const entry = this.#entries.get(normalized);
    if (entry === undefined) return this.add(normalized, init);
    if (entry.state !== "done" && entry.state !== "failed" && entry.state !== "skipped") return false;
    entry.state = "pending";
    entry.notBeforeMs = 0;
    entry.seq = this.#nextSeq++;
    entry.request.attempts = 0;
    if (init.depth !== undefined) entry.request.depth = init.depth;
    if (init.kind !== undefined) entry.request.kind = init.kind;
    if (init.referrer !== undefined) entry.request.referrer = init.referrer;
    return true;
  }

  getValidators(url: string): Validators | null {
    const normalized = normalizeUrl(url);
    const entry = normalized === null ? undefined : this.#entries.get(normalized);
    return entry === undefined ? null : { ...entry.validators };
  }

  setValidators(url: string, validators: Partial<Validators>): boolean {
    const normalized = normalizeUrl(url);
    const entry = normalized === null ? undefined : this.#entries.get(normalized);
    if (entry === undefined) return false;
    Object.assign(entry.validators, validators);
    return true;
  }

  getMeta(key: string): string | null {
    return this.#meta.get(key) ?? null;
  }

  setMeta(key: string, value: string): void {
    this.#meta.set(key, value);
  }

  stats(): FrontierStats {
    const counts: FrontierStats = { pending: 0, leased: 0, done: 0, failed: 0, skipped: 0 };
    for (const entry of this.#entries.values()) if (entry.state !== "alias") counts[entry.state]++;
    return counts;
  }

  close(): void {
    // Nothing to release: the state dies with the object.
  }

  #newEntry(url: string, init: AddInit, state: EntryState): Entry {
    return {
      request: {
        url,
        depth: init.depth ?? 0,
        referrer: init.referrer ?? null,
        attempts: 0,
        kind: init.kind ?? "unknown",
      },
      state,
      notBeforeMs: 0,
      seq: this.#nextSeq++,
      validators: emptyValidators(),
    };
  }

  /** A lapsed lease is a failed attempt: the worker hung or died with it. */
  #expireLeases(nowMs: number): void {
    for (const entry of this.#entries.values()) {
      if (entry.state === "leased" && entry.notBeforeMs <= nowMs) {
        entry.state = "pending";
        entry.notBeforeMs = 0;
        entry.request.attempts++;
      }
    }
  }

  /** Completing or releasing a URL the frontier never handed out is a bug in the caller. */
  #known(url: string): Entry {
    const normalized = normalizeUrl(url);
    const entry = normalized === null ? undefined : this.#entries.get(normalized);
    if (entry === undefined) throw new Error(`frontier: unknown URL ${url}`);
    return entry;
  }
}
