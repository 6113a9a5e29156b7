/**
 * Rendering throughput with one browser, measured by the render engineer's `scripts/bench-render.ts` (the
 * render fixture pages served on 127.0.0.1, rendered round-robin by one `BrowserFetcher` per pool size,
 * browser start-up not counted), run in a process of its own. This section reads its report lines into the
 * suite's table, adds the CPU time of the whole run (node and Chromium together) and checks the goal.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  fmt,
  type GoalCheck,
  machineLine,
  reapedChildrenCpuMs,
  type SectionResult,
  stopwatch,
} from "./measure.js";

export interface RenderBenchOptions {
  quick: boolean;
}

const PAGES_GOAL = 8;
/** `pool 2: 5.43 rendered pages/s over 40 pages (0 failed; first render incl. browser start 2113 ms; median per page: …)` */
const POOL_LINE =
  /^pool (\d+): ([\d.]+) rendered pages\/s over (\d+) pages \((\d+) failed; first render incl\. browser start (\d+) ms; median per page: (.*)\)$/;
const HTTP_LINE = /^HTTP fetch, one at a time: ([\d.]+) pages\/s/;

export async function runRenderBench(options: RenderBenchOptions): Promise<SectionResult> {
  const pages = options.quick ? 16 : 40;
  const pools = options.quick ? "1,2" : "1,2,4";
  const here = dirname(fileURLToPath(import.meta.url));
  const jitiCli = join(
    dirname(createRequire(import.meta.url).resolve("jiti/package.json")),
    "lib",
    "jiti-cli.mjs",
  );
  process.stderr.write(`  render: ${pages} pages, pools ${pools}…\n`);
  const cpuBefore = reapedChildrenCpuMs();
  const watch = stopwatch();
  const child = spawnSync(
    process.execPath,
    [jitiCli, join(here, "..", "bench-render.ts"), "--pages", String(pages), "--pools", pools],
    { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  const wallMs = watch.stop().wallMs;
  const cpuAfter = reapedChildrenCpuMs();
  if (child.status !== 0)
    throw new Error(`bench-render.ts failed: ${child.stderr.trim().split("\n").at(-1)}`);
  const rows = child.stdout.split("\n").flatMap((line) => {
    const match = POOL_LINE.exec(line.trim());
    if (!match) return [];
    const [, pool, rate, count, failed, launchMs, medians] = match as unknown as string[];
    return [[pool ?? "", rate ?? "", count ?? "", failed ?? "", launchMs ?? "", medians ?? ""]];
  });
  if (rows.length === 0) throw new Error(`unexpected bench-render.ts output:\n${child.stdout}`);
  const best = rows.reduce((a, b) => (Number(b[1]) > Number(a[1]) ? b : a));
  const httpRate = HTTP_LINE.exec(child.stdout)?.[1];
  const cpuMs = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  const goals: GoalCheck[] = [
    {
      goal: `rendering ≥ ${PAGES_GOAL} pages/s with one browser`,
      figure: `${best[1]} pages/s with ${best[0]} tabs (BrowserFetcher's default pool is 2: ${rows.find((row) => row[0] === "2")?.[1] ?? "–"} pages/s)`,
      met: Number(best[1]) >= PAGES_GOAL,
    },
  ];
  return {
    section: "render",
    title: "Rendering",
    setup: [
      machineLine(),
      `scripts/bench-render.ts --pages ${pages} --pools ${pools}: the render fixtures (DedeCMS count.php, PHPCMS hits span, page built in the browser, static page), one Chromium`,
    ],
    tables: [
      {
        title: "Pages per second by pool size (tabs in one browser)",
        header: ["tabs", "pages/s (wall)", "pages", "failed", "first render ms", "median per page"],
        rows,
      },
    ],
    goals,
    notes: [
      ...(httpRate ? [`the same pages over HTTP, one at a time: ${httpRate} pages/s`] : []),
      ...(cpuMs !== null
        ? [`whole run: ${fmt(wallMs / 1000)} s wall, ${fmt(cpuMs / 1000)} s CPU (node and Chromium together)`]
        : []),
    ],
  };
}
