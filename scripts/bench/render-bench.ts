/**
 * Rendering throughput with one browser: the render fixture pages (DedeCMS count.php, PHPCMS hits span, a
 * page built in the browser, a static page; `fixtures/render/`) served on 127.0.0.1, fetched once over HTTP,
 * then rendered by one `BrowserFetcher` per pool size (tabs of one Chromium) with as many renders in flight
 * as it has tabs, as a crawl with enough pages queued does. Subrequests go to the local server with no
 * politeness delay, so the figure is the browser's own cost; browser start-up is not counted. Pages are
 * rendered the default way (each written into a frame of a host document at its origin) and, for
 * comparison, by navigating the tab to each (`frames: false`, how caiji rendered before).
 *
 * Wall pages/s depends on what else the machine runs, so each pool also gets the CPU time of the render,
 * node and every Chromium process together (from /proc), per page: the figure to compare across runs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { BrowserFetcher } from "../../src/fetch/browser-fetcher.js";
import { HttpFetcher } from "../../src/fetch/http-fetcher.js";
import type { Page } from "../../src/fetch/page.js";
import { renderFixturePages, startRenderSite } from "../../test/render/render-site.js";
import { fmt, type GoalCheck, machineLine, type SectionResult, stopwatch } from "./measure.js";

export interface RenderBenchOptions {
  quick: boolean;
}

const PAGES_GOAL = 8;
/** BrowserFetcher's default pool size. */
const DEFAULT_TABS = 2;
const CLOCK_TICKS_PER_SECOND = 100;

interface PoolRun {
  tabs: number;
  frames: boolean;
  pagesPerSecond: number;
  cpuMsPerPage: number | null;
  chromiumCpuMsPerPage: number | null;
  failed: number;
  firstRenderMs: number;
  medians: string;
}

export async function runRenderBench(options: RenderBenchOptions): Promise<SectionResult> {
  const pageCount = options.quick ? 40 : 120;
  const pools = options.quick ? [1, 2] : [1, 2, 3, 4];
  const navigationPools = options.quick ? [] : [1, 2];
  process.stderr.write(`  render: ${pageCount} pages, pools ${pools.join(",")}…\n`);
  const machine = machineLine();
  const site = await startRenderSite();
  const http = new HttpFetcher();
  const runs: PoolRun[] = [];
  try {
    const pages: Page[] = [];
    for (let i = 0; i < pageCount; i++) {
      const fixture = renderFixturePages[i % renderFixturePages.length];
      if (!fixture) continue;
      const result = await http.fetch(`${site.origin}${fixture.path}`);
      if (!result.ok) throw new Error(`${fixture.path}: ${result.kind} ${result.reason}`);
      pages.push(result.page);
    }
    for (const tabs of pools) runs.push(await renderWithPool(pages, tabs, true));
    for (const tabs of navigationPools) runs.push(await renderWithPool(pages, tabs, false));
  } finally {
    await http.close();
    await site.close();
  }

  const framed = runs.filter((run) => run.frames);
  const best = framed.reduce((a, b) => (b.pagesPerSecond > a.pagesPerSecond ? b : a));
  const defaultPool = framed.find((run) => run.tabs === DEFAULT_TABS);
  const cpuMs = framed.map((run) => run.cpuMsPerPage).filter((ms): ms is number => ms !== null);
  const leastCpu = cpuMs.length > 0 ? Math.min(...cpuMs) : null;
  const goals: GoalCheck[] = [
    {
      goal: `rendering ≥ ${PAGES_GOAL} pages/s with one browser`,
      figure:
        `${fmt(best.pagesPerSecond, 2)} pages/s wall with ${best.tabs} tabs` +
        (defaultPool && defaultPool !== best
          ? ` (${fmt(defaultPool.pagesPerSecond, 2)} with the default ${DEFAULT_TABS})`
          : "") +
        (leastCpu !== null
          ? `; ${fmt(leastCpu, 0)} ms of CPU per page (node + Chromium), i.e. ${fmt(1000 / leastCpu, 1)} pages per CPU-second, ${fmt(2000 / leastCpu, 1)} pages/s on two free cores`
          : ""),
      met: best.pagesPerSecond >= PAGES_GOAL,
    },
  ];
  return {
    section: "render",
    title: "Rendering",
    setup: [
      machine,
      `${pageCount} renders of the 4 render fixtures (DedeCMS count.php, PHPCMS hits span, page built in the browser, static page) per pool size, one Chromium, browser start-up not counted`,
    ],
    tables: [
      {
        title: "Pages per second by pool size (tabs in one browser)",
        header: [
          "tabs",
          "each page",
          "pages/s (wall)",
          "CPU ms/page (all)",
          "of which Chromium",
          "failed",
          "first render ms",
          "median per page",
        ],
        rows: runs.map((run) => [
          String(run.tabs),
          run.frames ? "in a frame" : "navigated to",
          fmt(run.pagesPerSecond, 2),
          run.cpuMsPerPage === null ? "–" : fmt(run.cpuMsPerPage, 0),
          run.chromiumCpuMsPerPage === null ? "–" : fmt(run.chromiumCpuMsPerPage, 0),
          String(run.failed),
          fmt(run.firstRenderMs, 0),
          run.medians,
        ]),
      },
    ],
    goals,
    notes: [
      "the wall figure shares two cores with whatever else runs (see the load average); the CPU figure does not",
      "“navigated to”: the tab navigates to each page (`frames: false`), which costs Chromium about 110 ms of CPU per page even for an empty one; “in a frame” (the default) writes each page into a new frame of a host document at its origin (src/fetch/browser-frame.ts)",
    ],
  };
}

async function renderWithPool(pages: Page[], tabs: number, frames: boolean): Promise<PoolRun> {
  const browser = new BrowserFetcher({ poolSize: tabs, frames, notice: () => undefined });
  try {
    const launch = stopwatch();
    const warm = await browser.render(pages[0] as Page);
    if (!warm.ok) throw new Error(`render failed: ${warm.kind}: ${warm.reason}`);
    const firstRenderMs = launch.stop().wallMs;
    // Every tab once, so that opening tabs is not counted either.
    await Promise.all(pages.slice(0, tabs).map((page) => browser.render(page)));

    const perKind = new Map<string, number[]>();
    let failed = 0;
    let next = 0;
    const chromiumBefore = descendantsCpuMs();
    const watch = stopwatch();
    const worker = async (): Promise<void> => {
      for (let i = next++; i < pages.length; i = next++) {
        const started = performance.now();
        const result = await browser.render(pages[i] as Page);
        if (!result.ok) failed++;
        const kind = renderFixturePages[i % renderFixturePages.length]?.kind ?? "?";
        perKind.set(kind, [...(perKind.get(kind) ?? []), performance.now() - started]);
      }
    };
    await Promise.all(Array.from({ length: tabs }, worker));
    const span = watch.stop();
    const chromiumAfter = descendantsCpuMs();
    const chromiumMs =
      chromiumBefore !== null && chromiumAfter !== null ? chromiumAfter - chromiumBefore : null;
    return {
      tabs,
      frames,
      pagesPerSecond: (pages.length / span.wallMs) * 1000,
      cpuMsPerPage: chromiumMs === null ? null : (span.cpuMs + chromiumMs) / pages.length,
      chromiumCpuMsPerPage: chromiumMs === null ? null : chromiumMs / pages.length,
      failed,
      firstRenderMs,
      medians: [...perKind].map(([kind, ms]) => `${kind} ${fmt(median(ms), 0)} ms`).join(", "),
    };
  } finally {
    await browser.close();
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** CPU time (user + system, ms) of every live descendant of this process, from /proc; null off Linux. */
function descendantsCpuMs(): number | null {
  try {
    const children = new Map<number, number[]>();
    const ticks = new Map<number, number>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // exited meanwhile
      }
      // After the parenthesised command name: ppid is field 4, utime and stime fields 14 and 15 (1-based).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(entry);
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    }
    let total = 0;
    const stack = [...(children.get(process.pid) ?? [])];
    for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
      total += ticks.get(pid) ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    return (total * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
