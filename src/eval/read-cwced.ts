/**
 * The CWCED set (`zh/cwced/`): raw pages (`original/<id>.html`, mostly GBK) with a hand-copied body
 * (`cleaned/<id>.txt`: no title, no byline), authors (`author/<id>.txt`) and a date (`date/<id>.txt`).
 * Pages taken from CleanEval still carry its `<text id=URL>` wrapper, which is cut off here too.
 * The author and date label format is shared with the CleanEval folder, so its parsers live here.
 */

import { unwrapCleanEvalPage } from "./cleaneval-wrapper.js";
import { join, listFiles, readBytes, readText, readTextIfExists, syntheticUrl } from "./corpus-files.js";
import type { DateParts } from "./date-match.js";
import { parseDateParts } from "./date-match.js";
import type { EvalCase, EvalSetData } from "./eval-case.js";

/** How the annotators wrote "the page shows none" (one file has the typo). */
export const absentLabels = new Set(["UNKNOWN", "UNKNWON"]);

/**
 * An author label: `undefined` when the file is missing or empty (not labelled), `[]` for UNKNOWN, else
 * the label as one string (names inside are split when scored, see `authorSet`).
 */
export function parseAuthorLabel(text: string | undefined): string[] | undefined {
  const label = text?.trim();
  if (!label) return undefined;
  return absentLabels.has(label) ? [] : [label];
}

export type DateLabel =
  | { kind: "unlabelled" }
  | { kind: "absent" }
  | { kind: "date"; parts: DateParts; text: string }
  | { kind: "unusable"; text: string };

/** A date label: `1998-3` and `2018` are partial dates (only the parts given are compared). */
export function parseDateLabel(text: string | undefined): DateLabel {
  const label = text?.trim();
  if (!label) return { kind: "unlabelled" };
  if (absentLabels.has(label)) return { kind: "absent" };
  const parts = parseDateParts(label);
  return parts ? { kind: "date", parts, text: label } : { kind: "unusable", text: label };
}

/** Adds a date label to `caseData` (and a note when the label is not a date). */
export function applyDateLabel(caseData: EvalCase, label: DateLabel): void {
  if (label.kind === "absent") {
    caseData.gold.published = null;
    caseData.gold.publishedText = null;
  } else if (label.kind === "date") {
    caseData.gold.published = label.parts;
    caseData.gold.publishedText = label.text;
  } else if (label.kind === "unusable") {
    caseData.notes = [...(caseData.notes ?? []), `gold date "${label.text}" is not a date: date not scored`];
  }
}

export function readCwced(dir: string): EvalSetData {
  const cases: EvalCase[] = [];
  let unwrapped = 0;
  for (const name of listFiles(join(dir, "original"), ".html")) {
    const id = name.replace(/\.html$/, "");
    const file = `original/${name}`;
    const { body, url } = unwrapCleanEvalPage(readBytes(join(dir, file)));
    if (url) unwrapped++;
    const caseData: EvalCase = {
      file,
      url: url ?? syntheticUrl("cwced", file),
      body,
      gold: { body: readText(join(dir, "cleaned", `${id}.txt`)) },
    };
    const authors = parseAuthorLabel(readTextIfExists(join(dir, "author", `${id}.txt`)));
    if (authors !== undefined) caseData.gold.authors = authors;
    applyDateLabel(caseData, parseDateLabel(readTextIfExists(join(dir, "date", `${id}.txt`))));
    cases.push(caseData);
  }
  const notes = collectNotes(cases);
  if (unwrapped > 0) {
    notes.unshift(
      `${unwrapped} pages are CleanEval pages still in its <text id=URL> wrapper: the wrapper is cut off and its URL used, as in the cleaneval set`,
    );
  }
  return { lang: "zh", cases, notes };
}

/** Page notes lifted to the set, prefixed by file, so they show beside the table. */
export function collectNotes(cases: readonly EvalCase[]): string[] {
  return cases.flatMap((c) => (c.notes ?? []).map((note) => `${c.file}: ${note}`));
}
