/**
 * The HTTP fetcher: one URL in, one `FetchResult` out, never a throw for anything the network or the server
 * does. It exists so that every crawl request gets the same guarantees:
 *
 * - every wait is bounded (connect, response headers, whole request), so a stalled server costs a slot for at
 *   most `totalTimeoutMs`;
 * - redirects are followed here, hop by hop, so each hop is recorded (the frontier marks them as aliases) and
 *   loops or long chains end as a `redirect` failure instead of spinning;
 * - the body is streamed with a byte cap and reading stops at the cap (`too-large`); compressed bodies are
 *   capped again after decompression, so a small gzip bomb cannot blow up memory;
 * - non-HTML (PDF, images, archives) is refused by Content-Type before the body is read, and by its bytes
 *   (`classify-body.ts`) when a server lies (`%PDF` served as text/html) → `not-html`;
 * - status codes map to the failure kinds the crawl loop understands (see `fetch-result.ts`), with
 *   Retry-After turned into `retryAfterMs`.
 *
 * The body stays bytes: charset decoding is `decode-charset.ts`'s job.
 *
 * @example
 * const fetcher = new HttpFetcher();
 * const result = await fetcher.fetch("https://news.example.cn/a/1.html", { headers: { "if-none-match": etag } });
 * if (result.ok) console.log(result.page.status, result.page.url, result.redirects);
 * else if (isRetryable(result.kind)) frontier.release(url, Date.now() + (result.retryAfterMs ?? 5000));
 * await fetcher.close();
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
import { Agent, type Dispatcher, request } from "undici";
import { classifyBody } from "./classify-body.js";
import type { FailureKind, FetchFailure, FetchResult } from "./fetch-result.js";

export interface HttpFetcherOptions {
  /** Sent as User-Agent. @default `caiji/<version> (+https://github.com/caiji/caiji)` */
  userAgent?: string;
  /** TCP + TLS connect. @default 10_000 */
  connectTimeoutMs?: number;
  /** From request sent to response headers received (and max idle time between body chunks). @default 20_000 */
  responseTimeoutMs?: number;
  /** The whole fetch, all redirect hops and the body included. @default 60_000 */
  totalTimeoutMs?: number;
  /** Body cap in bytes, applied to the wire bytes and again after decompression. @default 10 MiB */
  maxBodyBytes?: number;
  /** Redirect hops followed before giving up. @default 10 */
  maxRedirects?: number;
  /** Extra headers on every request (lower- or mixed-case names). */
  headers?: Record<string, string>;
  /** Accept TLS certificates that do not verify (some government sites ship broken chains). @default false */
  allowInvalidTls?: boolean;
  /** Clock for `fetchedAt` and Retry-After dates. @default Date.now */
  now?: () => number;
  /** A dispatcher to use instead of the fetcher's own agent (left open by `close()`). */
  dispatcher?: Dispatcher;
}

export interface FetchInit {
  /** Per-request headers, e.g. `if-none-match` / `if-modified-since` for conditional requests. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Skip the HTML checks: robots.txt and sitemaps are fetched through the same fetcher. @default false */
  allowNonHtml?: boolean;
}

/** Successful result; `redirects` lists every hop after the requested URL, ending with `page.url`. */
export type FetchOk = Extract<FetchResult, { ok: true }>;

const DEFAULTS = {
  connectTimeoutMs: 10_000,
  responseTimeoutMs: 20_000,
  totalTimeoutMs: 60_000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxRedirects: 10,
};

/** Content types refused before reading the body. Ambiguous ones (octet-stream, text/plain, xml) are sniffed. */
const NON_HTML_TYPE_PATTERNS: RegExp[] = [
  /^application\/pdf\b/,
  /^image\//,
  /^audio\//,
  /^video\//,
  /^font\//,
  /^application\/(zip|gzip|x-gzip|x-rar|x-7z|x-tar|x-bzip2|java-archive)/,
  /^application\/(msword|vnd\.ms-|vnd\.openxmlformats|vnd\.oasis|vnd\.android|x-msdownload|x-shockwave)/,
  /^application\/(json|javascript|x-javascript|wasm)\b/,
  /^text\/(css|javascript|csv|calendar)\b/,
];

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

let cachedUserAgent: string | undefined;

/** `caiji/<version> (+https://github.com/caiji/caiji)`, the version read once from package.json. */
export function defaultUserAgent(): string {
  cachedUserAgent ??= `caiji/${readOwnVersion()} (+https://github.com/caiji/caiji)`;
  return cachedUserAgent;
}

/** Walks up from this module to caiji's package.json: the relative path differs between src/ and dist/. */
function readOwnVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "caiji" && pkg.version) return pkg.version;
    } catch {
      // no package.json at this level
    }
    dir = dirname(dir);
  }
  return "0.0.0";
}

export class HttpFetcher {
  readonly userAgent: string;
  private readonly opts: typeof DEFAULTS;
  private readonly extraHeaders: Record<string, string>;
  private readonly now: () => number;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(options: HttpFetcherOptions = {}) {
    this.userAgent = options.userAgent ?? defaultUserAgent();
    this.opts = {
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
      responseTimeoutMs: options.responseTimeoutMs ?? DEFAULTS.responseTimeoutMs,
      totalTimeoutMs: options.totalTimeoutMs ?? DEFAULTS.totalTimeoutMs,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
      maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
    };
    this.extraHeaders = lowerCaseKeys(options.headers ?? {});
    this.now = options.now ?? Date.now;
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher =
      options.dispatcher ??
      new Agent({
        connect: { timeout: this.opts.connectTimeoutMs, rejectUnauthorized: !options.allowInvalidTls },
        headersTimeout: this.opts.responseTimeoutMs,
        bodyTimeout: this.opts.responseTimeoutMs,
      });
  }

  /** Fetches `url` with GET, following redirects. Resolves to a page or a failure; never rejects. */
  async fetch(url: string, init: FetchInit = {}): Promise<FetchResult> {
    const totalTimer = AbortSignal.timeout(this.opts.totalTimeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, totalTimer]) : totalTimer;
    const headers: Record<string, string> = {
      "user-agent": this.userAgent,
      accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      "accept-language": "zh-CN,zh;q=0.9,en;q=0.8",
      "accept-encoding": "gzip, deflate, br",
      ...this.extraHeaders,
      ...lowerCaseKeys(init.headers ?? {}),
    };
    const redirects: string[] = [];
    // Cookies set along one redirect chain: sites that check for a cookie answer `302 Set-Cookie` back to
    // the same URL, which is a loop only when the cookies did not change.
    const cookies = new RedirectCookies();
    const seen = new Set<string>();
    let current = url;
    try {
      for (;;) {
        const target = parseHttpUrl(current);
        if (!target) return failure("disallowed", url, `not an http(s) URL: ${current}`);
        seen.add(`${target.href} ${cookies.header(target)}`);
        const cookie = cookies.header(target);
        const hopHeaders = cookie && !headers.cookie ? { ...headers, cookie } : headers;
        const res = await request(target, {
          method: "GET",
          headers: hopHeaders,
          signal,
          dispatcher: this.dispatcher,
        });
        const status = res.statusCode;

        if (REDIRECT_STATUSES.has(status)) {
          res.body.dump().catch(() => {});
          cookies.store(target, res.headers["set-cookie"]);
          const location = headerValue(res.headers.location);
          if (!location) return failure("http-status", url, `${status} without Location`, status);
          const next = parseHttpUrl(location, target.href);
          if (!next) return failure("redirect", url, `redirect to a non-http URL: ${location}`, status);
          if (seen.has(`${next.href} ${cookies.header(next)}`)) {
            return failure("redirect", url, `redirect loop at ${next.href}`, status);
          }
          if (redirects.length >= this.opts.maxRedirects) {
            return failure("redirect", url, `more than ${this.opts.maxRedirects} redirects`, status);
          }
          redirects.push(next.href);
          current = next.href;
          continue;
        }

        const pageHeaders = flattenHeaders(res.headers);
        if (status >= 400 || (status >= 300 && status !== 304) || status < 200) {
          res.body.dump().catch(() => {});
          return statusFailure(url, status, pageHeaders["retry-after"], this.now());
        }

        const contentType = pageHeaders["content-type"] ?? "";
        if (!init.allowNonHtml && isNonHtmlType(contentType)) {
          res.body.dump().catch(() => {});
          return failure("not-html", url, `content-type ${contentType}`, status);
        }
        const declared = Number(pageHeaders["content-length"]);
        if (Number.isFinite(declared) && declared > this.opts.maxBodyBytes) {
          res.body.destroy();
          return failure("too-large", url, `content-length ${declared} > ${this.opts.maxBodyBytes}`, status);
        }

        const body = status === 304 ? new Uint8Array(0) : await this.readBody(res.body, pageHeaders);
        if (!(body instanceof Uint8Array)) return { ...body, url, status };
        if (!init.allowNonHtml && status !== 304) {
          const reason = notHtmlReason(body, contentType);
          if (reason) return failure("not-html", url, reason, status);
        }
        return {
          ok: true,
          page: {
            requestedUrl: url,
            url: target.href,
            status,
            headers: pageHeaders,
            body,
            fetchedAt: new Date(this.now()),
            rendered: false,
          },
          redirects,
        };
      }
    } catch (error) {
      return errorFailure(url, error, totalTimer.aborted, init.signal?.aborted ?? false);
    }
  }

  /** Closes the connection pool this fetcher created; a dispatcher handed in is left open. */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** Streams the body up to the cap, then decodes Content-Encoding with the same cap on the output. */
  private async readBody(
    stream: Dispatcher.ResponseData["body"],
    headers: Record<string, string>,
  ): Promise<Uint8Array | FetchFailure> {
    const cap = this.opts.maxBodyBytes;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > cap) {
        stream.destroy();
        return failure("too-large", "", `body exceeds ${cap} bytes`);
      }
      chunks.push(chunk);
    }
    const raw = Buffer.concat(chunks, size);
    const encoding = (headers["content-encoding"] ?? "").trim().toLowerCase();
    try {
      return decodeContent(raw, encoding, cap);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        return failure("too-large", "", `decompressed body exceeds ${cap} bytes`);
      }
      return failure("network", "", `cannot decode ${encoding} body: ${(error as Error).message}`);
    }
  }
}

/** Name=value cookies per host, kept for the hops of one fetch only (caiji keeps no session). */
class RedirectCookies {
  private readonly byHost = new Map<string, Map<string, string>>();

  store(url: URL, setCookie: string | string[] | undefined): void {
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const pair = line.split(";")[0] ?? "";
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const jar = this.byHost.get(url.hostname) ?? new Map<string, string>();
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      this.byHost.set(url.hostname, jar);
    }
  }

  header(url: URL): string {
    const jar = this.byHost.get(url.hostname);
    return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join("; ") : "";
  }
}

function decodeContent(raw: Buffer, encoding: string, cap: number): Uint8Array {
  const limits = { maxOutputLength: cap };
  if (raw.length === 0 || encoding === "" || encoding === "identity") return new Uint8Array(raw);
  if (encoding === "gzip" || encoding === "x-gzip") return new Uint8Array(gunzipSync(raw, limits));
  if (encoding === "br") return new Uint8Array(brotliDecompressSync(raw, limits));
  if (encoding === "deflate") {
    // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: a zlib header starts 0x?8.
    const zlibWrapped = ((raw[0] ?? 0) & 0x0f) === 8 && (((raw[0] ?? 0) << 8) | (raw[1] ?? 0)) % 31 === 0;
    return new Uint8Array(zlibWrapped ? inflateSync(raw, limits) : inflateRawSync(raw, limits));
  }
  // An unknown coding: hand the bytes on; sniffing and charset detection will judge them.
  return new Uint8Array(raw);
}

function isNonHtmlType(contentType: string): boolean {
  const type = contentType.trim().toLowerCase();
  return type !== "" && NON_HTML_TYPE_PATTERNS.some((pattern) => pattern.test(type));
}

/**
 * Why a body that passed the Content-Type check is still not HTML, or null when it is HTML (or empty: an
 * empty page is the browser fetcher's business, not a skip). Bytes win over the header (`classify-body.ts`);
 * readable text without a header that says HTML passes only when it holds an `<html>`/`<body>` tag further
 * in (PHP warnings printed before the page are common on small sites).
 */
export function notHtmlReason(body: Uint8Array, contentType: string | undefined): string | null {
  const kind = classifyBody(body, contentType);
  if (kind === "html" || kind === "empty") return null;
  if (kind === "text") {
    const head = Buffer.from(body.subarray(0, 8192)).toString("latin1");
    return /<(html|body)[\s>]/i.test(head) ? null : "body is text, not HTML";
  }
  return `body looks like ${kind}`;
}

/**
 * Retry-After as milliseconds from `nowMs`: delta-seconds or an HTTP date. Undefined when absent or
 * unparseable; a date in the past gives 0.
 */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

function statusFailure(
  url: string,
  status: number,
  retryAfter: string | undefined,
  nowMs: number,
): FetchFailure {
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfterMs(retryAfter, nowMs);
    const result = failure("http-retryable", url, `HTTP ${status}`, status);
    return retryAfterMs === undefined ? result : { ...result, retryAfterMs };
  }
  return failure("http-status", url, `HTTP ${status}`, status);
}

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
]);

function errorFailure(
  url: string,
  error: unknown,
  totalTimedOut: boolean,
  callerAborted: boolean,
): FetchFailure {
  const err = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = err?.code ?? err?.cause?.code ?? "";
  const message = err?.message ?? String(error);
  if (callerAborted) return failure("network", url, "aborted by caller");
  if (totalTimedOut) return failure("timeout", url, "total timeout");
  if (code === "UND_ERR_CONNECT_TIMEOUT") return failure("timeout", url, "connect timeout");
  if (code === "UND_ERR_HEADERS_TIMEOUT") return failure("timeout", url, "response headers timeout");
  if (code === "UND_ERR_BODY_TIMEOUT") return failure("timeout", url, "body timeout");
  if (code === "ETIMEDOUT") return failure("timeout", url, message);
  if (code === "UND_ERR_INVALID_ARG" || code === "ERR_INVALID_URL")
    return failure("disallowed", url, message);
  if (
    NETWORK_CODES.has(code) ||
    code.startsWith("ERR_TLS") ||
    code.includes("CERT") ||
    code.startsWith("HPE_")
  ) {
    return failure("network", url, `${code}: ${message}`);
  }
  return failure("network", url, code ? `${code}: ${message}` : message);
}

function failure(kind: FailureKind, url: string, reason: string, status?: number): FetchFailure {
  return status === undefined ? { ok: false, kind, url, reason } : { ok: false, kind, url, reason, status };
}

function parseHttpUrl(value: string, base?: string): URL | null {
  try {
    const parsed = new URL(value, base);
    parsed.hash = "";
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed : null;
  } catch {
    return null;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
