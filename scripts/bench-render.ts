/**
 * How many pages per second one browser renders: the figure behind `--render auto` rendering only the
 * pages that need it.
 *
 * Serves the render fixture pages (`fixtures/render/`: DedeCMS count.php, PHPCMS hits span, a page built
 * in the browser, a static page) on 127.0.0.1, fetches each once over HTTP, then renders them round-robin
 * with one `BrowserFetcher` per pool size, as the crawl does (bytes served from memory, subrequests sent to
 * the local server with no politeness delay, so the figure is the browser's own cost). For comparison it
 * also times fetching the same pages over HTTP. Browser start-up is reported on its own and not counted.
 *
 *   npx jiti scripts/bench-render.ts [--pages 40] [--pools 1,2,4]
 */
import { BrowserFetcher } from "../src/fetch/browser-fetcher.js";
import { HttpFetcher } from "../src/fetch/http-fetcher.js";
import type { Page } from "../src/fetch/page.js";
import { renderFixturePages, startRenderSite } from "../test/render/render-site.js";

function flag(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const pageCount = Number(flag("pages", "40"));
const pools = flag("pools", "1,2,4")
  .split(",")
  .map((value) => Number(value));

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function main(): Promise<void> {
  const site = await startRenderSite();
  const http = new HttpFetcher();
  try {
    const pages: Page[] = [];
    const fetchStarted = performance.now();
    for (let i = 0; i < pageCount; i++) {
      const fixture = renderFixturePages[i % renderFixturePages.length];
      if (!fixture) continue;
      const result = await http.fetch(`${site.origin}${fixture.path}`);
      if (!result.ok) throw new Error(`${fixture.path}: ${result.kind} ${result.reason}`);
      pages.push(result.page);
    }
    const fetchSeconds = (performance.now() - fetchStarted) / 1000;
    console.log(`HTTP fetch, one at a time: ${(pages.length / fetchSeconds).toFixed(1)} pages/s`);

    for (const poolSize of pools) {
      const browser = new BrowserFetcher({ poolSize, notice: () => undefined });
      try {
        const launchStarted = performance.now();
        const warm = await browser.render(pages[0] as Page);
        if (!warm.ok) throw new Error(`render failed: ${warm.kind}: ${warm.reason}`);
        const launchMs = performance.now() - launchStarted;

        const perKind = new Map<string, number[]>();
        let failed = 0;
        let next = 0;
        const started = performance.now();
        // As many renders in flight as the pool has tabs, like a crawl with enough pages queued.
        const worker = async (): Promise<void> => {
          for (let i = next++; i < pages.length; i = next++) {
            const t0 = performance.now();
            const result = await browser.render(pages[i] as Page);
            if (!result.ok) failed++;
            const kind = renderFixturePages[i % renderFixturePages.length]?.kind ?? "?";
            perKind.set(kind, [...(perKind.get(kind) ?? []), performance.now() - t0]);
          }
        };
        await Promise.all(Array.from({ length: poolSize }, worker));
        const seconds = (performance.now() - started) / 1000;
        const kinds = [...perKind].map(([kind, ms]) => `${kind} ${median(ms).toFixed(0)} ms`).join(", ");
        console.log(
          `pool ${poolSize}: ${(pages.length / seconds).toFixed(2)} rendered pages/s over ${pages.length} pages ` +
            `(${failed} failed; first render incl. browser start ${launchMs.toFixed(0)} ms; median per page: ${kinds})`,
        );
      } finally {
        await browser.close();
      }
    }
  } finally {
    await http.close();
    await site.close();
  }
}

await main();
