/**
 * Reading what a page declares about itself in `<head>`: `<meta>` values and JSON-LD objects.
 *
 * Several field extractors consult the same declarations (og:title, article:published_time,
 * JSON-LD `author`/`datePublished`), and both formats have traps worth handling once: meta names come
 * in any case and under `name`, `property`, `itemprop` or `http-equiv`; JSON-LD blocks are often
 * malformed, wrap their objects in `@graph` or arrays, and carry control characters that strict
 * `JSON.parse` rejects. A block that still fails is skipped, never fatal.
 */

/** The content of every `<meta>` whose name/property/itemprop/http-equiv matches one of `names`. */
export function metaValues(document: Document, names: readonly string[]): string[] {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  const values: string[] = [];
  for (const meta of Array.from(document.querySelectorAll("meta"))) {
    const keys = ["name", "property", "itemprop", "http-equiv"].map((attribute) =>
      (meta.getAttribute(attribute) ?? "").trim().toLowerCase(),
    );
    if (!keys.some((key) => key.length > 0 && wanted.has(key))) continue;
    const content = (meta.getAttribute("content") ?? "").trim();
    if (content.length > 0) values.push(content);
  }
  return values;
}

/** The first non-empty meta value for `names`, tried in the order given. */
export function firstMetaValue(document: Document, names: readonly string[]): string | null {
  for (const name of names) {
    const [value] = metaValues(document, [name]);
    if (value) return value;
  }
  return null;
}

export type JsonLdObject = Record<string, unknown>;

/** Every object found in the page's JSON-LD blocks, `@graph` members and array items flattened. */
export function jsonLdObjects(document: Document): JsonLdObject[] {
  const objects: JsonLdObject[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
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
export function jsonLdArticles(document: Document): JsonLdObject[] {
  return jsonLdObjects(document).filter((object) =>
    jsonLdTypes(object).some((type) => ARTICLE_TYPES.test(type)),
  );
}

/** A string property of the first article-like JSON-LD object that has it. */
export function jsonLdString(document: Document, property: string): string | null {
  for (const object of jsonLdArticles(document)) {
    const value = object[property];
    if (typeof value === "string" && value.trim().length > 0) return value.trim();
  }
  return null;
}
