/**
 * Whitespace rules for one paragraph of Chinese (or mixed) text.
 *
 * Why a module of its own: `textContent` keeps the source's line wrapping, and old Chinese pages wrap
 * inside sentences, so a naive "collapse whitespace to one space" would put spaces between Chinese
 * characters that the reader never sees. A line break between two CJK characters is removed; any other
 * whitespace run becomes one space. Full-width spaces and `&nbsp;` used as paragraph indentation
 * (`　　正文…`) disappear with the trim.
 */

/** CJK ideographs, CJK punctuation and full-width forms: the characters that are written unspaced. */
export const CJK_CHAR =
  "\\u2e80-\\u2fdf\\u3001-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff01-\\uffef";

const LINE_BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK_CHAR}])\\s*\\n\\s*(?=[${CJK_CHAR}])`, "g");
// `\s` in JavaScript already covers U+00A0, U+3000 and the other Unicode spaces.
const WHITESPACE_RUN = /\s+/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** Normalises one paragraph: no wrapping artefacts, one space between words, trimmed both ends. */
export function normalizeParagraph(raw: string): string {
  return raw
    .replace(ZERO_WIDTH, "")
    .replace(/\r\n?/g, "\n")
    .replace(LINE_BREAK_BETWEEN_CJK, "")
    .replace(WHITESPACE_RUN, " ")
    .trim();
}

/** CJK Unified Ideographs, Extension A and Compatibility Ideographs: what a Chinese reader counts as a word. */
function isCjkIdeograph(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** Number of CJK ideographs in `text`. */
export function countCjk(text: string): number {
  // A loop over char codes, not a global match: called on every block of every page, and a match array of
  // thousands of one-character strings is most of what it cost.
  let count = 0;
  for (let i = 0; i < text.length; i++) if (isCjkIdeograph(text.charCodeAt(i))) count++;
  return count;
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** True for a letter or digit of any script (the code point that starts at `i`). */
function isLetterOrNumber(text: string, i: number, code: number): boolean {
  if (code < 0x80)
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  return LETTER_OR_NUMBER.test(String.fromCodePoint(text.codePointAt(i) ?? code));
}

/**
 * Length in "reading units": one per CJK ideograph, one per run of letters/digits. Comparable across
 * Chinese and English where raw character counts are not (an English word is ~5 characters).
 */
export function readingLength(text: string): number {
  let units = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isCjkIdeograph(code)) {
      units++;
      inWord = false;
    } else if (isLetterOrNumber(text, i, code)) {
      if (!inWord) units++;
      inWord = true;
      if (code >= 0xd800 && code <= 0xdbff) i++; // the rest of an astral letter
    } else {
      inWord = false;
    }
  }
  return units;
}

/** Sentence-ending marks in Chinese and Western text (the closing quote after them is allowed). */
const SENTENCE_END = /[。！？!?…；;.](?:[”’"'）)」』】]*)$/;

/** True when the paragraph ends like a sentence rather than a headline or a label. */
export function endsLikeSentence(text: string): boolean {
  return SENTENCE_END.test(text.trim());
}

/** Chinese body-text punctuation: its density is the strongest sign of running prose. */
const PROSE_PUNCTUATION = /[，。、；：！？“”‘’（）《》,.;!?]/g;

/** Number of prose punctuation marks (full- and half-width) in `text`. */
export function countPunctuation(text: string): number {
  return text.match(PROSE_PUNCTUATION)?.length ?? 0;
}
