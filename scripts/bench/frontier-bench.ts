/**
 * The SQLite frontier at crawl scale, measured by `scripts/bench-frontier.ts` (enqueue a million generated
 * news-site URLs over 5,000 hosts with one in eight a repeat, single adds, then lease + complete them all),
 * run in a process of its own so its peak RSS is the frontier's alone. This section reads its report lines
 * into the suite's table and checks the memory goal.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type GoalCheck, machineLine, type SectionResult } from "./measure.js";

export interface FrontierBenchOptions {
  quick: boolean;
}

const FULL_URLS = 1_000_000;
const QUICK_URLS = 100_000;
const RSS_GOAL_MB = 300;

/** `  enqueue        1,000,000 in 12.3 s wall / 10.1 s CPU: 81,300/s wall, 99,000/s per CPU-second (how)` */
const RATE_LINE =
  /^\s+(enqueue|single add|lease\+complete)\s+([\d,]+) in ([\d.]+) s wall \/ ([\d.]+) s CPU: ([\d,]+)\/s wall, ([\d,]+)\/s per CPU-second \((.*)\)$/;
const RSS_LINE = /RSS\s+at open ([\d.]+) MB, after enqueue ([\d.]+) MB, peak ([\d.]+) MB/;
const DB_LINE = /database\s+([\d.]+) MB on disk/;

export async function runFrontierBench(options: FrontierBenchOptions): Promise<SectionResult> {
  const urls = options.quick ? QUICK_URLS : FULL_URLS;
  const here = dirname(fileURLToPath(import.meta.url));
  const jitiCli = join(
    dirname(createRequire(import.meta.url).resolve("jiti/package.json")),
    "lib",
    "jiti-cli.mjs",
  );
  const script = join(here, "..", "bench-frontier.ts");
  process.stderr.write(`  frontier: ${urls.toLocaleString("en")} URLs…\n`);
  const child = spawnSync(process.execPath, [jitiCli, script, "--urls", String(urls)], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0)
    throw new Error(`bench-frontier.ts failed: ${child.stderr.trim().split("\n").at(-1)}`);
  const lines = child.stdout.split("\n");
  const rows = lines.flatMap((line) => {
    const match = RATE_LINE.exec(line);
    if (!match) return [];
    const [, what, count, wall, cpu, perWall, perCpu, how] = match as unknown as string[];
    return [[what ?? "", count ?? "", wall ?? "", cpu ?? "", perWall ?? "", perCpu ?? "", how ?? ""]];
  });
  const rss = RSS_LINE.exec(child.stdout);
  const db = DB_LINE.exec(child.stdout);
  if (rows.length < 3 || !rss) throw new Error(`unexpected bench-frontier.ts output:\n${child.stdout}`);
  const [, atOpen, afterEnqueue, peak] = rss.map(Number) as number[];
  const goals: GoalCheck[] = [
    {
      goal: `frontier of ${urls.toLocaleString("en")} URLs in ≤ ${RSS_GOAL_MB} MB RSS`,
      figure: `peak ${peak} MB (at open ${atOpen} MB, after enqueue ${afterEnqueue} MB)`,
      met: (peak ?? Number.POSITIVE_INFINITY) <= RSS_GOAL_MB,
    },
  ];
  return {
    section: "frontier",
    title: "Frontier",
    setup: [
      machineLine(),
      `scripts/bench-frontier.ts --urls ${urls} (5,000 hosts, one URL in eight a repeat; lease 50 at a time, complete one by one)`,
    ],
    tables: [
      {
        title: "Rates",
        header: ["operation", "count", "wall s", "CPU s", "per wall-second", "per CPU-second", "how"],
        rows,
      },
    ],
    goals,
    notes: db ? [`database on disk after the run: ${db[1]} MB`] : [],
  };
}
