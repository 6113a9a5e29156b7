/**
 * BrowserFetcher against the render fixture site on 127.0.0.1 and a real Chromium (installed by `.ci/run`).
 * The fetched page is rendered from memory; what the counters serve must come out of the extractor.
 */
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExtractError, extractRecord } from "../../src/extract/extract-record.js";
import { BrowserFetcher, type RenderResult } from "../../src/fetch/browser-fetcher.js";
import { findBrowser } from "../../src/fetch/find-browser.js";
import { HttpFetcher } from "../../src/fetch/http-fetcher.js";
import type { Page } from "../../src/fetch/page.js";
import { type RenderSite, renderCounters, renderFixturePages, startRenderSite } from "./render-site.js";

let site: RenderSite;
const http = new HttpFetcher();
const scheduled: string[] = [];
const notices: string[] = [];
let browser: BrowserFetcher;

beforeAll(async () => {
  site = await startRenderSite();
  browser = new BrowserFetcher({
    notice: (line) => notices.push(line),
    scheduleSubrequest: async (url, send) => {
      scheduled.push(new URL(url).pathname + new URL(url).search);
      await send();
    },
  });
});

afterAll(async () => {
  await browser?.close();
  await http.close();
  await site?.close();
});

async function fetchPage(path: string): Promise<Page> {
  const result = await http.fetch(`${site.origin}${path}`);
  if (!result.ok) throw new Error(`${path}: ${result.kind} ${result.reason}`);
  return result.page;
}

function renderedPage(result: RenderResult): Page {
  if (!result.ok) throw new Error(`render failed: ${result.kind}: ${result.reason}`);
  return result.page;
}

const utf8 = (page: Page) => new TextDecoder().decode(page.body);

/** Views of the page as fetched; a shell with no text at all has no record, hence none. */
function staticViews(page: Page): number | null {
  try {
    return extractRecord(page).views;
  } catch (error) {
    if (error instanceof ExtractError && error.kind === "no-content") return null;
    throw error;
  }
}

describe("BrowserFetcher on the fixture pages", () => {
  it("finds a browser on this machine (CI installs Debian's chromium)", () => {
    const found = findBrowser();
    expect(found.executablePath, "message" in found ? found.message : "").not.toBeNull();
  });

  it.each(renderFixturePages)(
    "$kind ($path): the rendered record shows $renderViews views",
    async (fixture) => {
      const fetched = await fetchPage(fixture.path);
      expect(staticViews(fetched)).toBe(fixture.staticViews);

      const page = renderedPage(await browser.render(fetched));
      expect(page.rendered).toBe(true);
      expect(page.url).toBe(fetched.url);
      expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(utf8(page).replace(/(\d),(\d)/g, "$1$2")).toContain(String(fixture.renderViews));

      const record = extractRecord(page);
      expect(record.views).toBe(fixture.renderViews);
      expect(record.title).toBe(fixture.title);
      expect(record.fetch.rendered).toBe(true);
      expect(record.fetch.charset).toBe("utf-8");
      // The browser was served the fetched bytes: the document went over the network once, for the fetch.
      expect(site.count(fixture.path)).toBe(1);
    },
  );

  it("sends the counter requests through the subrequest scheduler, each once", () => {
    for (const counter of Object.keys(renderCounters)) {
      expect(scheduled.filter((path) => path === counter)).toHaveLength(1);
      expect(site.count(counter)).toBe(1);
    }
    expect(scheduled).toContain("/static/js/app.js");
    expect(scheduled).toContain("/api/article/7.json");
    // Documents never go through the scheduler: they come from memory.
    for (const fixture of renderFixturePages) expect(scheduled).not.toContain(fixture.path);
  });

  it("blocks stylesheets and images: they never reach the server", () => {
    expect(site.count("/templets/default/style/dedecms.css")).toBe(0);
    expect(site.count("/templets/default/images/logo.gif")).toBe(0);
    expect(site.count("/static/css/app.css")).toBe(0);
    expect(browser.stats().blocked).toBeGreaterThanOrEqual(3);
  });

  it("started one browser for all of it, and said which", () => {
    expect(browser.browserStarts).toBe(1);
    expect(notices.filter((line) => line.startsWith("rendering with Chromium"))).toHaveLength(1);
  });

  it("renders more pages than the pool has tabs, all at once", async () => {
    const pages = await Promise.all(renderFixturePages.map((fixture) => fetchPage(fixture.path)));
    const results = await Promise.all(pages.map((page) => browser.render(page)));
    const views = results.map((result) => extractRecord(renderedPage(result)).views);
    expect(views).toEqual(renderFixturePages.map((fixture) => fixture.renderViews));
    expect(browser.browserStarts).toBe(1);
  });

  it("reads a GBK page with a lying header in the charset caiji decoded it with", async () => {
    const html =
      '<html><head><meta charset="gb2312"><title>测试</title></head><body><h1>春季农资供应充足</h1>' +
      '<p>阅读：<script src="/plus/count.php?view=yes&aid=17&mid=1"></script>次</p></body></html>';
    const page: Page = {
      requestedUrl: `${site.origin}/gbk/1.html`,
      url: `${site.origin}/gbk/1.html`,
      status: 200,
      headers: { "content-type": "text/html; charset=iso-8859-1" },
      body: iconv.encode(html, "gbk"),
      fetchedAt: new Date(),
      rendered: false,
    };
    const rendered = utf8(renderedPage(await browser.render(page)));
    expect(rendered).toContain("春季农资供应充足");
    expect(rendered).toContain("4821");
    expect(rendered).toContain('<meta charset="utf-8">');
    expect(site.count("/gbk/1.html")).toBe(0);
  });
});

describe("BrowserFetcher when a request must wait or is refused", () => {
  it("leaves the counter empty when the scheduler refuses it, and never sends it", async () => {
    const refusing = new BrowserFetcher({ scheduleSubrequest: async () => undefined });
    try {
      const before = site.count("/plus/count.php?view=yes&aid=17&mid=1");
      const page = renderedPage(await refusing.render(await fetchPage("/a/20240318/17.html")));
      expect(extractRecord(page).views).toBeNull();
      expect(site.count("/plus/count.php?view=yes&aid=17&mid=1")).toBe(before);
    } finally {
      await refusing.close();
    }
  });

  it("adds the site's own headers to the page's requests (an adapter's cookie or token)", async () => {
    const withHeaders = new BrowserFetcher({
      headersFor: (url): Record<string, string> =>
        new URL(url).pathname === "/plus/count.php" ? { "x-site-token": "t-17" } : {},
    });
    try {
      const before = site.requests.length;
      const page = renderedPage(await withHeaders.render(await fetchPage("/a/20240318/17.html")));
      expect(extractRecord(page).views).toBe(4821);
      const counter = site.requests
        .slice(before)
        .find((request) => request.path.startsWith("/plus/count.php"));
      expect(counter?.headers["x-site-token"]).toBe("t-17");
      // The browser's own headers are kept beside it.
      expect(counter?.headers.referer).toContain("/a/20240318/17.html");
    } finally {
      await withHeaders.close();
    }
  });

  it("gives up after the render timeout with a timeout failure, and renders again afterwards", async () => {
    // Holds every subrequest until the test opens the gate: only the render timeout can end that render.
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    let stall = true;
    const stalling = new BrowserFetcher({
      // Generous enough for the re-render below on a loaded CI machine, short enough to show the timeout.
      renderTimeoutMs: 4_000,
      poolSize: 1,
      scheduleSubrequest: async (_url, send) => {
        if (stall) await gate;
        else await send();
      },
    });
    try {
      // The first render starts the browser, which the render timeout does not cover; this page makes no
      // request the scheduler could hold.
      expect((await stalling.render(await fetchPage("/a/20240317/16.html"))).ok).toBe(true);
      const fetched = await fetchPage("/a/20240318/17.html");
      const started = Date.now();
      const result = await stalling.render(fetched);
      const elapsedMs = Date.now() - started;
      expect(result.ok ? null : result.kind).toBe("timeout");
      // Timers run late on a busy machine; the bound only has to show the render did not wait for the gate.
      expect(elapsedMs, `render returned after ${elapsedMs} ms`).toBeLessThan(15_000);
      stall = false;
      const again = renderedPage(await stalling.render(fetched));
      expect(extractRecord(again).views).toBe(4821);
    } finally {
      openGate();
      await stalling.close();
    }
  });
});

describe("BrowserFetcher without a browser", () => {
  it("reports unavailable, says so once, starts nothing, and callers go on", async () => {
    const lines: string[] = [];
    const none = new BrowserFetcher({
      notice: (line) => lines.push(line),
      search: {
        env: { CAIJI_CHROMIUM: "/nonexistent/chromium" },
        systemPaths: [],
        playwrightPath: () => null,
      },
    });
    const page = await fetchPage("/a/20240317/16.html");
    const first = await none.render(page);
    const second = await none.render(page);
    expect(first).toMatchObject({ ok: false, kind: "unavailable" });
    expect(second).toMatchObject({ ok: false, kind: "unavailable" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("apt-get install chromium");
    expect(lines[0]).toContain("CAIJI_CHROMIUM");
    expect(none.browserStarts).toBe(0);
    await none.close();
  });

  it("does not start a browser before the first render", async () => {
    const lazy = new BrowserFetcher();
    expect(lazy.browserStarts).toBe(0);
    await lazy.close();
    expect(lazy.browserStarts).toBe(0);
  });
});
