/**
 * The CleanEval 2007 Chinese set (`zh/cleaneval/`). Each `original/NN.html` is wrapped in a
 * `<text id=URL title=.. encoding=..>` line and a closing `</text>` that were never part of the page:
 * they are cut off as bytes (the title attribute is in the page's own encoding) and the `id` becomes the
 * page URL. The official gold `cleaned-gold/NN-cleaned.txt` marks paragraphs with `<h>`, `<p>`, `<l>`
 * (`<P>` twice) and sometimes opens with a `URL: …` line; both are removed, the text itself is kept
 * (so a `<h>` headline is part of the gold body). `author/` and `date/` use CWCED's label format; an empty
 * file means "not labelled".
 */
import { join, listFiles, readBytes, readText, readTextIfExists, syntheticUrl } from "./corpus-files.js";
import type { EvalCase, EvalSetData } from "./eval-case.js";
import { applyDateLabel, collectNotes, parseAuthorLabel, parseDateLabel } from "./read-cwced.js";

const wrapperOpen = /^\s*<text\s[^\n]*>[ \t]*\r?\n?/;
const wrapperClose = /<\/text>\s*$/;
const wrapperId = /^\s*<text\s+id="([^"]*)"/;

/** The page bytes without the CleanEval wrapper, and the URL the wrapper names (if any). */
export function unwrapCleanEvalPage(bytes: Uint8Array): { body: Uint8Array; url: string | undefined } {
  // latin1 maps bytes 1:1 to code units, so string offsets are byte offsets whatever the page's charset.
  const asBytes = Buffer.from(bytes).toString("latin1");
  const open = wrapperOpen.exec(asBytes);
  if (!open) return { body: bytes, url: undefined };
  const url = wrapperId.exec(asBytes)?.[1];
  const start = open[0].length;
  const close = wrapperClose.exec(asBytes);
  const end = close && close.index >= start ? close.index : asBytes.length;
  const pageUrl = url && /^https?:\/\//.test(url) ? url : undefined;
  return { body: new Uint8Array(bytes.subarray(start, end)), url: pageUrl };
}

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
