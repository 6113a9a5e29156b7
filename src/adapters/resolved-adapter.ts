/**
 * One adapter as the crawl uses it for one page: the answers to "what kind of page is this", "which links
 * does it lead to", "how is it extracted", "how politely and with which headers is it fetched". Each answer
 * starts from the generic one, handed in by the caller, and applies only what the adapter states.
 *
 * Every hook runs behind a guard: when it throws, the guard reports an `AdapterError` (one line naming the
 * adapter, the page and the hook) through `onError` and the page gets the generic answer instead. So a
 * crawl never dies of a site adapter, and the caller never needs a try/catch of its own.
 *
 * @example
 * const adapter = registry.resolve(page.url);
 * const kind = adapter.classify(document, page, () => classifyPage(document).kind);
 * const links = adapter.followLinks(document, page.url, discoverLinks(document, page.url));
 * if (kind === "article") sink.write(adapter.extract(page));
 */
import {
  type ExtractHooks,
  type ExtractOptions,
  extractRecord,
  type FieldOverrides,
} from "../extract/extract-record.js";
import type { Metadata } from "../extract/metadata/index.js";
import type { Page } from "../fetch/page.js";
import type { ArticleRecord } from "../output/record-schema.js";
import { AdapterError } from "./adapter-error.js";
import type { Adapter, FieldSpec, HookContext, PageKind, RenderMode } from "./define-adapter.js";
import {
  offsetFor,
  readSpec,
  toAuthors,
  toExtra,
  toPublishedAt,
  toSource,
  toTitle,
  toViews,
} from "./field-values.js";
import { type AdapterLink, followAdapterLinks } from "./link-rules.js";
import { extractSelectedContent } from "./selected-content.js";
import { bestMatch, type CompiledPattern, compilePattern } from "./url-pattern.js";

export type { AdapterLink } from "./link-rules.js";

/** Per-host politeness an adapter sets; the shape `Politeness`'s `hostPolicy` expects. */
export interface AdapterPoliteness {
  intervalMs?: number;
  concurrency?: number;
}

export type AdapterErrorHandler = (error: AdapterError) => void;

const GENERIC_NAME = "generic";

export class ResolvedAdapter {
  readonly name: string;
  private readonly articlePatterns: CompiledPattern[];
  private readonly listPatterns: CompiledPattern[];

  /** `adapter` null is the generic adapter. */
  constructor(
    readonly adapter: Adapter | null,
    private readonly onError: AdapterErrorHandler,
    /** The file it was loaded from, for `caiji adapter list` and messages. */
    readonly file: string | null = null,
  ) {
    this.name = adapter?.name ?? GENERIC_NAME;
    this.articlePatterns = (adapter?.pages?.article ?? []).map(compilePattern);
    this.listPatterns = (adapter?.pages?.list ?? []).map(compilePattern);
  }

  /** The same adapter reporting hook failures to `onError` instead (a contract run collects them). */
  withErrorHandler(onError: AdapterErrorHandler): ResolvedAdapter {
    return new ResolvedAdapter(this.adapter, onError, this.file);
  }

  get isGeneric(): boolean {
    return this.adapter === null;
  }

  /** The site's rendering mode; undefined leaves it to the crawl's `--render`. */
  get render(): RenderMode | undefined {
    return this.adapter?.render;
  }

  /** Whether the site's pages may be rendered in a frame; undefined leaves it to the browser fetcher. */
  get renderInFrame(): boolean | undefined {
    return this.adapter?.renderInFrame;
  }

  get charset(): string | undefined {
    return this.adapter?.charset;
  }

  get politeness(): AdapterPoliteness | undefined {
    return this.adapter?.politeness;
  }

  /** Headers for every request to the site: the adapter's `headers` plus its `cookies` as one `Cookie`. */
  requestHeaders(): Record<string, string> {
    const headers = { ...(this.adapter?.headers ?? {}) };
    const cookies = Object.entries(this.adapter?.cookies ?? {});
    if (cookies.length > 0) headers.cookie = cookies.map(([name, value]) => `${name}=${value}`).join("; ");
    return headers;
  }

  /** Article, list or other: the adapter's URL rules, then its `pages.kind` hook, then `generic()`. */
  classify(document: Document, page: Page, generic: () => PageKind): PageKind {
    const url = safeUrl(page.url);
    if (url && bestMatch(this.articlePatterns, url) >= 0) return "article";
    if (url && bestMatch(this.listPatterns, url) >= 0) return "list";
    const hook = this.adapter?.pages?.kind;
    if (!hook) return generic();
    const answer = this.guard(page.url, "pages.kind", () =>
      hook({ document, page, url: page.url, generic: generic() }),
    );
    return answer.ok && answer.value !== undefined ? answer.value : generic();
  }

  /** The links to follow from a page: the generic ones filtered, extended and re-kinded by the adapter. */
  followLinks(document: Document, pageUrl: string, generic: readonly AdapterLink[]): AdapterLink[] {
    const adapter = this.adapter;
    if (!adapter?.links && !adapter?.pages) return [...generic];
    const answer = this.guard(pageUrl, "links", () =>
      followAdapterLinks(
        adapter,
        { document, url: pageUrl },
        generic,
        this.articlePatterns,
        this.listPatterns,
      ),
    );
    if (answer.ok) return answer.value;
    return [...generic];
  }

  /** Options for `extractRecord`: site name, offset, charset and the adapter's field hooks. */
  extractOptions(page: Page): ExtractOptions {
    const adapter = this.adapter;
    if (!adapter) return { site: GENERIC_NAME };
    const offset = offsetFor(adapter.timezone, page.fetchedAt);
    return {
      site: adapter.name,
      defaultOffset: offset,
      charset: adapter.charset,
      hooks: this.extractHooks(adapter, page, offset),
    };
  }

  /**
   * The page's record with the adapter applied. A hook that throws is reported and the page is extracted
   * again by the generic adapter (`site: "generic"`). An `ExtractError` (no content) is not the adapter's
   * fault and is thrown as usual.
   */
  extract(
    page: Page,
    base: Pick<ExtractOptions, "segmenter" | "preparsed" | "laterPages"> = {},
  ): ArticleRecord {
    if (!this.adapter) return extractRecord(page, { ...base, site: GENERIC_NAME });
    try {
      return extractRecord(page, { ...base, ...this.extractOptions(page) });
    } catch (error) {
      if (!(error instanceof AdapterError)) throw error;
      this.onError(error);
      // The failed attempt may have rewritten a pre-parsed document: the generic one parses the page afresh.
      return extractRecord(page, {
        segmenter: base.segmenter,
        laterPages: base.laterPages,
        site: GENERIC_NAME,
      });
    }
  }

  private extractHooks(adapter: Adapter, page: Page, offset: string): ExtractHooks {
    const url = page.url;
    let pristine: Document | null = null;
    const hooks: ExtractHooks = {
      fields: (document, generic) => {
        // The text hook runs after content extraction has rewritten the document: keep it a copy.
        if (adapter.fields?.text) pristine = document.cloneNode(true) as Document;
        return this.fieldOverrides(adapter, { document, page, url }, generic, offset);
      },
    };
    const rule = adapter.content;
    if (rule) {
      hooks.content = (document, ctx) =>
        this.must(url, "content.selector", () => extractSelectedContent(document, rule, ctx));
    }
    const textHook = adapter.fields?.text;
    if (textHook) {
      hooks.text = (text) =>
        this.must(url, "fields.text", () => {
          const answer = textHook({ document: pristine as Document, page, url, generic: text });
          if (answer === undefined) return text;
          if (typeof answer !== "string") throw new TypeError(`returned ${typeof answer}, not a string`);
          return answer;
        });
    }
    return hooks;
  }

  private fieldOverrides(
    adapter: Adapter,
    base: Omit<HookContext<unknown>, "generic">,
    generic: Metadata,
    offset: string,
  ): FieldOverrides {
    const fields = adapter.fields ?? {};
    const read = <T>(name: string, spec: FieldSpec<T> | undefined, genericValue: T, all = false): unknown =>
      spec === undefined
        ? undefined
        : this.must(base.url, name, () => readSpec(spec, { ...base, generic: genericValue }, all));
    const overrides: FieldOverrides = {
      title: toTitle(read("fields.title", fields.title, generic.title)),
      publishedAt: toPublishedAt(
        read(
          "fields.publishedAt",
          fields.publishedAt as FieldSpec<string | null> | undefined,
          generic.publishedAt,
        ),
        offset,
      ),
      authors: toAuthors(read("fields.authors", fields.authors, generic.authors, true)),
      source: toSource(read("fields.source", fields.source, generic.source)),
      views: toViews(read("fields.views", fields.views, generic.views)),
    };
    const extraSpecs = Object.entries(adapter.extra ?? {});
    if (extraSpecs.length > 0) {
      const values: Record<string, unknown> = {};
      for (const [key, spec] of extraSpecs) {
        values[key] = this.must(base.url, `extra.${key}`, () => toExtra(read(`extra.${key}`, spec, null)));
      }
      overrides.extra = { [adapter.name]: values as NonNullable<FieldOverrides["extra"]>[string] };
    }
    return overrides;
  }

  /** Runs a hook; a throw becomes an `AdapterError` (thrown on, for `extract` to catch). */
  private must<T>(url: string, hook: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof AdapterError) throw error;
      throw new AdapterError(this.name, url, hook, error);
    }
  }

  /** Runs a hook; a throw is reported and comes back as `{ ok: false }`. */
  private guard<T>(url: string, hook: string, run: () => T): { ok: true; value: T } | { ok: false } {
    try {
      return { ok: true, value: this.must(url, hook, run) };
    } catch (error) {
      this.onError(error as AdapterError);
      return { ok: false };
    }
  }
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
