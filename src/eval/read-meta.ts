/**
 * The small metadata sets under `zh/meta/`, each labelled by another project's own test data:
 *
 * - `readability/<case>/`: `source.html` + `expected-metadata.json` (`title`, `byline`). These are
 *   Readability's expected *outputs*: `title` is the document title with its site-name suffix, `byline`
 *   what Readability reads as the byline. They say what Readability returns, not what the page's headline
 *   is, so the baseline is scored against its own answers here.
 * - `trafilatura/`: `evaldata-zh.json` = `{url: {file, title, author, date, with, without}}` over `html/`.
 *   An empty `author` means none. A page in `html/` without an entry is not scored.
 * - `htmldate/`: `eval-zh.json` = `{url: {file, date}}` over `html/`.
 *
 * (`newspaper4k/` is a library's recorded output, not gold, and is not scored.)
 */

import { readdirSync, statSync } from "node:fs";
import {
  CorpusError,
  join,
  listFiles,
  naturalOrder,
  readBytes,
  readJson,
  requireDir,
  syntheticUrl,
} from "./corpus-files.js";
import { parseDateParts } from "./date-match.js";
import type { EvalCase, EvalSetData } from "./eval-case.js";

function asRecord(data: unknown, path: string): Record<string, Record<string, unknown>> {
  if (typeof data !== "object" || data === null) throw new CorpusError(`${path}: expected an object`);
  return data as Record<string, Record<string, unknown>>;
}

function stringField(entry: Record<string, unknown>, key: string): string | undefined {
  const value = entry[key];
  return typeof value === "string" ? value : undefined;
}

function stringList(entry: Record<string, unknown>, key: string): string[] | undefined {
  const value = entry[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;
}

/** Adds a labelled date, or a note when the label is not a date. */
function applyDate(caseData: EvalCase, date: string | undefined, notes: string[]): void {
  if (!date) return;
  const parts = parseDateParts(date);
  if (parts) {
    caseData.gold.published = parts;
    caseData.gold.publishedText = date;
  } else {
    notes.push(`${caseData.file}: gold date "${date}" is not a date: date not scored`);
  }
}

export function readMetaReadability(dir: string): EvalSetData {
  requireDir(dir);
  const cases: EvalCase[] = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort(naturalOrder)
    .map((name) => {
      const path = join(dir, name, "expected-metadata.json");
      const expected = asRecord(readJson(path), path) as Record<string, unknown>;
      const file = `${name}/source.html`;
      const byline = stringField(expected, "byline");
      return {
        file,
        url: syntheticUrl("meta/readability", file),
        body: readBytes(join(dir, file)),
        gold: { title: stringField(expected, "title") ?? null, authors: byline ? [byline] : [] },
      };
    });
  return {
    lang: "zh",
    cases,
    notes: [
      "gold is Readability's own expected output (the <title> with its site suffix, the byline as Readability reads it): " +
        "the baseline matches it by construction, so caiji is not compared with the baseline here",
    ],
  };
}

export function readMetaTrafilatura(dir: string): EvalSetData {
  requireDir(dir);
  const path = join(dir, "evaldata-zh.json");
  const entries = asRecord(readJson(path), path);
  const notes: string[] = [];
  const labelled = new Set<string>();
  const cases: EvalCase[] = Object.entries(entries)
    .sort(([, a], [, b]) => naturalOrder(String(a.file), String(b.file)))
    .map(([url, entry]) => {
      const name = stringField(entry, "file");
      if (!name) throw new CorpusError(`${path}: entry ${url} has no file`);
      labelled.add(name);
      const author = stringField(entry, "author")?.trim();
      const caseData: EvalCase = {
        file: `html/${name}`,
        url,
        body: readBytes(join(dir, "html", name)),
        gold: {
          title: stringField(entry, "title") ?? null,
          authors: author ? [author] : [],
          mustContain: stringList(entry, "with") ?? [],
          mustNotContain: stringList(entry, "without") ?? [],
        },
      };
      applyDate(caseData, stringField(entry, "date"), notes);
      return caseData;
    });
  for (const name of listFiles(join(dir, "html"), ".html")) {
    if (!labelled.has(name)) notes.push(`html/${name}: no gold entry, not scored`);
  }
  return { lang: "zh", cases, notes };
}

export function readMetaHtmldate(dir: string): EvalSetData {
  requireDir(dir);
  const path = join(dir, "eval-zh.json");
  const entries = asRecord(readJson(path), path);
  const notes: string[] = [];
  const cases: EvalCase[] = Object.entries(entries)
    .sort(([, a], [, b]) => naturalOrder(String(a.file), String(b.file)))
    .map(([url, entry]) => {
      const name = stringField(entry, "file");
      if (!name) throw new CorpusError(`${path}: entry ${url} has no file`);
      const caseData: EvalCase = {
        file: `html/${name}`,
        url,
        body: readBytes(join(dir, "html", name)),
        gold: {},
      };
      applyDate(caseData, stringField(entry, "date"), notes);
      return caseData;
    });
  return { lang: "zh", cases, notes };
}
