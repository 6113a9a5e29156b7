import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultUserAgent, HttpFetcher, notHtmlReason, parseRetryAfterMs } from "./http-fetcher.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const html = "<!doctype html><html><head><title>t</title></head><body><p>你好</p></body></html>";
const routes: Record<string, Handler> = {
  "/ok": (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "X-Custom": "Yes" });
    res.end(html);
  },
  "/echo-headers": (req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(JSON.stringify(req.headers));
  },
  "/etag": (req, res) => {
    if (req.headers["if-none-match"] === '"v1"') {
      res.writeHead(304, { etag: '"v1"' });
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html", etag: '"v1"' });
    res.end(html);
  },
  "/r1": (_req, res) => redirect(res, 301, "/r2"),
  "/r2": (_req, res) => redirect(res, 302, "r3?x=1"),
  "/r3": (_req, res) => redirect(res, 307, "/ok"),
  "/loop-a": (_req, res) => redirect(res, 302, "/loop-b"),
  "/loop-b": (_req, res) => redirect(res, 302, "/loop-a"),
  "/cookie-check": (req, res) => {
    if ((req.headers.cookie ?? "").includes("visited=1")) {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<html><body>cookie ${req.headers.cookie}</body></html>`);
      return;
    }
    res.writeHead(302, { location: "/cookie-check", "set-cookie": "visited=1; Path=/; HttpOnly" });
    res.end();
  },
  "/no-location": (_req, res) => {
    res.writeHead(302);
    res.end();
  },
  "/to-ftp": (_req, res) => redirect(res, 302, "ftp://example.com/file"),
  "/pdf": (_req, res) => {
    res.writeHead(200, { "content-type": "application/pdf" });
    res.end("%PDF-1.4 ...");
  },
  "/pdf-as-html": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("%PDF-1.4 binary stuff");
  },
  "/untyped-php-warning": (_req, res) => {
    res.writeHead(200);
    res.end(`Notice: Undefined index: id in /www/index.php on line 3\n${html}`);
  },
  "/text": (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("User-agent: *");
  },
  "/png": (_req, res) => {
    res.writeHead(200, { "content-type": "image/png" });
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  },
  "/robots.txt": (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("User-agent: *\nDisallow: /private\n");
  },
  "/big": (_req, res) => {
    // No Content-Length: the cap must stop the stream itself.
    res.writeHead(200, { "content-type": "text/html", "transfer-encoding": "chunked" });
    const chunk = "x".repeat(16 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < 4 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once("drain", pump);
          return;
        }
      }
      res.end();
    };
    pump();
  },
  "/big-declared": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-length": String(5 * 1024 * 1024) });
    res.end("x".repeat(5 * 1024 * 1024));
  },
  "/gzip": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
    res.end(gzipSync(Buffer.from(html)));
  },
  "/gzip-bomb": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
    res.end(gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20)));
  },
  "/429": (_req, res) => {
    res.writeHead(429, { "retry-after": "7" });
    res.end("slow down");
  },
  "/503-date": (_req, res) => {
    res.writeHead(503, { "retry-after": new Date(Date.now() + 30_000).toUTCString() });
    res.end();
  },
  "/500": (_req, res) => {
    res.writeHead(500);
    res.end();
  },
  "/404": (_req, res) => {
    res.writeHead(404, { "content-type": "text/html" });
    res.end("not found");
  },
  "/slow-headers": (_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(html);
    }, 2000);
  },
  "/slow-body": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html>");
    const timer = setInterval(() => res.write(" "), 100);
    res.on("close", () => clearInterval(timer));
  },
  "/reset": (req) => {
    req.socket.destroy();
  },
};

function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location });
  res.end();
}

let server: Server;
let base: string;
const fetcher = new HttpFetcher({ maxBodyBytes: 1024 * 1024, userAgent: "caiji-test/1.0" });

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const handler = routes[path];
    if (handler) handler(req, res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await fetcher.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("HttpFetcher against a local server", () => {
  it("returns the page with bytes, status and lower-cased headers", async () => {
    const result = await fetcher.fetch(`${base}/ok`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.page.status).toBe(200);
    expect(new TextDecoder().decode(result.page.body)).toBe(html);
    expect(result.page.headers["x-custom"]).toBe("Yes");
    expect(result.page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(result.page.url).toBe(`${base}/ok`);
    expect(result.page.requestedUrl).toBe(`${base}/ok`);
    expect(result.redirects).toEqual([]);
    expect(result.page.rendered).toBe(false);
  });

  it("sends the user agent, default and per-request headers", async () => {
    const result = await fetcher.fetch(`${base}/echo-headers`, { headers: { "X-Trace": "abc" } });
    if (!result.ok) throw new Error(result.reason);
    const sent = JSON.parse(new TextDecoder().decode(result.page.body)) as Record<string, string>;
    expect(sent["user-agent"]).toBe("caiji-test/1.0");
    expect(sent["x-trace"]).toBe("abc");
    expect(sent["accept-language"]).toMatch(/^zh-CN/);
  });

  it("answers a conditional request with 304 and an empty body", async () => {
    const first = await fetcher.fetch(`${base}/etag`);
    if (!first.ok) throw new Error(first.reason);
    const etag = first.page.headers.etag ?? "";
    const second = await fetcher.fetch(`${base}/etag`, { headers: { "If-None-Match": etag } });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.page.status).toBe(304);
    expect(second.page.body.length).toBe(0);
  });

  it("follows redirects hop by hop and records each hop", async () => {
    const result = await fetcher.fetch(`${base}/r1`);
    if (!result.ok) throw new Error(result.reason);
    expect(result.page.url).toBe(`${base}/ok`);
    expect(result.page.requestedUrl).toBe(`${base}/r1`);
    expect(result.redirects).toEqual([`${base}/r2`, `${base}/r3?x=1`, `${base}/ok`]);
  });

  it("detects a redirect loop", async () => {
    const result = await fetcher.fetch(`${base}/loop-a`);
    expect(result).toMatchObject({ ok: false, kind: "redirect" });
    if (!result.ok) expect(result.reason).toMatch(/loop/);
  });

  it("follows a cookie-check redirect back to the same URL, carrying the cookie", async () => {
    const result = await fetcher.fetch(`${base}/cookie-check`);
    if (!result.ok) throw new Error(result.reason);
    expect(new TextDecoder().decode(result.page.body)).toContain("cookie visited=1");
    expect(result.redirects).toEqual([`${base}/cookie-check`]);
  });

  it("gives up after maxRedirects hops", async () => {
    const short = new HttpFetcher({ maxRedirects: 2 });
    const result = await short.fetch(`${base}/r1`);
    await short.close();
    expect(result).toMatchObject({ ok: false, kind: "redirect" });
  });

  it("refuses a redirect to a non-http scheme and a redirect without Location", async () => {
    expect(await fetcher.fetch(`${base}/to-ftp`)).toMatchObject({ ok: false, kind: "redirect" });
    expect(await fetcher.fetch(`${base}/no-location`)).toMatchObject({ ok: false, kind: "http-status" });
  });

  it("skips non-HTML by content type and by sniffing", async () => {
    expect(await fetcher.fetch(`${base}/pdf`)).toMatchObject({ ok: false, kind: "not-html" });
    expect(await fetcher.fetch(`${base}/png`)).toMatchObject({ ok: false, kind: "not-html" });
    const lying = await fetcher.fetch(`${base}/pdf-as-html`);
    expect(lying).toMatchObject({ ok: false, kind: "not-html", status: 200 });
    expect(await fetcher.fetch(`${base}/text`)).toMatchObject({ ok: false, kind: "not-html" });
    expect(await fetcher.fetch(`${base}/untyped-php-warning`)).toMatchObject({ ok: true });
  });

  it("fetches non-HTML when asked to (robots.txt, sitemaps)", async () => {
    const result = await fetcher.fetch(`${base}/robots.txt`, { allowNonHtml: true });
    if (!result.ok) throw new Error(result.reason);
    expect(new TextDecoder().decode(result.page.body)).toContain("Disallow: /private");
    expect(await fetcher.fetch(`${base}/pdf`, { allowNonHtml: true })).toMatchObject({ ok: true });
  });

  it("stops reading at the body cap, streamed or declared", async () => {
    expect(await fetcher.fetch(`${base}/big`)).toMatchObject({ ok: false, kind: "too-large" });
    expect(await fetcher.fetch(`${base}/big-declared`)).toMatchObject({ ok: false, kind: "too-large" });
  });

  it("decompresses gzip and caps the decompressed size", async () => {
    const result = await fetcher.fetch(`${base}/gzip`);
    if (!result.ok) throw new Error(result.reason);
    expect(new TextDecoder().decode(result.page.body)).toBe(html);
    expect(await fetcher.fetch(`${base}/gzip-bomb`)).toMatchObject({ ok: false, kind: "too-large" });
  });

  it("maps 429 and 5xx to http-retryable with Retry-After", async () => {
    expect(await fetcher.fetch(`${base}/429`)).toMatchObject({
      ok: false,
      kind: "http-retryable",
      status: 429,
      retryAfterMs: 7000,
    });
    const dated = await fetcher.fetch(`${base}/503-date`);
    expect(dated).toMatchObject({ ok: false, kind: "http-retryable", status: 503 });
    if (!dated.ok) {
      expect(dated.retryAfterMs).toBeGreaterThan(25_000);
      expect(dated.retryAfterMs).toBeLessThanOrEqual(31_000);
    }
    const plain = await fetcher.fetch(`${base}/500`);
    expect(plain).toMatchObject({ ok: false, kind: "http-retryable", status: 500 });
    if (!plain.ok) expect(plain.retryAfterMs).toBeUndefined();
  });

  it("maps other 4xx to http-status", async () => {
    expect(await fetcher.fetch(`${base}/404`)).toMatchObject({ ok: false, kind: "http-status", status: 404 });
  });

  it("times out when headers are late, and when the whole fetch runs long", async () => {
    const impatient = new HttpFetcher({ responseTimeoutMs: 300 });
    const late = await impatient.fetch(`${base}/slow-headers`);
    expect(late).toMatchObject({ ok: false, kind: "timeout" });
    await impatient.close();

    const bounded = new HttpFetcher({ totalTimeoutMs: 500 });
    const started = Date.now();
    const trickle = await bounded.fetch(`${base}/slow-body`);
    expect(trickle).toMatchObject({ ok: false, kind: "timeout" });
    expect(Date.now() - started).toBeLessThan(3000);
    await bounded.close();
  });

  it("maps a reset and a refused connection to network", async () => {
    expect(await fetcher.fetch(`${base}/reset`)).toMatchObject({ ok: false, kind: "network" });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await fetcher.fetch(`http://127.0.0.1:${port}/`)).toMatchObject({ ok: false, kind: "network" });
  });

  it("refuses URLs that are not http(s)", async () => {
    expect(await fetcher.fetch("ftp://127.0.0.1/x")).toMatchObject({ ok: false, kind: "disallowed" });
    expect(await fetcher.fetch("not a url")).toMatchObject({ ok: false, kind: "disallowed" });
  });

  it("reports a caller abort without throwing", async () => {
    const controller = new AbortController();
    const pending = fetcher.fetch(`${base}/slow-headers`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ ok: false, kind: "network", reason: "aborted by caller" });
  });
});

describe("helpers", () => {
  it("builds the default user agent from package.json", () => {
    expect(defaultUserAgent()).toMatch(/^caiji\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/caiji\/caiji\)$/);
  });

  it.each([
    ["120", 120_000],
    ["0", 0],
    ["Wed, 21 Oct 2015 07:28:30 GMT", 30_000],
    ["Wed, 21 Oct 2015 07:27:00 GMT", 0],
    ["soon", undefined],
    [undefined, undefined],
  ])("parses Retry-After %s", (value, expected) => {
    expect(parseRetryAfterMs(value, Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(expected);
  });

  it.each([
    ["%PDF-1.7 ...", "text/html", "body looks like pdf"],
    ["<!doctype html><p>x</p>", "application/octet-stream", null],
    ["Warning: mysql_connect() failed\n<html><body>x</body></html>", undefined, null],
    ["just some words", "text/plain", "body is text, not HTML"],
    ["", "text/html", null],
  ])("judges body %j served as %s", (body, type, expected) => {
    expect(notHtmlReason(new TextEncoder().encode(body), type)).toBe(expected);
  });
});
