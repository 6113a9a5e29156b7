/**
 * Scheduled runs the hard way: `caiji schedule` and `caiji run` as child processes (exactly as a user or
 * systemd starts them) against the changing fixture site, with cron firing every second and a slow crawl
 * interval so that ticks overlap runs.
 *
 * - An overlapping tick is skipped with a log line; the scheduler is then killed with SIGKILL in the middle
 *   of a run. A new scheduler's next tick runs (the dead run's lock does not hold it back) and resumes the
 *   unfinished work: pages the frontier had marked done with their records are not fetched again (pages
 *   fetched but still being extracted in a worker are, which is what makes a kill lose nothing; so is one
 *   whose line was written but whose completion the kill beat, and the sink refuses its second copy), every
 *   article ends up in the output exactly once, and the history shows the killed run.
 * - While `caiji run` holds the job, a run from another process is skipped with a line naming the holder;
 *   SIGTERM stops the holder cleanly (exit 143, run `interrupted`), and the next run resumes it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { silentProgress } from "../../src/crawl/progress.js";
import { RunHistory } from "../../src/schedule/run-history.js";
import { runJob } from "../../src/schedule/run-job.js";
import { type ChangingSite, startChangingSite } from "../incremental/changing-site.js";

const mainTs = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const ARTICLES = ["edited", "lastmod", "stamped", "static", "untouched"];

interface Caiji {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

const children: ChildProcess[] = [];

/** Starts `caiji <args>` from the TypeScript sources, as a child process. */
function startCaiji(args: string[]): Caiji {
  const child = spawn(process.execPath, ["--import", "jiti/register", mainTs, ...args], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  return { child, exited, stderr: () => stderr };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let site: ChangingSite;
let dir: string;

beforeEach(async () => {
  site = await startChangingSite();
  dir = mkdtempSync(join(tmpdir(), "caiji-schedule-"));
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

/** A config with one job, `news`, ticking every second, crawling slowly enough for ticks to overlap. */
function writeConfig(): string {
  const file = join(dir, "caiji.config.json");
  const config = {
    jobs: {
      news: {
        seeds: [site.url],
        politeness: { intervalMs: 700 },
        schedule: { cron: "* * * * * *" },
        out: "out/{job}-{run}.jsonl",
        state: "state",
      },
    },
  };
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** Article names in a records file, one per line, duplicates kept. */
function articlesIn(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => (new URL(JSON.parse(line).url).pathname.split("/").pop() ?? "").replace(".html", ""))
    .sort();
}

/**
 * Article names the killed run's frontier had committed as done with a record written: what a resume must
 * not fetch again. (The record line is appended just before the frontier commits; a kill between the two
 * leaves the URL pending, which costs a fetch and nothing else.)
 */
function committedWithRecord(stateDir: string): string[] {
  const file = existsSync(stateDir)
    ? (readdirSync(stateDir, { recursive: true }) as string[]).find((name) =>
        name.endsWith("frontier.sqlite"),
      )
    : undefined;
  if (!file) return [];
  // Read-only, beside the running crawl (WAL lets a reader in while it writes).
  const db = new Database(join(stateDir, file), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT url FROM requests WHERE record_written = 1").all() as Array<{
      url: string;
    }>;
    return rows.map((row) => (new URL(row.url).pathname.split("/").pop() ?? "").replace(".html", ""));
  } finally {
    db.close();
  }
}

const articleFetches = () =>
  site.log.filter((entry) => entry.path.startsWith("/news/2024/") && entry.status === 200).map((e) => e.path);

describe("caiji schedule", () => {
  it("skips an overlapping tick; after a SIGKILL the next tick runs and resumes the unfinished work", async () => {
    const config = writeConfig();
    const first = startCaiji(["schedule", "news", "--config", config]);
    const records = join(dir, "out/news-1.jsonl");
    // A line may be half written while the run goes on: such a read counts as nothing written yet.
    const written = () => {
      try {
        return existsSync(records) ? articlesIn(records) : [];
      } catch {
        return [];
      }
    };
    await waitFor(
      () => first.stderr().includes("tick skipped") && committedWithRecord(join(dir, "state")).length >= 1,
      180_000,
      "an overlapping tick and a record written and committed",
    );
    expect(first.stderr()).toMatch(/news: run #1 started → .*out\/news-1\.jsonl/);
    expect(first.stderr()).toMatch(/news: tick skipped: the run started .* is still running/);
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    const fetchedBeforeKill = new Set(articleFetches());
    const writtenBeforeKill = written();
    expect(writtenBeforeKill.length).toBeLessThan(ARTICLES.length);
    const doneBeforeKill = committedWithRecord(join(dir, "state"));
    expect(doneBeforeKill.length).toBeGreaterThan(0);
    // Every record the frontier counts as written is in the file (the line comes first).
    expect(writtenBeforeKill).toEqual(expect.arrayContaining(doneBeforeKill));
    const logBeforeKill = site.log.length;

    const second = startCaiji(["schedule", "news", "--config", config]);
    await waitFor(() => /news: run #2 finished/.test(second.stderr()), 180_000, "run #2 to finish");
    second.child.kill("SIGTERM");
    const ended = await second.exited;
    expect(ended.code, second.stderr()).toBe(0);
    expect(second.stderr()).toContain("caiji schedule: stopped");
    // The lock of the killed run did not hold the next tick back, and the run knew it was resuming.
    expect(second.stderr()).toMatch(
      /news: run #2 started \(run #1 ended killed: resuming it\) → .*out\/news-1\.jsonl/,
    );

    // Resumed, not restarted: no page the frontier had done before the kill was fetched again (only pages
    // still in flight may be); seed and list page were not read again.
    const after = site.log.slice(logBeforeKill);
    const refetched = after
      .filter((e) => e.status === 200 && fetchedBeforeKill.has(e.path))
      .map((e) => (e.path.split("/").pop() ?? "").replace(".html", ""));
    expect(
      refetched.filter((name) => doneBeforeKill.includes(name)),
      JSON.stringify(after),
    ).toEqual([]);
    // Run #2's requests end where a later run (a new pass, after run #2 finished) asks for robots.txt again.
    const nextRun = after.findIndex((e, i) => i > 0 && e.path === "/robots.txt");
    const runTwo = after.slice(0, nextRun === -1 ? after.length : nextRun).map((e) => e.path);
    expect(runTwo).not.toContain("/");
    expect(runTwo).not.toContain("/news/list.html");

    expect(articlesIn(join(dir, "out/news-1.jsonl"))).toEqual(ARTICLES);
    const history = RunHistory.open(join(dir, "state"));
    const runs = history.list().reverse();
    history.close();
    expect(runs[0]).toMatchObject({ id: 1, status: "killed" });
    expect(runs[1]).toMatchObject({ id: 2, status: "finished", mode: "resume" });
  }, 420_000);
});

describe("caiji run", () => {
  it("holds the job against other processes; SIGTERM stops it cleanly and the next run resumes", async () => {
    const configFile = writeConfig();
    const holder = startCaiji(["run", "news", "--config", configFile]);
    await waitFor(
      () => site.log.some((e) => e.path === "/news/list.html"),
      180_000,
      "the run to read the list",
    );

    const config = await loadConfig({ file: configFile });
    const job = config.jobs.news;
    if (!job) throw new Error("no job");
    const logs: string[] = [];
    const skipped = await runJob("news", job, { log: (line) => logs.push(line), progress: silentProgress });
    expect(skipped.status).toBe("skipped");
    expect(logs).toEqual([
      expect.stringMatching(
        new RegExp(
          `^news: skipped: run #1 of this job is still in progress \\(pid ${holder.child.pid}, started `,
        ),
      ),
    ]);

    holder.child.kill("SIGTERM");
    const ended = await holder.exited;
    expect(ended.code, holder.stderr()).toBe(143);
    expect(holder.stderr()).toMatch(/news: run #1 interrupted \(\d+ left for the next run\)/);

    const resumed = await runJob("news", job, { log: (line) => logs.push(line), progress: silentProgress });
    expect(resumed).toMatchObject({ status: "finished", runId: 2 });
    expect(logs.join("\n")).toMatch(/run #2 started \(run #1 ended interrupted: resuming it\)/);
    expect(articlesIn(join(dir, "out/news-1.jsonl"))).toEqual(ARTICLES);
  }, 420_000);
});
