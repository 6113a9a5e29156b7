/**
 * Drops the page chrome that English article templates print inside the article column, line by line:
 * date stamps (`Updated 5:27 am CST, Wednesday, November 20, 2019`), photo credits and credited
 * captions (`Photo: Jane Doe, AP`, `(Image credit: NASA)`, `Jane Doe/Getty Images`), widget labels
 * (`Caption`, `Close`, `Advertisement`, `Image 2 of 5`), wire bylines and reporting credits
 * (`Jane Doe, Ap Auto Writer`, `Jane Doe contributed to this report.`) and calls to follow, subscribe or
 * sign up. A label that opens the template's closing sections (`You may also like`, `Most popular`,
 * `More Great WIRED Stories`) takes everything after it when it comes after the bulk of the article.
 *
 * The Chinese filters know these lines by their own vocabulary (`责任编辑：`, `（刘通摄）`); this one
 * reads only articles in a spaced script and their lines without CJK text, so Chinese pages are left
 * to them. Each pattern is anchored to the
 * whole line and capped in length, so a sentence of the article that mentions a photo, a date or
 * Twitter stays.
 */
import type { BlockFilter } from "./block-filter.js";
import type { Block } from "./block-model.js";
import { closesArticle } from "./closes-article.js";
import { looksLikeHeadline } from "./headline-shape.js";
import { countCjk } from "./normalize-text.js";

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WEEKDAY = "(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?";
/** One piece of a date stamp: a month, a weekday, a number, a time, a zone, a stamp label. */
const STAMP_TOKEN = new RegExp(
  `^(?:${MONTH}|${WEEKDAY}|\\d{1,4}(?:st|nd|rd|th|[ap]\\.?m\\.?)?|\\d{1,2}[:.]\\d{2}(?:[ap]\\.?m\\.?)?|\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}|[ap]\\.?m\\.?|[ecmph][sd]t|ak[sd]t|bst|cest?|ist|aest|aedt|amt|hkt|jst|sgt|utc|gmt|et|published|updated|posted|modified|last|first|on|at|date|time|and|read|min(?:ute)?s?)$`,
  "i",
);
const HAS_DATE = new RegExp(
  `${MONTH}\\s*\\d|\\d\\s*${MONTH}|\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}|\\d[:.]\\d{2}`,
  "i",
);
/** `By Jane Doe -` before a stamp. */
const BYLINE_PREFIX = /^[Bb]y\s+(?:[A-Z][\p{L}.'’-]*\s+){1,4}[-–—|,]?\s*/u;
/** Date stamps are short. */
const MAX_STAMP_WORDS = 14;

/** True for a line made only of a date or time, with a stamp label or a byline before it. */
export function isDateStamp(text: string): boolean {
  if (!HAS_DATE.test(text)) return false;
  const tokens = text
    .replace(BYLINE_PREFIX, "")
    .split(/[\s,|•·:–—()-]+/)
    .filter((token) => token !== "");
  if (tokens.length > MAX_STAMP_WORDS) return false;
  return tokens.every((token) => STAMP_TOKEN.test(token));
}

/** A photo credit or a caption closed by one. */
const CREDIT_LINE =
  /^(?:\(?(?:photo(?:graph)?s?|photo illustration|image|picture|pic|credit|illustration|video|source)(?:\s+credit)?s?\s*(?:by\b|:)|\d+\s*of\s*\d+\b.*(?:photo|getty|ap|reuters|credit))|(?:\((?:image|photo|picture|credit|image credit|photo credit)s?:[^)]*\)|[/|,]\s*getty images(?: for [^)]*)?|\b(?:ap|afp|reuters|epa|shutterstock|istock) photo(?:\/[^)]*)?)\)?\s*$/i;
/** Captions with a credit are at most this long (words). */
const MAX_CREDIT_WORDS = 40;

/** Widget labels and notices that are never a line of an article. */
const WIDGET_LINE = new RegExp(
  `^(?:${[
    "caption",
    "close",
    "hide caption",
    "toggle caption",
    "enlarge this image",
    "advert(?:isement)?",
    "sponsored",
    "ad",
    "comments?",
    "\\d+ comments?",
    "show comments",
    "view comments",
    "leave a comment",
    "subscribe",
    "read more",
    "continue reading(?: below)?",
    "story continues below",
    "share(?: this(?: article| story)?)?",
    "tweet",
    "print",
    "email",
    "tags?",
    "topics",
    "skip to (?:main )?content",
    "loading(?: content)?(?:\\.\\.\\.|…)?",
    "media playback is unsupported on your device",
    "this slideshow requires javascript\\.?",
    "image \\d+ of \\d+",
    "\\d+ of \\d+",
    "\\d+\\s*of\\s*\\d+",
    "_+",
  ].join("|")})[.:!]?$`,
  "i",
);

/** Wire-service bylines and reporting credits. */
const REPORTING_CREDIT =
  /^(?:.{2,200}\bcontributed (?:to )?(?:this )?(?:report(?:ing)?|story)\b.*|.{2,60},\s*(?:ap|associated press)\b.{0,30}\bwriter|.{2,60}(?:,|\|)\s*(?:associated press|the associated press))$/i;
/**
 * A news agency's desk credit: `(Reporting by A; additional reporting by B; Editing by C)`. The same
 * opening starts sentences too ("Reporting by the paper led to…"), so the credit must be bracketed,
 * list several roles, or be short and unfinished.
 */
const DESK_CREDIT = /^\(?(?:additional )?(?:reporting|writing|editing) by\b/i;
const MAX_BARE_DESK_CREDIT_WORDS = 12;

function isDeskCredit(text: string, words: number): boolean {
  if (!DESK_CREDIT.test(text)) return false;
  return (
    text.startsWith("(") ||
    text.includes(";") ||
    (words <= MAX_BARE_DESK_CREDIT_WORDS && !/[.!?]$/.test(text))
  );
}
/** Reporting credits are short. */
const MAX_CREDIT_LINE_WORDS = 40;

/** A call to action speaks for the site: `our`, `us`, a handle, its app or newsletter. */
const SITE_VOICE = /\b(?:our|us|newsletters?|inbox|app|here)\b|@/i;
/** Calls to follow the site, sign up, get its app: a promotion verb first, a channel in the line. */
const CALL_TO_ACTION_START =
  /^(?:follow|subscribe|sign up|join|like this|get (?:breaking|the|our|fox)|click here|download|write to|email|contact|if you enjoyed|have a (?:news )?tip)\b/i;
const CALL_TO_ACTION_CHANNEL =
  /twitter|facebook|instagram|youtube|linkedin|newsletter|podcast|\bapp\b|alerts|e-?mail|@|forums?|members?|subscri/i;
/** Calls to action are short. */
const MAX_CALL_TO_ACTION_WORDS = 45;
/** A byline on its own: `By Jane Doe`, `By Jane Doe and John Roe`, `By JANE DOE, Staff Writer`. */
const BARE_BYLINE =
  /^[Bb][Yy]:?\s+(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4}(?:(?:,|and|&)\s*(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4})*$/u;
/** A contact line on its own: an e-mail address or a social profile. */
const CONTACT_LINE =
  /^(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/)?(?:www\.)?(?:twitter|x|facebook|instagram|linkedin)\.com\/\S+)$/i;
/** Cookie and consent notices. */
const CONSENT_NOTICE = /\b(?:uses?|using) cookies\b/i;

/** Labels that open the template's sections after the article: the label and what follows go. */
const CLOSING_SECTION = new RegExp(
  `^(?:${[
    "you (?:may|might) (?:also )?(?:like|enjoy)",
    "more (?:great )?[\\w' ]{0,20}stories",
    "more from [\\w' ]{1,30}",
    "more(?: news| articles| on this story)?",
    "(?:most )?popular(?: this week| now| stories| articles| posts)?",
    "most (?:read|viewed|shared|commented)",
    "recent (?:articles|posts|stories|news)",
    "latest (?:news|stories|articles|posts|videos)",
    "trending(?: now| stories| news)?",
    "don'?t miss(?: this)?",
    "recommended(?: for you| stories| articles| reading)?",
    "related (?:stories|coverage|content|articles|posts|reading|links|videos)",
    "read next",
    "what to read next",
    "top stories",
    "editor'?s picks",
    "sponsored (?:stories|content|links)",
    "tell us what you think",
    "leave a (?:reply|comment)",
    "join the conversation",
    "about the author",
    "share this (?:article|story|post)",
  ].join("|")})\\s*[.:!…]*$`,
  "i",
);
/** Section labels are short. */
const MAX_SECTION_LABEL_WORDS = 8;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== "").length;
}

/** True for a line of English page chrome, judged on its own. */
export function isEnglishChromeLine(text: string): boolean {
  const words = wordCount(text);
  if (WIDGET_LINE.test(text) || CONTACT_LINE.test(text) || BARE_BYLINE.test(text) || isDateStamp(text))
    return true;
  if (words <= MAX_CREDIT_WORDS && CREDIT_LINE.test(text)) return true;
  if (words <= MAX_CREDIT_LINE_WORDS && (REPORTING_CREDIT.test(text) || isDeskCredit(text, words)))
    return true;
  if (
    words <= MAX_CALL_TO_ACTION_WORDS &&
    CALL_TO_ACTION_START.test(text) &&
    CALL_TO_ACTION_CHANNEL.test(text) &&
    SITE_VOICE.test(text)
  )
    return true;
  return words <= MAX_CALL_TO_ACTION_WORDS && CONSENT_NOTICE.test(text);
}

function isSectionLabel(block: Block): boolean {
  return wordCount(block.text) <= MAX_SECTION_LABEL_WORDS && CLOSING_SECTION.test(block.text);
}

/** After a closing label, the tail goes whole when its prose is less than this share of its text. */
const MAX_TAIL_PROSE_SHARE = 0.5;

/**
 * What a section label takes with it: the headlines right after it, and the whole tail when the label
 * comes after the bulk of the article and what follows is mostly headlines. A label printed inside the
 * article (a `DON'T MISS` box between two paragraphs) leaves the paragraphs after it alone.
 */
function sectionExtent(blocks: readonly Block[], index: number): number {
  let end = index;
  while (end + 1 < blocks.length && looksLikeHeadline(blocks[end + 1] as Block)) end += 1;
  if (!closesArticle(blocks, index)) return end;
  const tail = blocks.slice(index + 1);
  const total = tail.reduce((sum, block) => sum + block.length, 0);
  const prose = tail
    .filter((block) => !looksLikeHeadline(block))
    .reduce((sum, block) => sum + block.length, 0);
  return prose <= total * MAX_TAIL_PROSE_SHARE ? blocks.length - 1 : end;
}

/** Below this share of CJK ideographs (of reading units) the article is in a spaced script. */
const MAX_SPACED_CJK_SHARE = 0.2;

function isSpacedScript(blocks: readonly Block[]): boolean {
  const length = blocks.reduce((sum, block) => sum + block.length, 0);
  const cjk = blocks.reduce((sum, block) => sum + countCjk(block.text), 0);
  return cjk < length * MAX_SPACED_CJK_SHARE;
}

export const stripEnglishChromeLines: BlockFilter = (blocks) => {
  // A Chinese article's Latin lines (a date, an address) are its own: the Chinese filters judge them.
  if (!isSpacedScript(blocks)) return [...blocks];
  const drop = new Set<number>();
  blocks.forEach((block, index) => {
    if (countCjk(block.text) > 0) return;
    if (isSectionLabel(block)) {
      const end = sectionExtent(blocks, index);
      for (let next = index; next <= end; next += 1) drop.add(next);
      return;
    }
    if (isEnglishChromeLine(block.text.trim())) drop.add(index);
  });
  return blocks.filter((_, index) => !drop.has(index));
};
