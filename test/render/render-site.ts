/**
 * The render fixture site (`fixtures/render/`) on 127.0.0.1: files from `site/`, the counter endpoints of
 * `counters.json`, and a log of every request, so tests can check that a rendered page's document was
 * fetched once and that counters were asked for exactly when a page was rendered. Used by the render tests
 * and by the render section of `npm run bench` (`scripts/bench/render-bench.ts`).
 *
 * @example
 *   const site = await startRenderSite();
 *   await fetch(`${site.origin}/a/20240318/17.html`);
 *   site.requests; // [{ path: "/a/20240318/17.html", at: 1712… }]
 *   await site.close();
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const renderFixtureDir = fileURLToPath(new URL("../../fixtures/render/", import.meta.url));

const countersFile = z.strictObject({
  note: z.string(),
  counters: z.record(
    z.string().startsWith("/"),
    z.strictObject({ contentType: z.string(), body: z.string(), count: z.number().int() }),
  ),
});

const expectedFile = z.strictObject({
  note: z.string(),
  pages: z.array(
    z.strictObject({
      path: z.string().startsWith("/"),
      kind: z.string(),
      needsRender: z.boolean(),
      staticViews: z.number().int().nullable(),
      renderViews: z.number().int().nullable(),
      title: z.string(),
    }),
  ),
});

export type RenderFixturePage = z.infer<typeof expectedFile>["pages"][number];

export type RenderCounters = z.infer<typeof countersFile>["counters"];

/** A render fixture: `site/` files, `counters.json` endpoints and `expected.json` pages under `dir`. */
export interface RenderFixture {
  dir: string;
  counters: RenderCounters;
  pages: RenderFixturePage[];
}

export function loadRenderFixture(dir: string): RenderFixture {
  return {
    dir,
    counters: countersFile.parse(JSON.parse(readFileSync(join(dir, "counters.json"), "utf8"))).counters,
    pages: expectedFile.parse(JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"))).pages,
  };
}

const mainFixture = loadRenderFixture(renderFixtureDir);

export const renderCounters = mainFixture.counters;

export const renderFixturePages: RenderFixturePage[] = mainFixture.pages;

/** Counter variants an outside check might build (`fixtures/render/variants/`). */
export const variantsFixtureDir = join(renderFixtureDir, "variants");

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface LoggedRequest {
  /** Path and query as requested. */
  path: string;
  at: number;
  headers: IncomingHttpHeaders;
}

export interface RenderSite {
  origin: string;
  requests: LoggedRequest[];
  /** How many times `path` (with its query) was requested. */
  count(path: string): number;
  close(): Promise<void>;
}

export interface RenderSiteOptions {
  /** Delay before answering a counter endpoint, in ms (a slow statistics backend). @default 0 */
  counterDelayMs?: number;
  /** The fixture to serve. @default the main render fixture (`fixtures/render/`) */
  fixture?: RenderFixture;
  /** Served as /robots.txt instead of the fixture's own. */
  robotsTxt?: string;
}

export async function startRenderSite(options: RenderSiteOptions = {}): Promise<RenderSite> {
  const fixture = options.fixture ?? mainFixture;
  const siteDir = join(fixture.dir, "site");
  const requests: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ path, at: Date.now(), headers: req.headers });
    if (path === "/robots.txt" && options.robotsTxt !== undefined) {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(options.robotsTxt);
      return;
    }
    const counter = fixture.counters[path];
    if (counter) {
      setTimeout(() => {
        res.writeHead(200, { "content-type": counter.contentType, "cache-control": "no-store" });
        res.end(counter.body);
      }, options.counterDelayMs ?? 0);
      return;
    }
    const pathname = decodeURIComponent(new URL(path, "http://x").pathname);
    const file = normalize(join(siteDir, pathname.endsWith("/") ? `${pathname}index.html` : pathname));
    if (!file.startsWith(siteDir)) {
      res.writeHead(403).end();
      return;
    }
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end("<h1>404 Not Found</h1>");
      return;
    }
    let contentType = contentTypes[extname(file)] ?? "application/octet-stream";
    // A page in a legacy charset is served as such servers do: with no charset in the header.
    if (/charset=["']?gb/i.test(body.subarray(0, 1024).toString("latin1"))) contentType = "text/html";
    res.writeHead(200, { "content-type": contentType });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    count: (path) => requests.filter((request) => request.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
