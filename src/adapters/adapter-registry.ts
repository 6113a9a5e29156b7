/**
 * The registry: every loaded site adapter, and the one rule that picks an adapter for a URL. The crawl asks
 * it once per URL; a URL no adapter owns gets the generic adapter, so the crawl never has to care whether a
 * site has an adapter at all.
 *
 * Most specific match wins, compared in this order:
 *   1. host: an exact host (`news.example.cn`, or `host:port`) beats a wildcard (`*.example.cn`), and a
 *      wildcard fixing more labels beats one fixing fewer (`*.news.example.cn` over `*.example.cn`);
 *      an adapter with no `hosts` (URL patterns only) comes last;
 *   2. URL pattern: the matching pattern with the longest literal part (`/news/2023/**` over `/news/**`);
 *      an adapter without `urls` comes after one whose pattern matched;
 *   3. name, alphabetically, so that a tie is at least always broken the same way.
 * An adapter matches a URL when every rule it states matches (`hosts` and `urls` both, when it has both).
 *
 * @example
 * const { registry, failures } = await AdapterRegistry.load({ dirs: ["crawlers"], onError: (e) => log(e.message) });
 * for (const failure of failures) log(failure.message);
 * registry.resolve("https://news.example.cn/2023/0110/1.html").name; // "example-news"
 */
import type { AdapterLoadFailure } from "./adapter-error.js";
import type { Adapter } from "./define-adapter.js";
import { type LoadAdaptersOptions, type LoadedAdapter, loadAdapters } from "./load-adapters.js";
import { type AdapterErrorHandler, type AdapterPoliteness, ResolvedAdapter } from "./resolved-adapter.js";
import { bestMatch, type CompiledPattern, compilePattern, hostScore } from "./url-pattern.js";

export interface AdapterSummary {
  name: string;
  file: string | null;
  hosts: string[];
  urls: string[];
}

interface Entry {
  resolved: ResolvedAdapter;
  hosts: string[];
  urls: CompiledPattern[];
}

export interface AdapterRegistryOptions {
  /** Called with every hook failure (one line, naming adapter and page). @default ignore */
  onError?: AdapterErrorHandler;
}

export class AdapterRegistry {
  private readonly entries: Entry[];
  private readonly generic: ResolvedAdapter;

  constructor(adapters: ReadonlyArray<Adapter | LoadedAdapter>, options: AdapterRegistryOptions = {}) {
    const onError = options.onError ?? (() => {});
    this.generic = new ResolvedAdapter(null, onError);
    this.entries = adapters
      .map((item) => ("adapter" in item ? item : { adapter: item, file: null }))
      .map(({ adapter, file }) => ({
        resolved: new ResolvedAdapter(adapter, onError, file),
        hosts: adapter.hosts ?? [],
        urls: (adapter.urls ?? []).map(compilePattern),
      }))
      .sort((a, b) => a.resolved.name.localeCompare(b.resolved.name));
  }

  /** Loads the adapters of `dirs`; files that fail come back as `failures` (one line each), never a throw. */
  static async load(
    options: LoadAdaptersOptions & AdapterRegistryOptions,
  ): Promise<{ registry: AdapterRegistry; failures: AdapterLoadFailure[] }> {
    const { adapters, failures } = await loadAdapters(options);
    return { registry: new AdapterRegistry(adapters, options), failures };
  }

  /** The adapter for `url`: the most specific match, or the generic adapter. */
  resolve(url: string): ResolvedAdapter {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return this.generic;
    }
    let best: ResolvedAdapter = this.generic;
    let bestScore: [number, number] = [-1, -1];
    for (const entry of this.entries) {
      const score = this.score(entry, parsed);
      if (!score) continue;
      // Entries are sorted by name, so on a tie the first (alphabetical) one stays.
      if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
        best = entry.resolved;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * The politeness for a host (`news.example.cn` or `127.0.0.1:8080`): that of the adapter whose `hosts`
   * fit it best. Politeness is per host, so an adapter with URL patterns only cannot set it.
   */
  politenessFor(host: string): AdapterPoliteness | undefined {
    return this.byHost(host)?.politeness;
  }

  /** A loaded adapter by name (for contracts), or undefined. */
  get(name: string): ResolvedAdapter | undefined {
    if (name === "generic") return this.generic;
    return this.entries.find((entry) => entry.resolved.name === name)?.resolved;
  }

  get genericAdapter(): ResolvedAdapter {
    return this.generic;
  }

  list(): AdapterSummary[] {
    return this.entries.map(({ resolved, hosts, urls }) => ({
      name: resolved.name,
      file: resolved.file,
      hosts,
      urls: urls.map((pattern) => String(pattern.source)),
    }));
  }

  /** [host score, URL score], or null when the entry does not own the URL. */
  private score(entry: Entry, url: URL): [number, number] | null {
    let host = 0;
    if (entry.hosts.length > 0) {
      host = Math.max(...entry.hosts.map((rule) => hostScore(rule, url)));
      if (host === 0) return null;
    }
    let path = 0;
    if (entry.urls.length > 0) {
      const literal = bestMatch(entry.urls, url);
      if (literal < 0) return null;
      path = literal + 1;
    }
    return [host, path];
  }

  /** The adapter whose `hosts` fit `host` best, whatever its URL patterns. */
  private byHost(host: string): ResolvedAdapter | undefined {
    let url: URL;
    try {
      url = new URL(`http://${host}/`);
    } catch {
      return undefined;
    }
    let best: Entry | undefined;
    let bestHost = 0;
    for (const entry of this.entries) {
      const score = Math.max(0, ...entry.hosts.map((rule) => hostScore(rule, url)));
      if (score > bestHost) {
        best = entry;
        bestHost = score;
      }
    }
    return best?.resolved;
  }
}
