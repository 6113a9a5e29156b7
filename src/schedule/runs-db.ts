/**
 * The job's own small database, `runs.sqlite` in its state folder: the run history and the job lock. SQLite
 * because both need what a plain file does badly: the lock's check-and-take must be one atomic step between
 * processes (an `IMMEDIATE` transaction), and a history row must survive a kill half-way through a run.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  job TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  status TEXT NOT NULL,
  out TEXT,
  mode TEXT,
  pass INTEGER,
  pages INTEGER NOT NULL DEFAULT 0,
  records INTEGER NOT NULL DEFAULT 0,
  new_records INTEGER NOT NULL DEFAULT 0,
  revised INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0,
  message TEXT,
  pid INTEGER NOT NULL,
  start_ticks TEXT,
  host TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS lock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pid INTEGER NOT NULL,
  start_ticks TEXT,
  host TEXT NOT NULL,
  run_id INTEGER,
  acquired_at INTEGER NOT NULL
);
`;

export const RUNS_DB_FILE = "runs.sqlite";

/** Opens (creating when needed) `stateDir/runs.sqlite`. */
export function openRunsDb(stateDir: string): Database.Database {
  fs.mkdirSync(stateDir, { recursive: true });
  const db = new Database(path.join(stateDir, RUNS_DB_FILE));
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
