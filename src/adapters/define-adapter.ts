/**
 * `defineAdapter({...})`: how a developer teaches caiji one site, in `crawlers/<site>.ts`.
 *
 * An adapter states only what differs from the generic adapter: which URLs it owns, how to tell its article
 * pages from its list pages, which links to follow, its politeness, rendering, timezone, charset and request
 * headers, and hooks for the record fields the generic extractor gets wrong. Plain-data parts are checked
 * with zod when the adapter is defined (a typo fails at load with the adapter's name, not mid-crawl);
 * functions are typed here and checked only for being functions.
 *
 * `defineAdapter` returns a plain, branded object rather than a class instance: an adapter file loaded by
 * jiti may import its own copy of this module, so the registry recognises adapters by a global symbol.
 *
 * @example
 * import { defineAdapter } from "caiji";
 *
 * export default defineAdapter({
 *   name: "sanniu",
 *   hosts: ["www.sanniu-news.cn"],
 *   fields: {
 *     publishedAt: { url: /\/(\d{4})\/(\d{2})(\d{2})\// }, // the date is only in the URL
 *     views: "span.num", // an unlabelled counter
 *   },
 * });
 */
import { z } from "zod";
import type { Page } from "../fetch/page.js";

/** A glob (`**` any characters, `*` any but `/`) or a regular expression, matched against a URL. */
export type UrlPattern = string | RegExp;

export type PageKind = "article" | "list" | "other";
export type RenderMode = "never" | "auto" | "always";

/** What every hook receives. `generic` is the generic adapter's answer for the same question. */
export interface HookContext<T> {
  /** The parsed page, untouched by content extraction (except for `text` hooks, see `FieldHooks.text`). */
  document: Document;
  /** The fetched page (bytes, headers, status). */
  page: Page;
  /** The page URL after redirects (`page.url`). */
  url: string;
  /** What caiji would use without this adapter. */
  generic: T;
}

/**
 * How one field is found. A string is a CSS selector (the first match's text). The object form narrows it:
 * `attr` reads an attribute instead of the text, `match` keeps the first capture group (all groups joined by
 * `-` when there are several, so a date split over the path reads `2023-01-10`), and `url` applies `match`
 * to the page URL instead of the page. A function returns the value itself; `undefined` keeps the generic
 * value, `null` says the page does not show the field.
 */
export type FieldSpec<T> =
  | string
  | { selector: string; attr?: string; match?: RegExp }
  | { url: RegExp }
  | ((context: HookContext<T>) => T | string | null | undefined);

/** Per-field overrides. Selector/URL answers are normalised like generic ones (dates, counts, names). */
export interface FieldHooks {
  title?: FieldSpec<string | null>;
  /** Parsed with the adapter's `timezone`; a function may also return a `Date` or an ISO string. */
  publishedAt?:
    | FieldSpec<string | null>
    | ((context: HookContext<string | null>) => Date | string | null | undefined);
  /** A selector matching several elements yields one author each; one text is split at 、，, / and spaces. */
  authors?: FieldSpec<string[]>;
  source?: FieldSpec<string | null>;
  /** `1,024`, `1.2万` and `阅读 539` all read as numbers. */
  views?: FieldSpec<number | null>;
  /**
   * Post-processes the body text (runs after content extraction; `document` is then the page as it was
   * before extraction, `generic` the extracted text). Prefer `content.selector` to pick the body.
   */
  text?: (context: HookContext<string>) => string | undefined;
}

export interface LinkContext {
  document: Document;
  url: string;
}

export interface LinkRules {
  /** When given, only links matching one of these are followed (pagination links too). */
  follow?: UrlPattern[];
  /** Links never followed; wins over `follow`. */
  ignore?: UrlPattern[];
  /**
   * The next pages of a list: a CSS selector of pager links, or a function returning URLs (for pagers that
   * JavaScript builds, e.g. from a page count in a script).
   */
  pagination?: string | ((context: LinkContext) => string[]);
  /** Extra links the generic discovery cannot see (JSON in a script, `onclick` handlers). */
  discover?: (context: LinkContext) => string[];
}

export interface PageRules {
  /** URLs that are article pages (a record each). */
  article?: UrlPattern[];
  /** URLs that are list pages (followed for links, no record). */
  list?: UrlPattern[];
  /** Decides when the patterns do not; `undefined` leaves it to the generic classifier. */
  kind?: (context: HookContext<PageKind>) => PageKind | undefined;
}

export interface AdapterDefinition {
  /** Lower-case letters, digits and dashes; recorded in every record's `site`. */
  name: string;
  /** Hosts the adapter owns: `news.example.cn`, `*.example.cn` (subdomains only), `127.0.0.1:8080`. */
  hosts?: string[];
  /** URL patterns it owns (with `hosts`: both must match). A glob with `://` matches the whole URL, else the path and query. */
  urls?: UrlPattern[];
  pages?: PageRules;
  links?: LinkRules;
  politeness?: {
    /** Minimum time between request starts on the site's hosts, in ms. */
    intervalMs?: number;
    /** Requests at once on one host. */
    concurrency?: number;
  };
  /** Browser rendering for the site's pages. @default the crawl's `--render` */
  render?: RenderMode;
  /**
   * `false` renders the site's pages by navigating a tab to each instead of writing each into a frame
   * (`src/fetch/browser-frame.ts`), for a site whose scripts refuse to run in a frame (they empty the page
   * when `top !== self`). Slower: a navigation costs Chromium about three times a frame. @default true
   */
  renderInFrame?: boolean;
  /** Offset (`+08:00`) or IANA zone (`Asia/Shanghai`) for times shown without one. @default "+08:00" */
  timezone?: string;
  /** Decode every page with this charset (for sites whose declarations lie). */
  charset?: string;
  /** Sent with every request to the site. */
  headers?: Record<string, string>;
  /** Sent as one `Cookie` header. */
  cookies?: Record<string, string>;
  /** The element holding the body, instead of the generic content picker; boilerplate filters still run. */
  content?: {
    selector: string;
    /** Removed from inside it first (ads, share bars the filters do not know). */
    remove?: string[];
  };
  fields?: FieldHooks;
  /** Site-specific fields, written as `record.extra[<name>][<key>]`. Values must be JSON. */
  extra?: Record<string, FieldSpec<unknown>>;
}

/** A checked adapter definition. */
export type Adapter = Readonly<AdapterDefinition> & { readonly [ADAPTER_BRAND]: true };

/** Global, so an adapter made by another copy of this module (jiti loads its own) is still recognised. */
export const ADAPTER_BRAND: unique symbol = Symbol.for("caiji.adapter") as never;

const isFunction = (value: unknown): boolean => typeof value === "function";
const fn = z.custom<(...args: never[]) => unknown>(isFunction, { message: "must be a function" });
const regex = z.instanceof(RegExp, { message: "must be a RegExp" });
const pattern = z.union([z.string().min(1), regex]);
const fieldSpec = z.union([
  z.string().min(1),
  z.strictObject({
    selector: z.string().min(1),
    attr: z.string().min(1).optional(),
    match: regex.optional(),
  }),
  z.strictObject({ url: regex }),
  fn,
]);
const offsetOrZone = z.string().refine((value) => /^[+-]\d{2}:\d{2}$/.test(value) || isTimeZone(value), {
  message: "must be an offset like +08:00 or an IANA zone like Asia/Shanghai",
});

/** The runtime check of `AdapterDefinition`; keep the two in step. */
export const adapterDefinitionSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes"),
    hosts: z
      .array(z.string().regex(/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i, "must be a host, *.host or host:port"))
      .optional(),
    urls: z.array(pattern).optional(),
    pages: z
      .strictObject({
        article: z.array(pattern).optional(),
        list: z.array(pattern).optional(),
        kind: fn.optional(),
      })
      .optional(),
    links: z
      .strictObject({
        follow: z.array(pattern).optional(),
        ignore: z.array(pattern).optional(),
        pagination: z.union([z.string().min(1), fn]).optional(),
        discover: fn.optional(),
      })
      .optional(),
    politeness: z
      .strictObject({
        intervalMs: z.number().int().nonnegative().optional(),
        concurrency: z.number().int().positive().optional(),
      })
      .optional(),
    render: z.enum(["never", "auto", "always"]).optional(),
    renderInFrame: z.boolean().optional(),
    timezone: offsetOrZone.optional(),
    charset: z.string().min(1).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    cookies: z.record(z.string(), z.string()).optional(),
    content: z
      .strictObject({ selector: z.string().min(1), remove: z.array(z.string().min(1)).optional() })
      .optional(),
    fields: z
      .strictObject({
        title: fieldSpec.optional(),
        publishedAt: fieldSpec.optional(),
        authors: fieldSpec.optional(),
        source: fieldSpec.optional(),
        views: fieldSpec.optional(),
        text: fn.optional(),
      })
      .optional(),
    extra: z.record(z.string(), fieldSpec).optional(),
  })
  .refine((value) => (value.hosts?.length ?? 0) + (value.urls?.length ?? 0) > 0, {
    message: "needs `hosts` or `urls` to say which pages it owns",
  });

/**
 * Checks an adapter definition and marks it as an adapter. Throws one line naming the adapter and the bad
 * setting, e.g. `adapter "sanniu": fields.views: must be a function`.
 */
export function defineAdapter(definition: AdapterDefinition): Adapter {
  const parsed = adapterDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    const name = typeof definition?.name === "string" ? `"${definition.name}"` : "(unnamed)";
    throw new Error(`adapter ${name}: ${where}${issue?.message ?? "invalid definition"}`);
  }
  // The caller's object, not zod's copy: zod would clone away nothing we need, but keeping identity keeps
  // RegExp and function references exactly as written.
  return Object.freeze({ ...definition, [ADAPTER_BRAND]: true as const });
}

/** True for objects made by `defineAdapter` (by any copy of this module). */
export function isAdapter(value: unknown): value is Adapter {
  return (
    typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[ADAPTER_BRAND] === true
  );
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
