/**
 * When a rendered page is read (`src/fetch/browser-settle.ts`): after the work its scripts started has
 * ended, counted in the page, not after a fixed quiet period. Pages written here, served from memory at the
 * render fixture site's origin, whose counter endpoint answers the requests they make.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserFetcher } from "../../src/fetch/browser-fetcher.js";
import type { Page } from "../../src/fetch/page.js";
import { type RenderSite, startRenderSite } from "./render-site.js";

const COUNTER = "/api.php?op=count&id=12&modelid=1"; // answers {"hits":"1368"}

let site: RenderSite;
let browser: BrowserFetcher;

beforeAll(async () => {
  site = await startRenderSite();
  browser = new BrowserFetcher();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

function pageWithScript(path: string, script: string): Page {
  const html =
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>' +
    `<p>点击：<span id="hits">0</span></p><script>${script}</script></body></html>`;
  const url = `${site.origin}${path}`;
  return {
    requestedUrl: url,
    url,
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8" },
    body: new TextEncoder().encode(html),
    fetchedAt: new Date(),
    rendered: false,
  };
}

async function renderedHits(page: Page, fetcher = browser): Promise<string | undefined> {
  const result = await fetcher.render(page);
  if (!result.ok) throw new Error(`render failed: ${result.kind}: ${result.reason}`);
  return /<span id="hits">([^<]*)<\/span>/.exec(new TextDecoder().decode(result.page.body))?.[1];
}

describe("a rendered page is read once its scripts' work has ended", () => {
  it("waits for a counter fetched by a timer set after load, through fetch and its body", async () => {
    // 400 ms of silence after load: a fixed 300 ms quiet period read the page before the request was made.
    const script =
      'addEventListener("load", () => setTimeout(() => fetch("' +
      COUNTER +
      '").then((r) => r.json()).then((d) => { document.getElementById("hits").textContent = d.hits; }), 400));';
    expect(await renderedHits(pageWithScript("/settle/timer-fetch.html", script))).toBe("1368");
  });

  it("waits for an XHR chained from another XHR's handler", async () => {
    const script =
      "function get(then) { var x = new XMLHttpRequest(); x.open('GET', '" +
      COUNTER +
      "'); x.onload = function () { then(JSON.parse(x.responseText)); }; x.send(); }" +
      "get(function () { setTimeout(function () { get(function (d) { document.getElementById('hits').innerHTML = d.hits; }); }, 150); });";
    expect(await renderedHits(pageWithScript("/settle/xhr-chain.html", script))).toBe("1368");
  });

  it("waits for a script element inserted by a script (JSONP style)", async () => {
    // The DedeCMS counter answers `document.write('4821')`; here its body is read into the page instead.
    const script =
      "var s = document.createElement('script'); s.src = '/plus/count.php?view=yes&aid=17&mid=1';" +
      "document.write = function (text) { document.getElementById('hits').textContent = text; };" +
      "setTimeout(function () { document.body.appendChild(s); }, 100);";
    expect(await renderedHits(pageWithScript("/settle/script-element.html", script))).toBe("4821");
  });

  it("does not wait for work that never ends: an interval and a self-rearming animation timer", async () => {
    const script =
      "setInterval(function () {}, 50);" +
      "(function spin() { setTimeout(spin, 16); })();" +
      'setTimeout(() => fetch("' +
      COUNTER +
      '").then((r) => r.json()).then((d) => { document.getElementById("hits").textContent = d.hits; }), 200);';
    // No settle cap within the render timeout: a settle waiting for the endless timers fails the render.
    const uncapped = new BrowserFetcher({ renderTimeoutMs: 15_000, settleCapMs: 60_000 });
    try {
      expect(await renderedHits(pageWithScript("/settle/endless.html", script), uncapped)).toBe("1368");
    } finally {
      await uncapped.close();
    }
  });
});
