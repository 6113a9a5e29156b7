/**
 * Where the article comes from (`来源：新华社`): the outlet or account the page credits, not its author.
 *
 * Sources, first good answer wins:
 *   1. labelled bylines (`来源：`, `稿件来源`, `信息来源`, `文章来源`, `Source:` …), nearest the headline;
 *   2. a `source`/`ContentSource` meta tag;
 *   3. the name standing unlabelled beside the date in the byline under the headline
 *      (`2019年11月25日 18:57 参考消息`, `华夏人文 2020-03-09 18:14:21`), as portals print it.
 * A value ends at the next label or separator; generic non-sources (`网络`, `互联网`, `本站`) are skipped.
 */
import { hitsFor, parseBylineText } from "./byline-labels.js";
import type { MetadataContext } from "./context.js";
import { firstMetaValue } from "./document-meta.js";
import { parseDate, parseYearlessDate } from "./normalize-date.js";
import { analyzePage, type PageAnalysis } from "./page-analysis.js";
import { ELEMENT_SEAM } from "./page-lines.js";
import { profileLinkName } from "./profile-link.js";

/** Values that name no outlet: "from the internet", "this site", "original". */
export const GENERIC_SOURCES: ReadonlySet<string> = new Set([
  "网络",
  "互联网",
  "网络整理",
  "网友",
  "网友投稿",
  "本站",
  "本网",
  "原创",
  "本站原创",
  "本网原创",
  "原创稿件",
  "本站整理",
  "网络转载",
  "转载",
  "未知",
  "不详",
  "综合",
  "综合整理",
  "佚名",
  "admin",
  "null",
  "undefined",
]);

/** Words that share a byline with the outlet but are page furniture or badges. */
const BYLINE_NOISE =
  /^(?:原创|独家|首发|专栏|举报|分享|分享到|收藏|\+?关注|已关注|订阅|打印|字号|评论|缩小字体|放大字体|\d+条?评论|我有话说.*|收藏本文|参与.*|.*人参与|[大中小]|[AaＡ][+-]|\d+|·|•)$/;

const META_SOURCE_NAMES = ["source", "contentsource", "og:article:source", "article:source", "mediaid"];

const MAX_SOURCE_CHARS = 30;

/**
 * @example extractSource(document, ctx) // "无锡日报"
 */
export function extractSource(
  document: Document,
  _ctx?: MetadataContext,
  page: PageAnalysis = analyzePage(document),
): string | null {
  for (const hit of hitsFor(page, "source")) {
    const value = cleanSource(hit.value);
    if (value && (hit.hasColon || hit.line.text.length <= 80)) return value;
  }

  const declared = firstMetaValue(page.meta, META_SOURCE_NAMES);
  if (declared) {
    const value = cleanSource(declared.replace(/^.*?(?:来源|source)\s*[:：]\s*/i, ""));
    if (value) return value;
  }

  return bylineOutlet(page);
}

/** First token of a labelled value, unless it is a multi-word Latin name (`China Daily`). */
export function cleanSource(raw: string): string | null {
  let value = raw.replaceAll(ELEMENT_SEAM, " ").trim();
  if (!/^[A-Za-z][A-Za-z .&'-]*$/.test(value)) value = value.split(/\s+/)[0] ?? "";
  value = value.replace(/^[《「『"“(（[]+|[》」』"”)）\],，。.;；:：]+$/g, "").trim();
  if (value.length < 2 || value.length > MAX_SOURCE_CHARS) return null;
  if (GENERIC_SOURCES.has(value.toLowerCase())) return null;
  if (/^(?:https?:|www\.)|@/.test(value) || /^\d+$/.test(value)) return null;
  // Markup debris from a broken template (`来源： size="20"`) names nothing.
  if (/[=<>"]/.test(value)) return null;
  if (parseDate(value) || parseYearlessDate(value)) return null;
  return value;
}

/** Lines below the headline searched for the byline's date. */
const BYLINE_WINDOW_LINES = 6;

/** An account name on its own line is short; a subtitle is longer and reads as a sentence. */
const MAX_NAME_LINE_CHARS = 16;

const DATE_OR_TIME =
  /\d{2,4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|\d{1,2}\s*[-/月]\s*\d{1,2}\s*[日号]?|\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?|(?:星期|周)[一二三四五六日天]/g;

const HAN = /[\u4e00-\u9fff]/;

/**
 * Unlabelled outlets are a convention of Chinese portals: on a page with a Chinese headline a Latin
 * account name (`GameForce`) is fine, while on an English page a word beside the date is a weekday, a
 * month or a byline fragment far more often than an outlet.
 */
function isChinesePortalName(token: string, page: PageAnalysis): boolean {
  if (HAN.test(token)) return true;
  return HAN.test(page.headline?.text ?? "") && /^[A-Za-z][A-Za-z0-9]{2,}$/.test(token);
}

/**
 * The outlet printed without a label in the byline under the headline, as portals and self-media
 * platforms do: an account name on its own line between the headline and the date (`IT之家` above
 * `发布时间：09-30 22:46`), else the first word beside the date that is not a time or a badge
 * (`2019年11月25日 18:57 参考消息`).
 */
function bylineOutlet(page: PageAnalysis): string | null {
  if (page.headlineIndex < 0) return null;
  const window = page.lines.filter((line) => {
    const offset = line.index - page.headlineIndex;
    return offset > 0 && offset <= BYLINE_WINDOW_LINES && line.zone === "content";
  });
  // A sentence that mentions a date (`一、招生对象。2023年8月31日前…`) is body text, not the byline.
  const dateLine = window.find(
    (line) =>
      line.text.length <= 80 &&
      !/[。，；！？]/.test(line.text) &&
      (parseDate(line.text) || parseYearlessDate(line.text)),
  );
  if (!dateLine) return null;

  for (const line of window) {
    if (line.index >= dateLine.index) break;
    // An account name is one word; `拆房屡出命案 管理形同虚设` is a kicker, `本报记者 张三` a credit.
    if (line.text.length > MAX_NAME_LINE_CHARS || /^h[1-6]$/.test(line.block.localName)) continue;
    if (/\s/.test(line.text)) continue;
    if (/[，。！？；：,!?;:]/.test(line.text) || BYLINE_NOISE.test(line.text)) continue;
    // A name linked to a user profile opens a poster's panel (积分, 帖子…), which names no outlet.
    if (profileLinkName(line)) break;
    // A line of labels (`编辑 锁定 讨论`, an edit toolbar) names no outlet.
    if (parseBylineText(line.text).length > 0) continue;
    const value = cleanSource(line.text);
    if (value && !value.includes(" ") && isChinesePortalName(value, page)) return value;
  }

  // Only a date printed without a label has its outlet beside it; `admin 发表于 …` names a poster.
  const unlabelled = page.unlabelled.find(
    (hit) => hit.line === dateLine && (parseDate(hit.value) || parseYearlessDate(hit.value)),
  );
  if (!unlabelled) return null;
  const residue = unlabelled.value.replace(DATE_OR_TIME, " ");
  for (const token of residue.split(/[\s·•|｜丨]+/)) {
    // A token holding a label or a number (`阅读10544次`) is another byline item, not the outlet.
    if (token.length === 0 || BYLINE_NOISE.test(token) || /\d/.test(token)) continue;
    if (parseBylineText(token).length > 0) continue;
    if (!isChinesePortalName(token, page)) continue;
    const value = cleanSource(token);
    if (value) return value;
  }
  return null;
}
