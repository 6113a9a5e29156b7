/**
 * How each metadata field is judged against gold. The normalisations are deliberately small and the
 * same for caiji and the baseline: they forgive how a value is typed (full-width vs half-width,
 * spacing, quotes), never what it says.
 *
 * - label text (title, source): NFKC, lower-case, then every whitespace, punctuation (`\p{P}`) and
 *   symbol (`\p{S}`) character removed; equal after that. So `“暗伤”曝露？` = `"暗伤"曝露`, but a title
 *   with a site-name suffix (`…_光明网`) is not the headline.
 * - authors: a set of names. Both sides are split the same way: bracketed asides dropped
 *   (`周思博 (Joel Spolsky)` → `周思博`), then split on whitespace, `、`, `,`, `，`, `;`, `；`, `/`, `|`
 *   (not `&`: `放飞&心情` is one pen name); each name normalised like label text. Equal sets match;
 *   two empty sets match.
 * - views: the same integer, or both null.
 * - snippets (must / must not contain): NFKC and all whitespace removed on both sides, then a plain
 *   substring test. Counted per snippet, not per page.
 */

/** Bracketed asides inside a name field: romanisations, user ids, roles. */
const bracketedAside = /[(（[【][^)）\]】]*[)）\]】]/gu;

/** Separators between names in one author string. */
const nameSeparators = /[\s、,，;；/|]+/u;

const labelNoise = /[\s\p{P}\p{S}]+/gu;

/** Title/source normal form: NFKC, lower-case, no whitespace, punctuation or symbols. */
export function normalizeLabel(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(labelNoise, "");
}

/** Whether two label fields (title, source) say the same thing; null/empty equals only null/empty. */
export function labelMatches(gold: string | null, predicted: string | null): boolean {
  const goldForm = gold === null ? "" : normalizeLabel(gold);
  const predForm = predicted === null ? "" : normalizeLabel(predicted);
  return goldForm === predForm;
}

/** The set of normalised names in a list of author strings. */
export function authorSet(names: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const name of names) {
    for (const part of name.normalize("NFKC").replace(bracketedAside, " ").split(nameSeparators)) {
      const normal = normalizeLabel(part);
      if (normal !== "") set.add(normal);
    }
  }
  return set;
}

export function authorsMatch(gold: readonly string[], predicted: readonly string[]): boolean {
  const goldSet = authorSet(gold);
  const predSet = authorSet(predicted);
  return goldSet.size === predSet.size && [...goldSet].every((name) => predSet.has(name));
}

export function viewsMatch(gold: number | null, predicted: number | null): boolean {
  return gold === predicted;
}

/** Snippet normal form: NFKC with every whitespace character removed. */
export function normalizeSnippetText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, "");
}

/** Whether `snippet` occurs in `text` once both are in snippet normal form. */
export function containsSnippet(text: string, snippet: string): boolean {
  return normalizeSnippetText(text).includes(normalizeSnippetText(snippet));
}

/** Whether the body opens with `first` (snippet normal form): nothing kept above the article's start. */
export function startsWithSnippet(text: string, first: string): boolean {
  return normalizeSnippetText(text).startsWith(normalizeSnippetText(first));
}

/** Whether the body closes with `last` (snippet normal form): nothing kept below the article's end. */
export function endsWithSnippet(text: string, last: string): boolean {
  return normalizeSnippetText(text).endsWith(normalizeSnippetText(last));
}
