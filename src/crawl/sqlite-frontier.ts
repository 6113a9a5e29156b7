/**
 * The embedded default frontier: the queue lives in `dir/frontier.sqlite` (better-sqlite3, WAL), so a killed
 * crawl resumes where it stopped and memory stays flat however long the queue grows: JS holds six counters and
 * prepared statements, never a per-URL structure.
 *
 * Layout: one `requests` row per URL ever seen, keyed by a 64-bit fingerprint of the normalised URL (sha1
 * prefix; the chance of two URLs colliding in a ten-million-URL crawl is about 3e-6) so that no second copy
 * of each URL sits in a unique index. One index, (state, not_before, depth, seq), serves every queue
 * question, because `not_before` is 0 for every ready row:
 * - ready, in BFS order:      state = READY   AND not_before = 0 ORDER BY depth, seq
 * - retry backoff that is due: state = WAITING AND not_before <= now
 * - lapsed leases:            state = LEASED  AND not_before <= now   (a lease keeps its expiry there)
 *
 * Opening a folder claims it with a pid lock file (`state-dir-lock.ts`); whatever was leased when it was last
 * closed belonged to a dead process and is pending again at once.
 *
 * @example
 * const frontier = new SqliteFrontier("state/news-site", { leaseTimeoutMs: 120_000 });
 * frontier.add("https://news.example.cn/", { kind: "seed" });
 * for (const { request } of frontier.lease(8, Date.now())) { … frontier.complete(request.url, outcome) }
 * frontier.close();
 */
import { hash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type {
  AddInit,
  CrawlRequest,
  Frontier,
  FrontierStats,
  Lease,
  Outcome,
  Validators,
} from "./frontier.js";
import { DEFAULT_LEASE_TIMEOUT_MS, type FrontierOptions } from "./memory-frontier.js";
import { normalizeUrl } from "./normalize-url.js";
import { StateDirLock } from "./state-dir-lock.js";

export interface SqliteFrontierOptions extends FrontierOptions {
  /** SQLite page cache per connection, in MiB. Bounded, so memory stays flat. @default 16 */
  cacheMiB?: number;
}

/** Row states. READY and WAITING are both "pending" to the outside; the split keeps the BFS scan indexed. */
const READY = 0;
const WAITING = 1;
const LEASED = 2;
const DONE = 3;
const FAILED = 4;
const SKIPPED = 5;
const ALIAS = 6;
const STATE_COUNT = 7;

const OUTCOME_STATE = { done: DONE, failed: FAILED, skipped: SKIPPED } as const;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS requests (
  id INTEGER PRIMARY KEY,
  fp INTEGER NOT NULL,
  url TEXT NOT NULL,
  state INTEGER NOT NULL,
  not_before INTEGER NOT NULL DEFAULT 0,
  depth INTEGER NOT NULL DEFAULT 0,
  seq INTEGER NOT NULL,
  referrer TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL DEFAULT 'unknown',
  http_status INTEGER,
  reason TEXT,
  etag TEXT,
  last_modified TEXT,
  content_hash TEXT,
  record_written INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS requests_fp ON requests (fp);
CREATE INDEX IF NOT EXISTS requests_queue ON requests (state, not_before, depth, seq);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

interface RequestRow {
  url: string;
  depth: number;
  referrer: string | null;
  attempts: number;
  kind: CrawlRequest["kind"];
  seq: number;
}

interface ValidatorRow {
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  record_written: number;
}

/** 64 bits of sha1, as SQLite's signed rowid. */
function fingerprint(normalizedUrl: string): bigint {
  return hash("sha1", normalizedUrl, "buffer").readBigInt64BE(0);
}

function prepareStatements(db: Database.Database) {
  return {
    insert: db.prepare(
      "INSERT OR IGNORE INTO requests (fp, url, state, not_before, depth, seq, referrer, kind) VALUES (?, ?, ?, 0, ?, ?, ?, ?)",
    ),
    stateOf: db.prepare<[bigint], { state: number; url: string }>(
      "SELECT state, url FROM requests WHERE fp = ?",
    ),
    promoteDue: db.prepare(
      `UPDATE requests SET state = ${READY}, not_before = 0 WHERE state = ${WAITING} AND not_before <= ?`,
    ),
    expireLeases: db.prepare(
      `UPDATE requests SET state = ${READY}, not_before = 0, attempts = attempts + 1 WHERE state = ${LEASED} AND not_before <= ?`,
    ),
    leaseNext: db.prepare<[number, number], RequestRow>(
      `UPDATE requests SET state = ${LEASED}, not_before = ? WHERE id IN (
         SELECT id FROM requests WHERE state = ${READY} AND not_before = 0 ORDER BY depth, seq LIMIT ?
       ) RETURNING url, depth, referrer, attempts, kind, seq`,
    ),
    anyDue: db.prepare<[number, number], { one: number }>(
      "SELECT 1 AS one FROM requests WHERE state = ? AND not_before <= ? LIMIT 1",
    ),
    complete: db.prepare(
      "UPDATE requests SET state = ?, http_status = ?, reason = ?, record_written = max(record_written, ?) WHERE fp = ?",
    ),
    release: db.prepare(
      "UPDATE requests SET state = ?, not_before = ?, attempts = attempts + 1 WHERE fp = ?",
    ),
    setState: db.prepare("UPDATE requests SET state = ? WHERE fp = ?"),
    requeue: db.prepare(
      `UPDATE requests SET state = ${READY}, not_before = 0, seq = ?, attempts = 0, depth = coalesce(?, depth),
         kind = coalesce(?, kind), referrer = coalesce(?, referrer) WHERE fp = ?`,
    ),
    getValidators: db.prepare<[bigint], ValidatorRow>(
      "SELECT etag, last_modified, content_hash, record_written FROM requests WHERE fp = ?",
    ),
    setValidators: db.prepare(
      `UPDATE requests SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),
         content_hash = coalesce(?, content_hash), record_written = coalesce(?, record_written) WHERE fp = ?`,
    ),
    getMeta: db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?"),
    setMeta: db.prepare(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ),
  };
}

export class SqliteFrontier implements Frontier {
  /** The database file inside the state folder. */
  readonly dbPath: string;
  readonly #db: Database.Database;
  /** Runs a callback in one transaction; built once, since better-sqlite3's `transaction()` is not free. */
  readonly #atomically: <T>(body: () => T) => T;
  readonly #lock: StateDirLock;
  readonly #sql: ReturnType<typeof prepareStatements>;
  readonly #leaseTimeoutMs: number;
  /** Rows per state, kept in step with every update so `stats`/`isFinished` never count the table. */
  readonly #counts = new Array<number>(STATE_COUNT).fill(0);
  #nextSeq: number;
  #closed = false;

  constructor(dir: string, options: SqliteFrontierOptions = {}) {
    this.#leaseTimeoutMs = options.leaseTimeoutMs ?? DEFAULT_LEASE_TIMEOUT_MS;
    fs.mkdirSync(dir, { recursive: true });
    this.#lock = StateDirLock.acquire(dir);
    this.dbPath = path.join(dir, "frontier.sqlite");
    let db: Database.Database | undefined;
    try {
      db = new Database(this.dbPath);
      db.pragma("journal_mode = WAL");
      // NORMAL in WAL mode: a power cut may lose the last commits but never corrupts; a process crash loses none.
      db.pragma("synchronous = NORMAL");
      db.pragma(`cache_size = ${-1024 * (options.cacheMiB ?? 16)}`);
      db.pragma("busy_timeout = 5000");
      db.exec(SCHEMA);
      // We hold the lock, so whoever leased these is gone: they are pending again now, not after a timeout.
      db.prepare(`UPDATE requests SET state = ${READY}, not_before = 0 WHERE state = ${LEASED}`).run();
      const counts = db
        .prepare<[], { state: number; n: number }>("SELECT state, count(*) AS n FROM requests GROUP BY state")
        .all();
      for (const row of counts) this.#counts[row.state] = row.n;
      const maxSeq = db.prepare<[], { s: number | null }>("SELECT max(seq) AS s FROM requests").get();
      this.#nextSeq = (maxSeq?.s ?? -1) + 1;
      this.#sql = prepareStatements(db);
    } catch (error) {
      db?.close();
      this.#lock.release();
      throw error;
    }
    this.#db = db;
    const transaction = db.transaction((body: () => unknown) => body());
    this.#atomically = <T>(body: () => T): T => transaction(body) as T;
  }

  add(url: string, init: AddInit = {}): boolean {
    const normalized = normalizeUrl(url);
    return normalized !== null && this.#insert(normalized, init, READY);
  }

  addMany(requests: ReadonlyArray<{ url: string } & AddInit>): number {
    return this.#atomically(() => {
      let added = 0;
      for (const { url, ...init } of requests) if (this.add(url, init)) added++;
      return added;
    });
  }

  has(url: string): boolean {
    return this.#find(url) !== undefined;
  }

  markAlias(alias: string): boolean {
    const normalized = normalizeUrl(alias);
    if (normalized === null) return false;
    return this.#atomically(() => {
      const fp = fingerprint(normalized);
      const row = this.#sql.stateOf.get(fp);
      if (row === undefined) return this.#insert(normalized, {}, ALIAS);
      if (row.state === ALIAS) return true;
      if (row.state !== READY && row.state !== WAITING) return false;
      this.#sql.setState.run(ALIAS, fp);
      this.#move(row.state, ALIAS);
      return true;
    });
  }

  lease(max: number, nowMs: number): Lease[] {
    if (max <= 0) return [];
    return this.#atomically(() => {
      this.#returnDue(nowMs);
      const expiresAtMs = nowMs + this.#leaseTimeoutMs;
      const rows = this.#sql.leaseNext.all(expiresAtMs, Math.floor(max));
      this.#move(READY, LEASED, rows.length);
      // RETURNING gives no order guarantee; the contract promises BFS order within a batch too.
      rows.sort((a, b) => a.depth - b.depth || a.seq - b.seq);
      return rows.map((row) => ({
        request: {
          url: row.url,
          depth: row.depth,
          referrer: row.referrer,
          attempts: row.attempts,
          kind: row.kind,
        },
        expiresAtMs,
      }));
    });
  }

  complete(url: string, outcome: Outcome): void {
    this.#atomically(() => {
      const { fp, state } = this.#known(url);
      if (state === ALIAS) return;
      const next = OUTCOME_STATE[outcome.status];
      const done = outcome.status === "done" ? outcome : null;
      const reason = outcome.status === "done" ? null : outcome.reason;
      this.#sql.complete.run(next, done?.httpStatus ?? null, reason, done?.recordWritten ? 1 : 0, fp);
      this.#move(state, next);
      if (done !== null && done.finalUrl !== url && normalizeUrl(done.finalUrl) !== normalizeUrl(url)) {
        this.markAlias(done.finalUrl);
      }
    });
  }

  release(url: string, notBeforeMs = 0): void {
    this.#atomically(() => {
      const { fp, state } = this.#known(url);
      if (state !== LEASED) return;
      const next = notBeforeMs > 0 ? WAITING : READY;
      this.#sql.release.run(next, notBeforeMs > 0 ? Math.ceil(notBeforeMs) : 0, fp);
      this.#move(LEASED, next);
    });
  }

  isEmpty(nowMs: number): boolean {
    if (this.#counts[READY] !== 0) return false;
    return (
      (this.#counts[WAITING] === 0 || this.#sql.anyDue.get(WAITING, nowMs) === undefined) &&
      (this.#counts[LEASED] === 0 || this.#sql.anyDue.get(LEASED, nowMs) === undefined)
    );
  }

  isFinished(): boolean {
    return this.#counts[READY] === 0 && this.#counts[WAITING] === 0 && this.#counts[LEASED] === 0;
  }

  requeue(url: string, init: AddInit = {}): boolean {
    const normalized = normalizeUrl(url);
    if (normalized === null) return false;
    return this.#atomically(() => {
      const fp = fingerprint(normalized);
      const row = this.#sql.stateOf.get(fp);
      if (row === undefined) return this.#insert(normalized, init, READY);
      if (row.state !== DONE && row.state !== FAILED && row.state !== SKIPPED) return false;
      this.#sql.requeue.run(
        this.#nextSeq++,
        init.depth ?? null,
        init.kind ?? null,
        init.referrer ?? null,
        fp,
      );
      this.#move(row.state, READY);
      return true;
    });
  }

  getValidators(url: string): Validators | null {
    const found = this.#find(url);
    if (found === undefined) return null;
    const row = this.#sql.getValidators.get(found.fp);
    if (row === undefined) return null;
    return {
      etag: row.etag,
      lastModified: row.last_modified,
      contentHash: row.content_hash,
      recordWritten: row.record_written === 1,
    };
  }

  setValidators(url: string, validators: Partial<Validators>): boolean {
    const found = this.#find(url);
    if (found === undefined) return false;
    const written = validators.recordWritten === undefined ? null : validators.recordWritten ? 1 : 0;
    this.#sql.setValidators.run(
      validators.etag ?? null,
      validators.lastModified ?? null,
      validators.contentHash ?? null,
      written,
      found.fp,
    );
    return true;
  }

  getMeta(key: string): string | null {
    return this.#sql.getMeta.get(key)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.#sql.setMeta.run(key, value);
  }

  stats(): FrontierStats {
    const c = this.#counts;
    return {
      pending: (c[READY] ?? 0) + (c[WAITING] ?? 0),
      leased: c[LEASED] ?? 0,
      done: c[DONE] ?? 0,
      failed: c[FAILED] ?? 0,
      skipped: c[SKIPPED] ?? 0,
    };
  }

  /** Closes the database (checkpointing the WAL) and frees the state folder. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
    this.#lock.release();
  }

  #insert(normalized: string, init: AddInit, state: number): boolean {
    const result = this.#sql.insert.run(
      fingerprint(normalized),
      normalized,
      state,
      init.depth ?? 0,
      this.#nextSeq,
      init.referrer ?? null,
      init.kind ?? "unknown",
    );
    if (result.changes === 0) return false;
    this.#nextSeq++;
    this.#counts[state] = (this.#counts[state] ?? 0) + 1;
    return true;
  }

  /** Backoff that is over and leases that lapsed (a failed attempt: the worker hung or died) become ready. */
  #returnDue(nowMs: number): void {
    if (this.#counts[WAITING] !== 0) this.#move(WAITING, READY, this.#sql.promoteDue.run(nowMs).changes);
    if (this.#counts[LEASED] !== 0) this.#move(LEASED, READY, this.#sql.expireLeases.run(nowMs).changes);
  }

  #move(from: number, to: number, n = 1): void {
    this.#counts[from] = (this.#counts[from] ?? 0) - n;
    this.#counts[to] = (this.#counts[to] ?? 0) + n;
  }

  #find(url: string): { fp: bigint; state: number } | undefined {
    const normalized = normalizeUrl(url);
    if (normalized === null) return undefined;
    const fp = fingerprint(normalized);
    const row = this.#sql.stateOf.get(fp);
    return row === undefined ? undefined : { fp, state: row.state };
  }

  /** Completing or releasing a URL the frontier never handed out is a bug in the caller. */
  #known(url: string): { fp: bigint; state: number } {
    const found = this.#find(url);
    if (found === undefined) throw new Error(`frontier: unknown URL ${url}`);
    return found;
  }
}
