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

const CJK_IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/** Number of CJK ideographs in `text`. */
export function countCjk(text: string): number {
  return text.match(CJK_IDEOGRAPH)?.length ?? 0;
}

/**
 * Length in "reading units": one per CJK ideograph, one per run of letters/digits. Comparable across
 * Chinese and English where raw character counts are not (an English word is ~5 characters).
 */
export function readingLength(text: string): number {
  const words = text.replace(CJK_IDEOGRAPH, " ").match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return countCjk(text) + words;
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
