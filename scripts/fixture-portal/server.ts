/**
 * Serves a fixture portal (`fixtures/portal/` by default, or another folder of the same layout such as
 * `fixtures/portal-b/`) on 127.0.0.1, for the crawl tests and `npm run demo`.
 *
 * A crawler's manners can only be checked from the server's side, so the server keeps a request log (arrival
 * time, method, path, status, request headers) that tests read: robots.txt first, Crawl-delay kept, nothing
 * disallowed or off-site requested, retries spaced as Retry-After asked.
 *
 * Everything that is not a plain static file under `fixtures/portal/site/` is declared in
 * `fixtures/portal/portal.json`: golden article pages mounted from `fixtures/pages/<case>/` (served as their
 * bytes with the `contentType` of their `expected.json`), pages transcoded to GBK with the charset only in
 * the header, redirects, pages that fail the first time, binary files behind `.html` names, and `routes`:
 * HTML files served at dynamic URLs (`/show.php?id=321`), matched on path and query (in any order) first,
 * then on the path alone (`/search` for every query). Text files may say `{{origin}}`, `{{host}}` and
 * `{{crawlDelaySec}}`, filled in per server (the port is only known at start).
 *
 * @example
 *   const portal = await startFixturePortal({ crawlDelaySec: 0.1 });
 *   // crawl portal.url …
 *   expect(portal.requestLog[0]?.path).toBe("/robots.txt");
 *   await portal.close();
 *
 * Standalone: `npx jiti scripts/fixture-portal/server.ts [port] [portal folder]` serves until Ctrl-C and logs each request.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import iconv from "iconv-lite";

export interface FixturePortalOptions {
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** The `Crawl-delay` robots.txt announces, in seconds. @default portal.json's `crawlDelaySec` */
  crawlDelaySec?: number;
  /** The portal's folder (holding `portal.json`, `site/`, `expected-records.json`). @default `portalDir` */
  dir?: string;
}

export interface PortalRequest {
  /** Epoch ms when the request arrived. */
  at: number;
  method: string;
  /** Path and query as requested. */
  path: string;
  status: number;
  headers: IncomingHttpHeaders;
}

export interface FixturePortal {
  /** `http://127.0.0.1:<port>/`, the home page. */
  url: string;
  origin: string;
  requestLog: PortalRequest[];
  close(): Promise<void>;
}

interface PortalManifest {
  crawlDelaySec: number;
  mounts: Record<string, string>;
  gbk: string[];
  redirects: Record<string, string>;
  failFirst: Record<string, { status: number; retryAfterSec?: number }>;
  binary: Record<string, { file: string; contentType: string }>;
  /** URL (path, or path and query) → HTML file under `site/`. */
  routes: Record<string, string>;
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export const portalDir = fileURLToPath(new URL("../../fixtures/portal/", import.meta.url));
/** The second portal, unlike the first in URL shapes and page styles (see its expected-records.json). */
export const portalBDir = fileURLToPath(new URL("../../fixtures/portal-b/", import.meta.url));
const pagesDir = fileURLToPath(new URL("../../fixtures/pages/", import.meta.url));

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".shtml": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".pdf": "application/pdf",
};

export function loadPortalManifest(dir: string = portalDir): PortalManifest {
  const manifest = JSON.parse(readFileSync(join(dir, "portal.json"), "utf8")) as Partial<PortalManifest>;
  const routes: Record<string, string> = {};
  for (const [target, file] of Object.entries(manifest.routes ?? {})) routes[routeKey(target)] = file;
  return {
    crawlDelaySec: manifest.crawlDelaySec ?? 0,
    mounts: manifest.mounts ?? {},
    gbk: manifest.gbk ?? [],
    redirects: manifest.redirects ?? {},
    failFirst: manifest.failFirst ?? {},
    binary: manifest.binary ?? {},
    routes,
  };
}

/** Path plus sorted query, so `?a=1&b=2` and `?b=2&a=1` find the same route. */
function routeKey(target: string): string {
  const url = new URL(target, "http://portal");
  url.searchParams.sort();
  return decodeURIComponent(url.pathname) + url.search;
}

export async function startFixturePortal(options: FixturePortalOptions = {}): Promise<FixturePortal> {
  const dir = options.dir ?? portalDir;
  const siteDir = join(dir, "site");
  const manifest = loadPortalManifest(dir);
  const crawlDelaySec = options.crawlDelaySec ?? manifest.crawlDelaySec;
  const requestLog: PortalRequest[] = [];
  const failuresServed = new Set<string>();
  let origin = "";

  const server = createServer((request, response) => {
    const at = Date.now();
    const target = request.url ?? "/";
    const path = safePath(target);
    const reply = path === null ? notFound() : route(path, target);
    requestLog.push({
      at,
      method: request.method ?? "GET",
      path: target,
      status: reply.status,
      headers: request.headers,
    });
    send(response, reply, request.method === "HEAD");
  });

  function route(path: string, target: string): Reply {
    const failure = manifest.failFirst[path];
    if (failure && !failuresServed.has(path)) {
      failuresServed.add(path);
      const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" };
      if (failure.retryAfterSec !== undefined) headers["retry-after"] = String(failure.retryAfterSec);
      return { status: failure.status, headers, body: Buffer.from("<html><body>请稍后再试</body></html>") };
    }
    const redirect = manifest.redirects[path];
    if (redirect) return { status: 301, headers: { location: redirect }, body: new Uint8Array() };
    const mounted = manifest.mounts[path];
    if (mounted) return mountedCase(mounted);
    const routed = manifest.routes[routeKey(target)] ?? manifest.routes[path];
    if (routed)
      return fileReply(join(siteDir, routed), contentTypes[".html"] as string, (b) => Buffer.from(fill(b)));
    const binary = manifest.binary[path];
    if (binary) return fileReply(join(siteDir, binary.file), binary.contentType, (bytes) => bytes);
    const file = join(siteDir, path.endsWith("/") ? `${path}index.html` : path);
    if (manifest.gbk.includes(path)) {
      return fileReply(file, "text/html; charset=gbk", (bytes) => iconv.encode(fill(bytes), "gbk"));
    }
    const type = contentTypes[extname(file)] ?? "application/octet-stream";
    return fileReply(file, type, (bytes) =>
      type.startsWith("application/pdf") ? bytes : Buffer.from(fill(bytes)),
    );
  }

  function fill(bytes: Uint8Array): string {
    return Buffer.from(bytes)
      .toString("utf8")
      .replaceAll("{{origin}}", origin)
      .replaceAll("{{host}}", new URL(origin).host)
      .replaceAll("{{crawlDelaySec}}", String(crawlDelaySec));
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    requestLog,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The decoded path without query or fragment, or null when it tries to climb out of the site folder. */
function safePath(target: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(target, "http://portal").pathname);
  } catch {
    return null;
  }
  const cleaned = normalize(pathname);
  return cleaned.startsWith("/") && !cleaned.includes("..") ? cleaned : null;
}

/** A golden page case, or a 404 when the case is gone (so a test fails on its records, not on a crash). */
function mountedCase(caseName: string): Reply {
  const dir = join(pagesDir, caseName);
  try {
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as { contentType?: string };
    const headers: Record<string, string> = {};
    if (expected.contentType !== undefined) headers["content-type"] = expected.contentType;
    return { status: 200, headers, body: readFileSync(join(dir, "page.html")) };
  } catch {
    return notFound();
  }
}

function fileReply(file: string, contentType: string, transform: (bytes: Uint8Array) => Uint8Array): Reply {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return notFound();
  }
  return { status: 200, headers: { "content-type": contentType }, body: transform(bytes) };
}

function notFound(): Reply {
  const body = Buffer.from(
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 页面不存在</title></head>' +
      '<body><h1>404</h1><p>您访问的页面不存在或已被删除。</p><p><a href="/">返回首页</a></p></body></html>',
  );
  return { status: 404, headers: { "content-type": "text/html; charset=utf-8" }, body };
}

function send(response: ServerResponse, reply: Reply, headOnly: boolean): void {
  response.writeHead(reply.status, { ...reply.headers, "content-length": String(reply.body.length) });
  response.end(headOnly ? undefined : reply.body);
}

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const portal = await startFixturePortal({ port, ...(process.argv[3] ? { dir: process.argv[3] } : {}) });
  let logged = 0;
  const timer = setInterval(() => {
    for (const entry of portal.requestLog.slice(logged)) {
      process.stdout.write(
        `${new Date(entry.at).toISOString()} ${entry.status} ${entry.method} ${entry.path}\n`,
      );
    }
    logged = portal.requestLog.length;
  }, 200);
  process.stdout.write(`fixture portal on ${portal.url} (Ctrl-C to stop)\n`);
  const stop = () => {
    clearInterval(timer);
    void portal.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
