/**
 * The page's language as a primary code (`zh`, `en`), `und` when there is no text to judge.
 *
 * Declarations come first (`<html lang="zh-CN">`, `<meta http-equiv="content-language">`), normalised
 * to the primary subtag. Chinese CMS templates often ship `lang="en"` unchanged from the theme, so a
 * declaration is cross-checked: when the visible text is mostly CJK while the page claims a Latin-script
 * language, the text wins. Without any declaration the share of CJK, kana and hangul characters decides.
 */
import type { MetadataContext } from "./context.js";
import { firstMetaValue } from "./document-meta.js";
import type { PageAnalysis } from "./page-analysis.js";

/** Text sampled for detection; enough to be stable, small enough to be cheap on huge pages. */
const SAMPLE_CHARS = 5000;

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const KANA = /[\u3040-\u30ff]/g;
const HANGUL = /[\uac00-\ud7af]/g;
const LATIN = /[A-Za-z]/g;

/** Declared languages whose script is CJK: a CJK-heavy text does not contradict them. */
const CJK_LANGUAGES = new Set(["zh", "ja", "ko"]);

/**
 * @example extractLang(document) // "zh"
 */
export function extractLang(document: Document, _ctx?: MetadataContext, page?: PageAnalysis): string {
  const declared = primaryCode(
    document.documentElement?.getAttribute("lang") ??
      document.documentElement?.getAttribute("xml:lang") ??
      firstMetaValue(page?.meta ?? document, ["content-language", "language", "og:locale"]),
  );
  const text = page ? linesSample(page) : sampleText(document);
  const detected = detectFromText(text);
  if (!declared) return detected;
  if (detected !== "und" && CJK_LANGUAGES.has(detected) !== CJK_LANGUAGES.has(declared)) return detected;
  return declared;
}

function primaryCode(value: string | null | undefined): string | null {
  const code = value
    ?.trim()
    .split(/[-_,;\s]/)[0]
    ?.toLowerCase();
  return code && /^[a-z]{2,3}$/.test(code) ? code : null;
}

function linesSample(page: PageAnalysis): string {
  let text = "";
  for (const line of page.lines) {
    if (text.length >= SAMPLE_CHARS) break;
    if (line.zone === "content") text += line.text;
  }
  return text;
}

function sampleText(document: Document): string {
  const body = document.body;
  if (!body) return "";
  const walker = document.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let text = "";
  for (let node = walker.nextNode(); node && text.length < SAMPLE_CHARS; node = walker.nextNode()) {
    const parent = node.parentElement?.localName;
    if (parent === "script" || parent === "style" || parent === "noscript") continue;
    text += node.nodeValue ?? "";
  }
  return text;
}

/** Language from script shares: CJK characters weigh as words, Latin letters are counted per 5. */
export function detectFromText(text: string): string {
  const han = text.match(HAN)?.length ?? 0;
  const kana = text.match(KANA)?.length ?? 0;
  const hangul = text.match(HANGUL)?.length ?? 0;
  const latinWords = (text.match(LATIN)?.length ?? 0) / 5;
  const total = han + kana + hangul + latinWords;
  if (total < 1) return "und";
  if (kana > 0 && kana >= (han + kana) * 0.1 && han + kana >= latinWords) return "ja";
  if (hangul >= han && hangul >= latinWords) return "ko";
  if (han >= latinWords) return "zh";
  return "en";
}
