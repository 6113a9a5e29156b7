/**
 * CleanEval stored each page inside a `<text id=URL title=.. encoding=..>` line and a closing `</text>`
 * that were never part of the page. Left in, an HTML parser puts the whole page inside an unknown
 * element in `<body>`, which changes what extractors see, so the wrapper is cut off as bytes (the title
 * attribute is in the page's own encoding, so decoding first could garble the page) and its `id` is kept
 * as the page URL. CWCED reuses 49 CleanEval pages with the wrapper still on, so both readers use this.
 */

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
