/**
 * Measures the SQLite frontier at crawl scale: does memory stay flat while a million URLs sit in the queue,
 * and how fast do enqueue and lease+complete go?
 *
 * Enqueues `--urls` generated URLs (many hosts, news-site path shapes, tracking parameters, about one link
 * in eight a repeat the frontier must refuse) into a fresh SqliteFrontier in a temp folder, then drains it
 * the way the crawl loop does: lease a batch, complete each request on its own (a few are released with a
 * backoff and come back). Resident memory is sampled every 1,000 operations, since timers do not fire during
 * the synchronous loops. Goal: peak RSS ≤ 300 MB.
 *
 *   npx jiti scripts/bench-frontier.ts [--urls 1000000] [--hosts 5000] [--lease 50] [--keep]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { AddInit } from "../src/crawl/frontier.js";
import { SqliteFrontier } from "../src/crawl/sqlite-frontier.js";

const { values: args } = parseArgs({
  options: {
    urls: { type: "string", default: "1000000" },
    hosts: { type: "string", default: "5000" },
    lease: { type: "string", default: "50" },
    keep: { type: "boolean", default: false },
  },
});
const totalUrls = Number(args.urls);
const hostCount = Number(args.hosts);
const leaseBatch = Number(args.lease);

let peakRss = process.memoryUsage.rss();
let ops = 0;
function sample(): void {
  if (++ops % 1000 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
}
/** Wall time lies on a shared machine; CPU time (user + system) of this process is reported beside it. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString("en")}/s`;

/** A small deterministic PRNG so runs are comparable. */
let seed = 42;
function random(): number {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
}
/** A second stream for choices that must not depend on which URL was generated last. */
let mainSeed = 7;
function mainRandom(): number {
  mainSeed = (mainSeed * 1664525 + 1013904223) >>> 0;
  return mainSeed / 2 ** 32;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const tlds = [".com.cn", ".gov.cn", ".cn", ".com", ".org.cn", ".net"];
const words = ["news", "xinwen", "info", "zixun", "sports", "finance", "gov", "edu", "tech", "local"];
const sections = ["xwzx", "gnxw", "gjxw", "shxw", "zwgk/tzgg", "article", "content", "news/china", "a", "n1"];
const hosts = Array.from({ length: hostCount }, (_, i) => `${pick(words)}${i}.${pick(words)}${pick(tlds)}`);

/** News-site URL shapes: dated TRS/CMS paths, DedeCMS-style ids, query-string articles, list pages. */
function makeUrl(n: number): { url: string } & AddInit {
  // Seeded by n, so a repeat of n is the same link (spelled the same way) and must be refused.
  seed = (n * 2654435761) >>> 0;
  const host = pick(hosts);
  const y = 2015 + Math.floor(random() * 10);
  const m = String(1 + Math.floor(random() * 12)).padStart(2, "0");
  const d = String(1 + Math.floor(random() * 28)).padStart(2, "0");
  const depth = Math.min(4, Math.floor(-Math.log(random() + 1e-9)));
  const shape = random();
  let url: string;
  if (shape < 0.4) url = `https://${host}/${pick(sections)}/${y}${m}/t${y}${m}${d}_${n}.html`;
  else if (shape < 0.6) url = `http://${host}/${pick(sections)}/${y}-${m}/${d}/content_${n}.htm`;
  else if (shape < 0.75) url = `https://${host}/show.php?id=${n}&catid=${n % 97}&spm=a.b.c.${n % 7}`;
  else if (shape < 0.9)
    url = `https://${host}/${pick(sections)}/list_${n}.html?utm_source=weixin&from=timeline`;
  else url = `https://${host}/${pick(sections)}/${n.toString(36)}/index.shtml#comments`;
  return { url, depth, kind: shape >= 0.75 && shape < 0.9 ? "list" : "article" };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caiji-bench-frontier-"));
const frontier = new SqliteFrontier(dir, { leaseTimeoutMs: 60_000 });
const rssAtOpen = process.memoryUsage.rss();

// Enqueue: batches of 1,000 in one transaction each, as link extraction from a page hands them over;
// one URL in eight repeats an earlier one.
const loadAtStart = os.loadavg()[0] ?? 0;
const enqueueStart = performance.now();
const enqueueCpu = process.cpuUsage();
let offered = 0;
let added = 0;
let batch: ({ url: string } & AddInit)[] = [];
let next = 0;
while (offered < totalUrls) {
  const n = next > 0 && mainRandom() < 0.125 ? Math.floor(mainRandom() * next) : next++;
  batch.push(makeUrl(n));
  offered++;
  sample();
  if (batch.length === 1000 || offered === totalUrls) {
    added += frontier.addMany(batch);
    batch = [];
  }
}
const enqueueMs = performance.now() - enqueueStart;
const enqueueCpuMs = cpuMs(enqueueCpu);
const rssAfterEnqueue = process.memoryUsage.rss();

// Single adds (one implicit transaction each), as a page's few links might arrive.
const singleStart = performance.now();
const singleCpu = process.cpuUsage();
const singles = 20_000;
for (let i = 0; i < singles; i++) {
  frontier.add(`https://single${i % 50}.example.cn/page/${i}.html`, { depth: 3 });
  sample();
}
const singleMs = performance.now() - singleStart;
const singleCpuMs = cpuMs(singleCpu);

// Drain: lease a batch, complete each on its own; one in fifty is released with a 1 s backoff.
let now = Date.now();
const drainStart = performance.now();
const drainCpu = process.cpuUsage();
let completed = 0;
let released = 0;
while (!frontier.isFinished()) {
  const leases = frontier.lease(leaseBatch, now);
  if (leases.length === 0) {
    now += 1_000;
    continue;
  }
  for (const { request } of leases) {
    if (request.attempts === 0 && mainRandom() < 0.02) {
      frontier.release(request.url, now + 1_000);
      released++;
    } else {
      frontier.complete(request.url, {
        status: "done",
        httpStatus: 200,
        recordWritten: true,
        finalUrl: request.url,
      });
      completed++;
    }
    sample();
  }
  now += 5;
}
const drainMs = performance.now() - drainStart;
const drainCpuMs = cpuMs(drainCpu);
const stats = frontier.stats();
frontier.close();
const dbBytes = fs
  .readdirSync(dir)
  .filter((name) => name.startsWith("frontier.sqlite"))
  .reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });

const peakOk = peakRss <= 300 * 1024 * 1024;
const drained = completed + released;
const line = (label: string, n: number, wallMs: number, cpu: number, how: string) =>
  `  ${label.padEnd(15)}${n.toLocaleString("en")} in ${(wallMs / 1000).toFixed(1)} s wall / ${(cpu / 1000).toFixed(1)} s CPU: ` +
  `${rate(n, wallMs)} wall, ${rate(n, cpu)} per CPU-second (${how})`;
console.log(
  [
    `SqliteFrontier benchmark: ${os.cpus().length} cores, node ${process.version}, load average ${loadAtStart.toFixed(1)} → ${(os.loadavg()[0] ?? 0).toFixed(1)}`,
    line(
      "enqueue",
      offered,
      enqueueMs,
      enqueueCpuMs,
      `addMany, 1,000 per transaction; ${added.toLocaleString("en")} new`,
    ),
    line("single add", singles, singleMs, singleCpuMs, "one transaction each"),
    line(
      "lease+complete",
      drained,
      drainMs,
      drainCpuMs,
      `lease ${leaseBatch}, complete one by one; ${released.toLocaleString("en")} released and retried`,
    ),
    `  final stats    ${JSON.stringify(stats)}`,
    `  database       ${mb(dbBytes)} on disk${args.keep ? ` in ${dir}` : ""}`,
    `  RSS            at open ${mb(rssAtOpen)}, after enqueue ${mb(rssAfterEnqueue)}, peak ${mb(peakRss)} (goal ≤ 300 MB: ${peakOk ? "met" : "MISSED"})`,
  ].join("\n"),
);
if (stats.done !== added + singles) {
  console.error(`error: ${stats.done} done, expected ${added + singles}`);
  process.exitCode = 1;
}
