/**
 * Compares one field of an extracted record with a golden expectation and says, in words, what is wrong.
 * Returning messages (rather than throwing) keeps each failure readable in the test report: which phrase
 * leaked into the text and where, which token is missing, what the text really starts with.
 */
import type { ArticleRecord } from "../../src/output/record-schema.js";
import type { GoldenExpect, GoldenField } from "./golden-cases.js";

const snippetChars = 40;

function around(text: string, index: number, length: number): string {
  const from = Math.max(0, index - snippetChars);
  const to = Math.min(text.length, index + length + snippetChars);
  return `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`.replace(/\n/g, "⏎");
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function same(actual: unknown, expected: unknown): boolean {
  return JSON.stringify(actual) === JSON.stringify(expected);
}

function scalar(field: string, actual: unknown, expected: unknown): string[] {
  return same(actual, expected) ? [] : [`${field}: expected ${show(expected)}, got ${show(actual)}`];
}

/** The problems with `field` of `record`; an empty list means the field is right. */
export function checkGoldenField(record: ArticleRecord, field: GoldenField, expect: GoldenExpect): string[] {
  const text = record.text;
  switch (field) {
    case "title":
    case "publishedAt":
    case "authors":
    case "source":
    case "views":
    case "canonicalUrl":
    case "lang":
      return scalar(field, record[field], expect[field]);
    case "charset":
      return scalar("fetch.charset", record.fetch.charset, expect.charset);
    case "textStartsWith":
      return text.startsWith(expect.textStartsWith)
        ? []
        : [
            `text should start with ${show(expect.textStartsWith)} but starts with ${show(text.slice(0, expect.textStartsWith.length + snippetChars))}`,
          ];
    case "textEndsWith":
      return text.endsWith(expect.textEndsWith)
        ? []
        : [
            `text should end with ${show(expect.textEndsWith)} but ends with ${show(text.slice(-(expect.textEndsWith.length + snippetChars)))}`,
          ];
    case "textContains":
      return expect.textContains
        .filter((phrase) => !text.includes(phrase))
        .map((phrase) => `text is missing ${show(phrase)}`);
    case "textNotContains":
      return expect.textNotContains.flatMap((phrase) => {
        const index = text.indexOf(phrase);
        return index < 0
          ? []
          : [`text must not contain ${show(phrase)}: ${around(text, index, phrase.length)}`];
      });
    case "tokensContain": {
      const tokens = new Set(record.tokens);
      return expect.tokensContain
        .filter((token) => !tokens.has(token))
        .map((token) => `tokens are missing ${show(token)}`);
    }
    case "htmlContains":
      return expect.htmlContains
        .filter((fragment) => !record.html.includes(fragment))
        .map((fragment) => `html is missing ${show(fragment)}`);
  }
}

/** Every field a golden case asserts, in the order the report lists them. */
export const goldenFields: readonly GoldenField[] = [
  "title",
  "publishedAt",
  "authors",
  "source",
  "views",
  "canonicalUrl",
  "lang",
  "charset",
  "textStartsWith",
  "textEndsWith",
  "textContains",
  "textNotContains",
  "tokensContain",
  "htmlContains",
];
