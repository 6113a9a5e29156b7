import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { describeFrontierContract } from "./frontier.contract.js";
import { MemoryFrontier } from "./memory-frontier.js";
import { SqliteFrontier } from "./sqlite-frontier.js";
import { StateDirLockedError } from "./state-dir-lock.js";

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caiji-frontier-"));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describeFrontierContract("SqliteFrontier", (options) => new SqliteFrontier(tempDir(), options));

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const modulePath = fileURLToPath(new URL("./sqlite-frontier.ts", import.meta.url));

/** Runs `body` in a separate Node process with `frontier` open on `dir`; the process exits without closing. */
function runInChild(dir: string, body: string): { status: number | null; stdout: string; stderr: string } {
  const script = `
    import { createJiti } from "jiti";
    const { SqliteFrontier } = await createJiti(process.cwd() + "/").import(${JSON.stringify(modulePath)});
    const frontier = new SqliteFrontier(${JSON.stringify(dir)}, { leaseTimeoutMs: 600000 });
    ${body}
    process.exit(0);
  `;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe("SqliteFrontier on disk", () => {
  it("creates frontier.sqlite and a pid lock in the state folder, and frees the lock on close", () => {
    const dir = path.join(tempDir(), "nested", "state");
    const frontier = new SqliteFrontier(dir);
    expect(fs.existsSync(path.join(dir, "frontier.sqlite"))).toBe(true);
    expect(fs.readFileSync(path.join(dir, "frontier.lock"), "utf8").trim()).toBe(String(process.pid));
    frontier.close();
    frontier.close();
    expect(fs.existsSync(path.join(dir, "frontier.lock"))).toBe(false);
  });

  it("refuses a second frontier on the same folder while the first is open", () => {
    const dir = tempDir();
    const first = new SqliteFrontier(dir);
    expect(() => new SqliteFrontier(dir)).toThrow(StateDirLockedError);
    first.close();
    new SqliteFrontier(dir).close();
  });

  it("takes over a stale lock whose pid is dead", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
    fs.writeFileSync(path.join(dir, "frontier.lock"), `${dead}\n`);
    const frontier = new SqliteFrontier(dir);
    expect(fs.readFileSync(path.join(dir, "frontier.lock"), "utf8").trim()).toBe(String(process.pid));
    frontier.close();
  });

  it("refuses a lock held by another live process", async () => {
    const dir = tempDir();
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      fs.writeFileSync(path.join(dir, "frontier.lock"), `${sleeper.pid}\n`);
      expect(() => new SqliteFrontier(dir)).toThrow(/in use by process/);
    } finally {
      sleeper.kill();
    }
  });

  it("resumes after close: queue, order, outcomes, validators and meta survive; leased work is pending again", () => {
    const dir = tempDir();
    const before = new SqliteFrontier(dir, { leaseTimeoutMs: 60_000 });
    before.add("https://a.example/", { kind: "seed" });
    before.addMany([
      { url: "https://a.example/1", depth: 1 },
      { url: "https://a.example/2", depth: 1 },
      { url: "https://a.example/3", depth: 1 },
    ]);
    before.lease(1, 0);
    before.complete("https://a.example/", {
      status: "done",
      httpStatus: 200,
      recordWritten: false,
      finalUrl: "https://a.example/",
    });
    before.setValidators("https://a.example/", { etag: '"e1"' });
    before.setMeta("seed", "https://a.example/");
    expect(before.lease(2, 0).map((l) => l.request.url)).toEqual([
      "https://a.example/1",
      "https://a.example/2",
    ]);
    before.close();

    const after = new SqliteFrontier(dir, { leaseTimeoutMs: 60_000 });
    try {
      expect(after.stats()).toEqual({ pending: 3, leased: 0, done: 1, failed: 0, skipped: 0 });
      expect(after.add("https://a.example/1")).toBe(false);
      after.add("https://a.example/4", { depth: 1 });
      const resumed = after.lease(10, 0).map((l) => l.request);
      expect(resumed.map((r) => r.url)).toEqual([
        "https://a.example/1",
        "https://a.example/2",
        "https://a.example/3",
        "https://a.example/4",
      ]);
      expect(resumed[0]?.attempts).toBe(0);
      expect(after.getValidators("https://a.example/")?.etag).toBe('"e1"');
      expect(after.getMeta("seed")).toBe("https://a.example/");
    } finally {
      after.close();
    }
  });

  it("resumes after the owning process died without closing (stale lock, WAL not checkpointed)", () => {
    const dir = tempDir();
    const child = runInChild(
      dir,
      `
      for (let i = 0; i < 50; i++) frontier.add("https://a.example/p" + i, { depth: i % 3 });
      const leased = frontier.lease(5, Date.now());
      frontier.complete(leased[0].request.url, { status: "done", httpStatus: 200, recordWritten: true, finalUrl: leased[0].request.url });
      console.log(JSON.stringify(leased.map((l) => l.request.url)));
      `,
    );
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    const leasedByChild = JSON.parse(child.stdout) as string[];
    expect(fs.existsSync(path.join(dir, "frontier.lock"))).toBe(true);

    const frontier = new SqliteFrontier(dir);
    try {
      expect(frontier.stats()).toEqual({ pending: 49, leased: 0, done: 1, failed: 0, skipped: 0 });
      const again = frontier.lease(4, 0).map((l) => l.request.url);
      expect(again).toEqual(leasedByChild.slice(1));
      expect(frontier.getValidators(leasedByChild[0] ?? "")?.recordWritten).toBe(true);
    } finally {
      frontier.close();
    }
  }, 60_000);
});

/** A seeded PRNG, so a failing sequence can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("SqliteFrontier behaves exactly like MemoryFrontier", () => {
  it.each([1, 2, 3])(
    "on a random sequence of operations (seed %i), and its counters match the table",
    (seed) => {
      const random = mulberry32(seed);
      const dir = tempDir();
      let sqlite = new SqliteFrontier(dir, { leaseTimeoutMs: 50 });
      const memory = new MemoryFrontier({ leaseTimeoutMs: 50 });
      const leased: string[] = [];
      let now = 0;
      const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
      try {
        for (let step = 0; step < 1500; step++) {
          now += Math.floor(random() * 10);
          const roll = random();
          if (roll < 0.35) {
            const url = `https://h${Math.floor(random() * 3)}.example/${Math.floor(random() * 120)}`;
            const init = { depth: Math.floor(random() * 3) };
            expect(sqlite.add(url, init)).toBe(memory.add(url, init));
          } else if (roll < 0.55) {
            const max = 1 + Math.floor(random() * 4);
            const got = sqlite.lease(max, now);
            expect(got).toEqual(memory.lease(max, now));
            leased.push(...got.map((l) => l.request.url));
          } else if (roll < 0.7) {
            const url = pick(leased);
            if (url === undefined) continue;
            const outcome = { status: "done", httpStatus: 200, recordWritten: true, finalUrl: url } as const;
            sqlite.complete(url, outcome);
            memory.complete(url, outcome);
          } else if (roll < 0.82) {
            const url = pick(leased);
            if (url === undefined) continue;
            const notBefore = random() < 0.5 ? 0 : now + Math.floor(random() * 100);
            sqlite.release(url, notBefore);
            memory.release(url, notBefore);
          } else if (roll < 0.88) {
            const url = `https://h0.example/${Math.floor(random() * 120)}`;
            expect(sqlite.markAlias(url)).toBe(memory.markAlias(url));
          } else {
            const url = pick(leased) ?? "https://h1.example/0";
            expect(sqlite.requeue(url)).toBe(memory.requeue(url));
          }
          expect(sqlite.stats()).toEqual(memory.stats());
          expect(sqlite.isEmpty(now)).toBe(memory.isEmpty(now));
          expect(sqlite.isFinished()).toBe(memory.isFinished());
        }
        // Counters are rebuilt from the table on open, so they must agree with the running ones; leases held
        // at close come back as pending.
        const statsBefore = sqlite.stats();
        sqlite.close();
        sqlite = new SqliteFrontier(dir, { leaseTimeoutMs: 50 });
        expect(statsBefore.done + statsBefore.leased).toBeGreaterThan(0);
        expect(sqlite.stats()).toEqual({
          ...statsBefore,
          pending: statsBefore.pending + statsBefore.leased,
          leased: 0,
        });
      } finally {
        sqlite.close();
      }
    },
  );
});
