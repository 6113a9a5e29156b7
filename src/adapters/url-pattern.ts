/**
 * URL and host patterns as adapters write them, and how specific each match is, so the registry can pick
 * the most specific adapter for a URL without any adapter knowing about the others.
 *
 * Globs are deliberately small: `**` matches any characters, `*` any characters except `/`, everything else
 * is literal (a `?` is the query's question mark, a `.` a dot). A glob containing `://` is matched against
 * the whole URL (`https://news.example.cn/2023/**`), any other glob against the path and query
 * (`/news/*.html`). Regular expressions are tested against the whole URL.
 */
import type { UrlPattern } from "./define-adapter.js";

export interface CompiledPattern {
  source: UrlPattern;
  test(url: URL): boolean;
  /** Literal characters in the pattern: a longer literal part is a more specific rule. */
  literalLength: number;
}

export function compilePattern(pattern: UrlPattern): CompiledPattern {
  if (pattern instanceof RegExp) {
    // A global or sticky regexp would carry lastIndex from one test to the next.
    const regex = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""));
    const literal = pattern.source.replace(/\\.|[[\](){}.*+?^$|]/g, "");
    return { source: pattern, test: (url) => regex.test(url.href), literalLength: literal.length };
  }
  const whole = pattern.includes("://");
  const regex = globToRegExp(pattern);
  return {
    source: pattern,
    test: (url) => regex.test(whole ? url.href : `${url.pathname}${url.search}`),
    literalLength: pattern.replace(/\*/g, "").length,
  };
}

export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (char === "*" && glob[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (char === "*") {
      source += "[^/]*";
    } else {
      source += char.replace(/[\\^$.|?+()[\]{}]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`, "i");
}

/** The longest literal part among the patterns that match, or -1 when none does. */
export function bestMatch(patterns: readonly CompiledPattern[], url: URL): number {
  let best = -1;
  for (const pattern of patterns) {
    if (pattern.literalLength > best && pattern.test(url)) best = pattern.literalLength;
  }
  return best;
}

/**
 * How well a host rule fits a URL: exact host (with port when the rule names one) scores highest, then
 * wildcards by the number of labels they fix (`*.news.example.cn` over `*.example.cn`); 0 = no match.
 * A wildcard matches subdomains only, never the bare domain.
 */
export function hostScore(rule: string, url: URL): number {
  const wanted = rule.toLowerCase();
  const host = wanted.includes(":") ? url.host.toLowerCase() : url.hostname.toLowerCase();
  if (!wanted.startsWith("*.")) return host === wanted ? 1000 : 0;
  const suffix = wanted.slice(1);
  return host.endsWith(suffix) && host.length > suffix.length ? suffix.split(".").length : 0;
}
