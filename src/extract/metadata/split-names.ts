/**
 * Credit values → person names: `本报记者 张三 通讯员 李四` → 张三, 李四; `By Jane Doe, Staff Writer`
 * → Jane Doe.
 *
 * Every source of authors (labelled bylines, JSON-LD, meta tags, credits in the text) ends in a string
 * that mixes names with role words, outlets, datelines, photo credits and whatever the page printed
 * next (`余毅菁 向雪妮返回富达，查看更多`). Turning such a string into names is one job with its own
 * vocabulary, kept here so that `authors.ts` only decides which source to trust.
 */
import { ELEMENT_SEAM } from "./page-lines.js";

/**
 * Role words that precede or follow a name in a credit and are not part of it, with the outlet that
 * may prefix them (`南都见习记者`, `新京报记者`, `本报驻京记者`).
 */
const ROLE_WORDS =
  /[\u4e00-\u9fff]{0,6}?(?:特约|首席|见习|实习|驻[\u4e00-\u9fff]{1,4})?(?:记者|通讯员|实习生|撰稿人|特约评论员|评论员)|撰稿|作者|编译|主笔/g;

/** Words after which a value no longer names people (cut even without a label boundary). */
const VALUE_STOP =
  /返回|查看|点击|更多|阅读|浏览|发布|时间|日期|来源|出处|出自|编辑|责编|审核|校对|摄影|摄像|分享|评论|原标题|供图|受访者|图片/;

/** Datelines that trail a credit: `发自北京`, `山东冠县报道`, `北京9月1日电`. */
const DATELINE_WORDS =
  /发自[\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff]{0,8}(?:报道|讯)(?=[\s,，、]|$)|[\u4e00-\u9fff]{0,6}\d{1,2}月\d{1,2}日电/g;

/** A token that is a photo credit rather than a writer (`张三摄`, `图/张三`). */
const PHOTO_CREDIT = /摄$|摄影$|^图\/?/;

const NAME_SPLIT = new RegExp(`[\\s${ELEMENT_SEAM}、,，;；/／|]+`);

const LATIN_NAME_SPLIT = /\s*(?:[,，;；、/|]|\band\b|&)\s*/i;

/** Two names joined by a conjunction in one token: `张三和李四`, `王五与赵六`. */
const JOINED_NAMES = /^([\u4e00-\u9fff]{2,4})[和与及]([\u4e00-\u9fff]{2,4})$/;

/**
 * Names in a credit value, role words and trailing punctuation removed.
 *
 * @example splitNames("本报记者罗科苏盈发自北京") // ["罗科苏盈"]
 */
export function splitNames(raw: string): string[] {
  let value = raw.replace(/^[\s:：]+/, "").replace(/(?:https?:\/\/|www\.)\S*/gi, " ");
  // `赵培：北京物资学院`: what follows a colon after the names is an affiliation.
  value = value.split(/\s*[:：]/)[0] ?? "";
  const stop = VALUE_STOP.exec(value);
  if (stop) value = value.slice(0, stop.index);
  value = value
    .replace(/(?:文|图)\s*[/／]\s*(?:(?:文|图)\s+)?|^by\s+/gi, " ")
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, " ")
    .replace(DATELINE_WORDS, " ")
    .replace(ROLE_WORDS, " ");
  const names: string[] = [];
  // Latin names keep their inner spaces (`Jane Doe, John Smith`); Chinese names are split on them.
  const isChinese = /[\u4e00-\u9fff]/.test(value);
  if (!isChinese) value = trimLatinCredit(value);
  const splitter = isChinese ? NAME_SPLIT : LATIN_NAME_SPLIT;
  const tokens = joinSpacedCharacters(value.split(splitter)).flatMap((token) => {
    const joined = JOINED_NAMES.exec(token);
    return joined ? [joined[1] ?? "", joined[2] ?? ""] : [token];
  });
  for (const token of tokens) {
    const name = token
      .replace(/^[\s"'“”‘’《》「」:：.。·(（[【]+|[\s"'“”‘’《》「」:：,，.。!！?？·等)）\]】]+$/g, "")
      .trim();
    if (isPlausibleName(name)) names.push(name);
  }
  return names;
}

/** Where an English byline stops naming people: a timestamp, a dash, a sentence break. */
const LATIN_CREDIT_END =
  /\s+in\s+[A-Z]|\s+(?:updated|published|posted|last\s+modified)\b|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\s+\d|\s+[-–—|]\s+|(?<=[a-z]{2})\.\s+(?=[A-Z])/i;

/** Job titles that follow a name in English bylines (`Jane Doe, Staff Writer`, `AP Auto Writer`). */
const LATIN_ROLE =
  /(?:^|\s+)(?:[A-Z][a-z]*\s+){0,2}(?:staff|senior|chief|contributing|special)?\s*(?:writer|reporter|correspondent|editor|contributor|columnist|journalist)s?$/i;

function trimLatinCredit(value: string): string {
  const end = LATIN_CREDIT_END.exec(value);
  const cut = end ? value.slice(0, end.index) : value;
  return cut
    .split(LATIN_NAME_SPLIT)
    .map((token) => token.replace(LATIN_ROLE, "").trim())
    .filter((token) => token.length > 0)
    .join(", ");
}

/** Two-character names are often printed with a space between the characters (`赵 培`). */
function joinSpacedCharacters(tokens: readonly string[]): string[] {
  const joined: string[] = [];
  let pending = "";
  for (const token of tokens) {
    if (/^[\u4e00-\u9fff]$/.test(token)) {
      pending += token;
      continue;
    }
    if (pending) joined.push(pending);
    pending = "";
    joined.push(token);
  }
  if (pending) joined.push(pending);
  return joined;
}

/** Placeholders a CMS prints when nobody is credited. */
const NO_ONE: ReadonlySet<string> = new Set([
  "佚名",
  "匿名",
  "无名",
  "未知",
  "不详",
  "暂无",
  "本站",
  "本网",
  "原创",
  "anonymous",
  "unknown",
]);

function isPlausibleName(name: string): boolean {
  if (name.length < 2 || name.length > 40 || NO_ONE.has(name.toLowerCase())) return false;
  if (PHOTO_CREDIT.test(name)) return false;
  if (/^(?:https?:|www\.)|\.(?:com|cn|net|org)\b|@/i.test(name)) return false;
  if (/\d{3,}/.test(name) || /^[\d\p{P}\p{S}\s]+$/u.test(name)) return false;
  // Markup debris from a broken template (`作者： size="20"`).
  if (/[=<>"]/.test(name)) return false;
  const han = name.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  // A run of more than six Chinese characters is a phrase, not a name.
  if (han > 6 && !/[·•]/.test(name)) return false;
  return true;
}
