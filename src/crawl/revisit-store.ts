/**
 * What incremental crawls remember per URL beyond the frontier's validators (ETag, Last-Modified, text hash),
 * kept in `incremental.sqlite` beside the frontier in the state folder:
 *
 * - the *cycle* in which the URL was last scheduled for a visit. A cycle is one pass over the site: the first
 *   crawl of a state is cycle 1, and each run over a finished state starts the next. A page linked from twenty
 *   list pages is re-checked once per cycle, not twenty times, and a resumed cycle does not re-check again
 *   what it already re-checked before the kill;
 * - the revision number of the URL's last record (1, 2, …), so a changed article says which version it is;
 * - a sha256 of the body bytes the last record was built from, so an unchanged page from a server that sends
 *   no ETag or Last-Modified costs one hash of its bytes, not a parse and an extraction.
 *
 * Plus two run-level facts (`meta`): the current cycle and how the last run ended. The folder is claimed by
 * the frontier's lock before this store is opened, so one process owns it at a time.
 *
 * @example
 * const store = RevisitStore.open(".state/news");
 * const fresh = store.unstamped(urls, 3); // not yet scheduled in cycle 3
 * store.stamp(fresh, 3);
 * store.close();
 */
import { createHash, hash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { normalizeUrl } from "./normalize-url.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS pages (
  fp INTEGER PRIMARY KEY,
  cycle INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 0,
  body_hash TEXT
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

/** The last record built from a URL. */
export interface RevisionInfo {
  /** 1 for the first record, then one more for each changed text. 0 when no record was written. */
  revision: number;
  /** sha256 hex of the body bytes the last record (or the last unchanged check) was built from. */
  bodyHash: string | null;
}

/** sha256 hex of a response body. */
export function bodyHashOf(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}

/** 64 bits of sha1 of the normalised URL, as SQLite's signed rowid (the frontier's own scheme). */
function fingerprint(url: string): bigint {
  return hash("sha1", normalizeUrl(url) ?? url, "buffer").readBigInt64BE(0);
}

export class RevisitStore {
  readonly #db: Database.Database;
  readonly #sql;
  readonly #stampMany: (fps: bigint[], cycle: number) => void;

  private constructor(db: Database.Database) {
    this.#db = db;
    this.#sql = {
      cycleOf: db.prepare<[bigint], { cycle: number }>("SELECT cycle FROM pages WHERE fp = ?"),
      stamp: db.prepare(
        "INSERT INTO pages (fp, cycle) VALUES (?, ?) ON CONFLICT (fp) DO UPDATE SET cycle = excluded.cycle",
      ),
      revisionOf: db.prepare<[bigint], { revision: number; body_hash: string | null }>(
        "SELECT revision, body_hash FROM pages WHERE fp = ?",
      ),
      setRevision: db.prepare(
        `INSERT INTO pages (fp, revision, body_hash) VALUES (?, ?, ?)
         ON CONFLICT (fp) DO UPDATE SET revision = excluded.revision, body_hash = excluded.body_hash`,
      ),
      setBodyHash: db.prepare("UPDATE pages SET body_hash = ? WHERE fp = ?"),
      getMeta: db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?"),
      setMeta: db.prepare(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ),
    };
    const stamp = this.#sql.stamp;
    this.#stampMany = db.transaction((fps: bigint[], cycle: number) => {
      for (const fp of fps) stamp.run(fp, cycle);
    });
  }

  /** Opens (creating when needed) `dir/incremental.sqlite`. */
  static open(dir: string): RevisitStore {
    fs.mkdirSync(dir, { recursive: true });
    const db = new Database(path.join(dir, "incremental.sqlite"));
    try {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("busy_timeout = 5000");
      db.exec(SCHEMA);
      return new RevisitStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The URLs of `urls` not yet scheduled in `cycle`, in their order, each once. */
  unstamped(urls: readonly string[], cycle: number): string[] {
    const fresh: string[] = [];
    const seen = new Set<bigint>();
    for (const url of urls) {
      const fp = fingerprint(url);
      if (seen.has(fp)) continue;
      seen.add(fp);
      if ((this.#sql.cycleOf.get(fp)?.cycle ?? 0) !== cycle) fresh.push(url);
    }
    return fresh;
  }

  /** Records that these URLs were scheduled in `cycle` (one transaction). */
  stamp(urls: readonly string[], cycle: number): void {
    if (urls.length > 0) this.#stampMany(urls.map(fingerprint), cycle);
  }

  revisionOf(url: string): RevisionInfo | null {
    const row = this.#sql.revisionOf.get(fingerprint(url));
    return row === undefined ? null : { revision: row.revision, bodyHash: row.body_hash };
  }

  setRevision(url: string, revision: number, bodyHash: string | null): void {
    this.#sql.setRevision.run(fingerprint(url), revision, bodyHash);
  }

  /** Updates the body hash of a URL that has a record; an unknown URL is ignored. */
  setBodyHash(url: string, bodyHash: string): void {
    this.#sql.setBodyHash.run(bodyHash, fingerprint(url));
  }

  getMeta(key: string): string | null {
    return this.#sql.getMeta.get(key)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.#sql.setMeta.run(key, value);
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
