/**
 * Scope: which discovered URLs belong to this crawl. Without it a crawl of one news site follows the ad
 * and partner links into the whole web.
 *
 * The default is the seeds' sites: a URL is in scope when its host is a seed's host, ignoring a leading
 * `www.` (so `example.cn` and `www.example.cn` are one site) and ignoring scheme and port. The `same-domain`
 * strategy also admits subdomains of the seed's registrable domain (`news.sina.com.cn` for a seed on
 * `www.sina.com.cn`), as portals put articles on channel subdomains; `all` admits every host.
 *
 * Globs (picomatch, `*` stays inside one path segment, `**` crosses them) are matched by their shape:
 * - a glob with `://` is matched against the whole URL: `https://*.example.cn/news/**`;
 * - a glob starting with `/` is matched against the path and query: `/xwzx/**`, `/**\/*.pdf`;
 * - any other glob is matched against host + path + query: `*.gov.cn/**`, `www.example.cn/a/**`.
 * `include` widens the scope beyond the seeds' sites (a URL matching one is in scope wherever it is);
 * `exclude` wins over everything. Depth and page limits are checked here too, so the loop asks one place.
 *
 * @example
 * const scope = new Scope({ seeds: ["https://www.example.cn/"], exclude: ["/search/**"], maxDepth: 3 });
 * scope.check("https://example.cn/a/1.html", 2); // → { inScope: true }
 * scope.check("https://ads.other.cn/x", 1);      // → { inScope: false, reason: "off-site" }
 */
import picomatch from "picomatch";
import { normalizeUrl } from "./normalize-url.js";

export type ScopeStrategy = "same-hostname" | "same-domain" | "all";

export interface ScopeOptions {
  seeds: string[];
  /** @default "same-hostname" */
  strategy?: ScopeStrategy;
  /** Globs that bring a URL into scope even off the seeds' sites. @default [] */
  include?: string[];
  /** Globs that put a URL out of scope, winning over everything. @default [] */
  exclude?: string[];
  /** Link depth from a seed (seeds are 0). @default no limit */
  maxDepth?: number;
  /** Pages fetched before the crawl stops. @default no limit */
  maxPages?: number;
}

export type ScopeVerdict =
  | { inScope: true }
  | { inScope: false; reason: "not-http" | "excluded" | "off-site" | "too-deep" };

/**
 * Second-level labels under which registrations happen (`example.com.cn`, `beijing.gov.cn`), for the
 * `same-domain` strategy. A short list instead of the whole Public Suffix List: it covers the Chinese
 * and nearby registries caiji crawls, and an unknown suffix only makes the scope narrower, never wider.
 */
export const SECOND_LEVEL_SUFFIXES: ReadonlySet<string> = new Set([
  // China: generic and province second-level domains
  ...["com", "net", "org", "gov", "edu", "ac", "mil"].map((l) => `${l}.cn`),
  ...["bj", "sh", "tj", "cq", "he", "sx", "nm", "ln", "jl", "hl", "js", "zj", "ah", "fj", "jx", "sd", "ha"]
    .concat(["hb", "hn", "gd", "gx", "hi", "sc", "gz", "yn", "xz", "sn", "gs", "qh", "nx", "xj"])
    .map((l) => `${l}.cn`),
  ...["com", "net", "org", "gov", "edu", "idv"].map((l) => `${l}.hk`),
  ...["com", "net", "org", "gov", "edu", "idv"].map((l) => `${l}.tw`),
  ...["com", "net", "org", "gov", "edu"].map((l) => `${l}.mo`),
  ...["com", "net", "org", "gov", "edu"].map((l) => `${l}.sg`),
  ...["co", "ac", "gov", "org", "ltd", "plc"].map((l) => `${l}.uk`),
  ...["co", "ne", "or", "ac", "go"].map((l) => `${l}.jp`),
  ...["com", "net", "org", "gov", "edu"].map((l) => `${l}.au`),
]);

export class Scope {
  private readonly strategy: ScopeStrategy;
  private readonly sites = new Set<string>();
  private readonly includes: Array<(url: URL) => boolean>;
  private readonly excludes: Array<(url: URL) => boolean>;

  constructor(private readonly options: ScopeOptions) {
    this.strategy = options.strategy ?? "same-hostname";
    for (const seed of options.seeds) this.addSite(seed);
    this.includes = (options.include ?? []).map(compileGlob);
    this.excludes = (options.exclude ?? []).map(compileGlob);
  }

  /**
   * Adds the site of `url` to the scope: call it when a seed redirects to another host
   * (`http://example.cn` → `https://www.example.com.cn/`), so the crawl follows the site where it lives.
   */
  addSite(url: string): void {
    const host = hostnameOf(url);
    if (host) this.sites.add(this.siteKey(host));
  }

  /** Whether `url`, found at link depth `depth`, should be crawled. */
  check(url: string, depth = 0): ScopeVerdict {
    const normalized = normalizeUrl(url);
    if (!normalized) return { inScope: false, reason: "not-http" };
    const parsed = new URL(normalized);
    if (this.excludes.some((match) => match(parsed))) return { inScope: false, reason: "excluded" };
    if (this.options.maxDepth !== undefined && depth > this.options.maxDepth) {
      return { inScope: false, reason: "too-deep" };
    }
    if (this.strategy === "all" || this.sites.has(this.siteKey(parsed.hostname))) return { inScope: true };
    if (this.includes.some((match) => match(parsed))) return { inScope: true };
    return { inScope: false, reason: "off-site" };
  }

  /** `check(...).inScope` as a plain boolean. */
  allows(url: string, depth = 0): boolean {
    return this.check(url, depth).inScope;
  }

  /** False once `pagesFetched` reaches `maxPages`: the crawl should stop leasing. */
  withinPageBudget(pagesFetched: number): boolean {
    return this.options.maxPages === undefined || pagesFetched < this.options.maxPages;
  }

  private siteKey(hostname: string): string {
    const host = hostname.toLowerCase().replace(/^www\./, "");
    return this.strategy === "same-domain" ? registrableDomain(host) : host;
  }
}

/**
 * `news.sina.com.cn` → `sina.com.cn`, `www.example.cn` → `example.cn`; IP addresses and single labels stay
 * as they are.
 */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (/^[\d.]+$/.test(host) || host.includes(":")) return host;
  const labels = host.split(".");
  if (labels.length <= 2) return host;
  const lastTwo = labels.slice(-2).join(".");
  return SECOND_LEVEL_SUFFIXES.has(lastTwo) ? labels.slice(-3).join(".") : lastTwo;
}

function compileGlob(glob: string): (url: URL) => boolean {
  const isMatch = picomatch(glob, { dot: true, nocase: false });
  if (glob.includes("://")) return (url) => isMatch(url.href);
  if (glob.startsWith("/")) return (url) => isMatch(url.pathname + url.search);
  return (url) => isMatch(url.host + url.pathname + url.search);
}

function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}
