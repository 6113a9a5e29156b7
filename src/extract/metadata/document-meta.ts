/**
 * Reading what a page declares about itself in `<head>`: `<meta>` values and JSON-LD objects.
 *
 * Several field extractors consult the same declarations (og:title, article:published_time,
 * JSON-LD `author`/`datePublished`), and both formats have traps worth handling once: meta names come
 * in any case and under `name`, `property`, `itemprop` or `http-equiv`; JSON-LD blocks are often
 * malformed, wrap their objects in `@graph` or arrays, and carry control characters that strict
 * `JSON.parse` rejects. A block that still fails is skipped, never fatal.
 */

/** Every `<meta>` content by lower-cased name/property/itemprop/http-equiv, in document order. */
export type MetaTags = ReadonlyMap<string, readonly string[]>;

const META_KEY_ATTRIBUTES = ["name", "property", "itemprop", "http-equiv"];

/**
 * Reads all `<meta>` tags once; lookups then cost nothing. `bodyMetas` are the ones the page walk met
 * in `<body>` (broken pages put their head there); without them the whole document is searched.
 */
export function readMetaTags(document: Document, bodyMetas?: readonly Element[]): MetaTags {
  const tags = new Map<string, string[]>();
  const metas = bodyMetas
    ? [...headElements(document, "meta"), ...bodyMetas]
    : Array.from(document.querySelectorAll("meta"));
  for (const meta of metas) {
    const content = (meta.getAttribute("content") ?? "").trim();
    if (content.length === 0) continue;
    for (const attribute of META_KEY_ATTRIBUTES) {
      const key = (meta.getAttribute(attribute) ?? "").trim().toLowerCase();
      if (key.length === 0) continue;
      const values = tags.get(key) ?? [];
      values.push(content);
      tags.set(key, values);
    }
  }
  return tags;
}

/** The content of every `<meta>` whose name matches one of `names`, in the order of `names`. */
export function metaValues(source: Document | MetaTags, names: readonly string[]): string[] {
  const tags = source instanceof Map ? (source as MetaTags) : readMetaTags(source as Document);
  return names.flatMap((name) => tags.get(name.toLowerCase()) ?? []);
}

/** The first non-empty meta value for `names`, tried in the order given. */
export function firstMetaValue(source: Document | MetaTags, names: readonly string[]): string | null {
  return metaValues(source, names)[0] ?? null;
}

export type JsonLdObject = Record<string, unknown>;

/** Elements of `<head>` with the given tag name, found by walking it (selectors are slow on big DOMs). */
export function headElements(document: Document, tag: string): Element[] {
  const found: Element[] = [];
  const visit = (parent: Element): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (child.localName === tag) found.push(child);
      else visit(child);
    }
  };
  if (document.head) visit(document.head);
  return found;
}

/** Every `<script type="application/ld+json">` of `<head>` (body scripts are collected by the page walk). */
export function headJsonLdScripts(document: Document): Element[] {
  return headElements(document, "script").filter(isJsonLdScript);
}

export function isJsonLdScript(element: Element): boolean {
  return (
    element.localName === "script" &&
    (element.getAttribute("type") ?? "").trim().toLowerCase() === "application/ld+json"
  );
}

/** Every object found in the given JSON-LD scripts, `@graph` members and array items flattened. */
export function jsonLdObjects(scripts: readonly Element[]): JsonLdObject[] {
  const objects: JsonLdObject[] = [];
  for (const script of scripts) {
    const parsed = parseLenient(script.textContent ?? "");
    if (parsed !== undefined) collectObjects(parsed, objects, 0);
  }
  return objects;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f]+/g;

function parseLenient(text: string): unknown {
  const cleaned = text
    .trim()
    .replace(/^<!--|-->$/g, "")
    // Raw newlines and tabs inside strings are the most common defect of hand-built JSON-LD.
    .replace(CONTROL_CHARACTERS, " ");
  try {
    return JSON.parse(cleaned);
  } catch {
    return undefined;
  }
}

function collectObjects(value: unknown, into: JsonLdObject[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) collectObjects(item, into, depth + 1);
    return;
  }
  const object = value as JsonLdObject;
  into.push(object);
  if (object["@graph"] !== undefined) collectObjects(object["@graph"], into, depth + 1);
}

/** JSON-LD `@type` values of an object, lower-cased (`NewsArticle`, `["Article", "BlogPosting"]`). */
export function jsonLdTypes(object: JsonLdObject): string[] {
  const type = object["@type"];
  const types = Array.isArray(type) ? type : [type];
  return types.filter((item): item is string => typeof item === "string").map((item) => item.toLowerCase());
}

const ARTICLE_TYPES = /article|posting|report|news|webpage|creativework/;

/** JSON-LD objects that describe the page's article (Article, NewsArticle, BlogPosting, …). */
export function jsonLdArticles(objects: readonly JsonLdObject[]): JsonLdObject[] {
  return objects.filter((object) => jsonLdTypes(object).some((type) => ARTICLE_TYPES.test(type)));
}

/** A string property of the first article-like JSON-LD object that has it. */
export function jsonLdString(objects: readonly JsonLdObject[], property: string): string | null {
  for (const object of jsonLdArticles(objects)) {
    const value = object[property];
    if (typeof value === "string" && value.trim().length > 0) return value.trim();
  }
  return null;
}
