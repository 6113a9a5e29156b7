/**
 * Who wrote the article: a list of person (or pen) names, empty when the page credits nobody.
 *
 * Sources, first that yields names wins:
 *   1. labelled bylines (`作者：`, `记者`, `文/`, `撰文`, `采写`, `Writer:`, `Author:`, `By …`),
 *      nearest the headline, with every author label of that line;
 *   2. JSON-LD `author` (string, object or array);
 *   3. `<meta name=author>` / `article:author`;
 *   4. credits inside the article text: `（记者 张三）`, `新京报记者 陆一夫`, `(文/图 张三 李四)`, and a
 *      trailing `（张三）` closing the last paragraph.
 * Role words (记者, 通讯员, 见习记者, 本报记者) are stripped; editors (`责任编辑`, `编辑：`), the `来源`
 * value, the site's own name, URLs and photo credits (`张三 摄`) are never authors.
 */
import { AFTER_BODY_LINES, isInArticleRegion } from "./article-body.js";
import { type BylineHit, hitsFor, MAX_BYLINE_CHARS } from "./byline-labels.js";
import type { MetadataContext } from "./context.js";
import { jsonLdArticles, metaValues } from "./document-meta.js";
import { siteNameHints, titleParts } from "./headline.js";
import { analyzePage, type PageAnalysis } from "./page-analysis.js";
import { ELEMENT_SEAM } from "./page-lines.js";
import { extractSource } from "./source.js";

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

/** Meta authors that name an outlet or a company: `网易`, `证券时报网`, `CSDN.NET`. */
const ORGANISATION =
  /(?:网|网络|报|社|台|频道|新闻|传媒|集团|公司|中心|官网|杂志|期刊|学报|出版社|\.com|\.cn|\.net|\.org)$|^网易$|^新浪|^搜狐|^腾讯|\b(?:team|inc|ltd|corp|llc|publishers?|press|media|news)\b/i;

const LATIN_NAME_SPLIT = /\s*(?:[,，;；、/|]|\band\b|&)\s*/i;

const META_AUTHOR_NAMES = [
  "author",
  "article:author",
  "dc.creator",
  "byl",
  "sailthru.author",
  "parsely-author",
];

/** Two names joined by a conjunction in one token: `张三和李四`, `王五与赵六`. */
const JOINED_NAMES = /^([\u4e00-\u9fff]{2,4})[和与及]([\u4e00-\u9fff]{2,4})$/;

/**
 * @example extractAuthors(document, ctx) // ["张三", "李四"]
 */
export function extractAuthors(
  document: Document,
  ctx: MetadataContext,
  page: PageAnalysis = analyzePage(document),
): string[] {
  const source = extractSource(document, ctx, page);
  const headline = page.headline;
  // Every `<title>` part besides the headline names the site or a column, never a writer.
  const siteNames = [
    ...siteNameHints(page.meta, document.title ?? ""),
    ...titleParts(document.title ?? "").filter((part) => !headline?.text.includes(part)),
  ];
  const refuse = (name: string): boolean =>
    (source !== null && (name === source || (source.includes(name) && name.length > 3))) ||
    siteNames.some(
      (site) => site === name || (name.length >= 2 && site.includes(name) && /网|报|社|台/.test(name)),
    ) ||
    (headline !== null && headline.text === name);
  const accept = (names: string[]): string[] => unique(names.filter((name) => !refuse(name)));

  const credited = hitsFor(page, "author").filter(
    (hit) =>
      isTrustworthyCredit(hit) &&
      !isSpeech(hit.value) &&
      isInArticleRegion(hit.line, page.headlineIndex, page.bodyLines),
  );
  // The uploader (`发布者：古城小编`) counts only when nothing names the writer.
  const labelled = credited.filter((hit) => !UPLOADER_LABELS.has(hit.label));
  const uploaders = credited.filter((hit) => UPLOADER_LABELS.has(hit.label));
  for (const hit of labelled) {
    const sameLine = labelled.filter((other) => other.line === hit.line);
    const names = accept(sameLine.flatMap((other) => splitNames(other.value)));
    if (names.length > 0) return names;
  }

  const fromJsonLd = accept(jsonLdAuthors(page).flatMap(splitNames));
  if (fromJsonLd.length > 0) return fromJsonLd;

  const fromMeta = accept(
    metaValues(page.meta, META_AUTHOR_NAMES)
      .flatMap((value) => value.split(/[,，;；、|]/))
      .map((value) => value.trim())
      .filter((value) => !/^\d+$/.test(value) && !ORGANISATION.test(value))
      .flatMap(splitNames),
  );
  if (fromMeta.length > 0) return fromMeta;

  const fromText = accept(creditsInText(page));
  if (fromText.length > 0) return fromText;
  const posters = accept([...uploaders.flatMap((hit) => splitNames(hit.value)), ...posterNames(page)]);
  return posters.slice(0, 1);
}

/** Colon-less labels count only inside a byline line, or as `文/…` and `By …`, which are never prose. */
function isTrustworthyCredit(hit: BylineHit): boolean {
  return hit.hasColon || hit.inByline || /^(?:文|图)\s*[/／]|^by$/i.test(hit.label);
}

/**
 * A long value with sentence punctuation after `记者：` is the interviewer speaking in a Q&A
 * (`记者：请问你怎样看待农业税补贴问题？`), not a credit.
 */
function isSpeech(value: string): boolean {
  return value.length > 30 && /[，。？！?!]/.test(value);
}

/** Labels naming who put the page online, which on portals is often not who wrote it. */
const UPLOADER_LABELS: ReadonlySet<string> = new Set(["发布者", "发布人"]);

/** Labels whose preceding word is the poster: `admin 发表于 2023-01-10`, `张三 发布于 …`. */
const POSTED_BY_LABELS: ReadonlySet<string> = new Set(["发表于", "发布于", "posted", "posted on"]);

/** `ggjjzhzz 发表于 2005-9-15 11:46:00`: a single name right before a "posted" label. */
function posterNames(page: PageAnalysis): string[] {
  for (const hit of hitsFor(page, "published")) {
    if (!POSTED_BY_LABELS.has(hit.label.toLowerCase())) continue;
    const names = splitNames(hit.before);
    if (names.length === 1 && !/\s/.test(hit.before.trim())) return names;
  }
  return [];
}

/** Names in a credit value, role words and trailing punctuation removed. */
export function splitNames(raw: string): string[] {
  let value = raw.replace(/^[\s:：]+/, "").replace(/(?:https?:\/\/|www\.)\S*/gi, " ");
  // `赵培：北京物资学院`: what follows a colon after the names is an affiliation.
  value = value.split(/\s*[:：]/)[0] ?? "";
  const stop = VALUE_STOP.exec(value);
  if (stop) value = value.slice(0, stop.index);
  value = value
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
      .replace(/^(?:文|图|by)\s*/i, "")
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
  const han = name.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  // A run of more than six Chinese characters is a phrase, not a name.
  if (han > 6 && !/[·•]/.test(name)) return false;
  return true;
}

function jsonLdAuthors(page: PageAnalysis): string[] {
  const names: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === "string") names.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") {
      const name = (value as Record<string, unknown>).name;
      const type = String((value as Record<string, unknown>)["@type"] ?? "");
      if (typeof name === "string" && !/organi[sz]ation/i.test(type)) names.push(name);
    }
  };
  for (const article of jsonLdArticles(page.jsonLd)) collect(article.author);
  return names;
}

/** `（记者 张三）`, `(文/图 张三 李四)`, `（本报记者 张三 通讯员 李四）`. */
const PARENTHESISED_CREDIT =
  /[（(]\s*(?:[\u4e00-\u9fff]{0,6}?(?:记者|通讯员)|文\s*[/／]\s*(?:图\s*)?|图\s*[/／]\s*文\s*|撰文\s*[:：]?)\s*([^（()）]{2,40}?)\s*[）)]/;

/**
 * A short line that is only a credit: `新京报记者 陆一夫`, `□ 本报记者 葛灵丹`,
 * `采写：南都见习记者 林子沛`, `新华网黑龙江频道 记者 伊琳 李清芬`. Sentence punctuation in the
 * names part means prose (`记者注意到，…`).
 */
const CREDIT_LINE =
  /^[□■●◆▲★\s]*(?:[\u4e00-\u9fff·\s]{0,12}?(?:记者|通讯员|实习生)|采写\s*[:：]|文\s*[/／:：]|撰文\s*[:：]?)\s*([^，。！？；：,!?;:]{2,30})$/;

/** A name in parentheses closing an article: `…阿根廷举行。（张巨峰）`. */
const TRAILING_NAME =
  /[。！？!?”」][\s]*[（(]\s*([\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,3})\s*[）)]\s*$/;

/** Credits written into the article text: its first lines, its last lines and the lines just after. */
function creditsInText(page: PageAnalysis): string[] {
  const body = page.bodyLines;
  const first = body[0];
  const last = body[body.length - 1];
  if (!first || !last) return [];
  const lead = page.lines
    .slice(page.headlineIndex + 1, first.index)
    .filter((line) => line.zone === "content" && line.index - page.headlineIndex <= 8);
  const head = [...lead, ...body.slice(0, 3)].map((line) => line.text);
  const after = page.lines
    .slice(last.index + 1, last.index + 1 + AFTER_BODY_LINES)
    .filter((line) => line.zone === "content")
    .map((line) => line.text);
  const tail = [...body.slice(-3).map((line) => line.text), ...after];
  for (const text of [...head, ...tail]) {
    const match = PARENTHESISED_CREDIT.exec(text);
    if (match?.[1] && !/摄\s*$/.test(match[1])) {
      const names = splitNames(match[1]);
      if (names.length > 0) return names;
    }
  }
  for (const text of [...head, ...[...tail].reverse()]) {
    if (text.length > MAX_BYLINE_CHARS / 4) continue;
    const match = CREDIT_LINE.exec(text);
    if (match?.[1] && !/摄\s*$/.test(match[1])) {
      const names = splitNames(match[1]);
      if (names.length > 0) return names;
    }
  }
  const match = TRAILING_NAME.exec(last.text);
  return match?.[1] && last.text.length > 20 ? splitNames(match[1]) : [];
}

function unique(names: string[]): string[] {
  return Array.from(new Set(names));
}
