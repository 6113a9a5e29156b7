/**
 * The CleanEval 2007 Chinese set (`zh/cleaneval/`). Each `original/NN.html` is wrapped in CleanEval's
 * `<text id=URL …>` line, cut off by `unwrapCleanEvalPage` (the `id` becomes the page URL). The official
 * gold `cleaned-gold/NN-cleaned.txt` marks paragraphs with `<h>`, `<p>`, `<l>` (`<P>` twice) and sometimes opens with a `URL: …` line; both are removed, the text itself is kept
 * (so a `<h>` headline is part of the gold body). `author/` and `date/` use CWCED's label format; an empty
 * file means "not labelled".
 */

import { unwrapCleanEvalPage } from "./cleaneval-wrapper.js";
import { join, listFiles, readBytes, readText, readTextIfExists, syntheticUrl } from "./corpus-files.js";
import type { EvalCase, EvalSetData } from "./eval-case.js";
import { applyDateLabel, collectNotes, parseAuthorLabel, parseDateLabel } from "./read-cwced.js";

/** Gold text without paragraph marks and without the leading `URL:` line. */
export function cleanEvalGoldText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .replace(/^\s*URL:[^\n]*\n/, "")
    .replace(/<[hpl]>/gi, "")
    .trim();
}

export function readCleanEval(dir: string): EvalSetData {
  const cases: EvalCase[] = [];
  for (const name of listFiles(join(dir, "original"), ".html")) {
    const id = name.replace(/\.html$/, "");
    const file = `original/${name}`;
    const { body, url } = unwrapCleanEvalPage(readBytes(join(dir, file)));
    const caseData: EvalCase = {
      file,
      url: url ?? syntheticUrl("cleaneval", file),
      body,
      gold: { body: cleanEvalGoldText(readText(join(dir, "cleaned-gold", `${id}-cleaned.txt`))) },
    };
    const authors = parseAuthorLabel(readTextIfExists(join(dir, "author", `${id}.txt`)));
    if (authors !== undefined) caseData.gold.authors = authors;
    applyDateLabel(caseData, parseDateLabel(readTextIfExists(join(dir, "date", `${id}.txt`))));
    cases.push(caseData);
  }
  return { lang: "zh", cases, notes: collectNotes(cases) };
}
