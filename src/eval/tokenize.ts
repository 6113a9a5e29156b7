/**
 * Tokenisers for body-text scoring, kept apart from caiji's segmenter on purpose: a score must not move
 * when the extractor's own tokenisation changes, and it must match how published numbers were computed.
 *
 * - `aebTokens` is the Article Extraction Benchmark's tokeniser: Python's `re.findall(r"\w+", text)`.
 *   Python's `\w` on `str` is "alphanumeric or underscore", i.e. Unicode letters (L*), numbers (N*) and
 *   `_`; combining marks are *not* word characters, so they split words exactly as in Python. Case is
 *   kept (the upstream `IGNORECASE` flag does not change what `findall` returns).
 * - `cjkTokens` is the same, except that every CJK character (Han, Hiragana, Katakana) is a token of its
 *   own. Chinese has no spaces, so a `\w+` run would be a whole sentence and a 4-gram of sentences scores
 *   nothing useful. On text without CJK characters it returns exactly what `aebTokens` returns.
 *
 * @example
 *   aebTokens("It's 2019, O'Brien.")   // ["It", "s", "2019", "O", "Brien"]
 *   cjkTokens("新京报讯2019年GDP增长") // ["新","京","报","讯","2019","年","GDP","增","长"]
 */

/** Python 3 `\w` for `str` patterns: letters, numbers, underscore. */
const wordRun = /[\p{L}\p{N}_]+/gu;

/** One CJK character, or a run of word characters containing none. */
const cjkPiece =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

export type Tokenizer = (text: string) => string[];

/** AEB's tokens: runs of `\w` characters. */
export const aebTokens: Tokenizer = (text) => text.match(wordRun) ?? [];

/** AEB's tokens with every CJK character split off as its own token. */
export const cjkTokens: Tokenizer = (text) => {
  const tokens: string[] = [];
  for (const run of aebTokens(text)) {
    for (const piece of run.match(cjkPiece) ?? []) tokens.push(piece);
  }
  return tokens;
};

/** The tokeniser for a set's language: `zh` sets use `cjkTokens`, everything else `aebTokens`. */
export function tokenizerFor(lang: "zh" | "en"): Tokenizer {
  return lang === "zh" ? cjkTokens : aebTokens;
}
