/**
 * Who wrote the article: a list of person (or pen) names, empty when the page credits nobody.
 *
 * Sources, first that yields names wins:
 *   1. labelled bylines (`作者：`, `记者`, `文/`, `撰文`, `采写`, `Writer:`, `Author:`, `By …`),
 *      nearest the headline, with every author label of that line;
 *   2. JSON-LD `author` (string, object or array);
 *   3. `<meta name=author>` / `article:author`;
 *   4. credits inside the article text: `（记者 张三）`, `新京报记者 陆一夫`, `(文/图 张三 李四)`, and a
 *      trailing `（张三）` closing the last paragraph;
 *   5. the uploader (`发布者：`), the poster before `发表于` or in a forum's `本贴由 X 于 … 发表`, when
 *      nothing else names anyone.
 * Values become names in `split-names.ts`; editors (`责任编辑`, `编辑：`), the `来源`
 * value, the site's own name, URLs and photo credits (`张三 摄`) are never authors.
 */
import { AFTER_BODY_LINES, isInArticleRegion } from "./article-body.js";
import { type BylineHit, hitsFor, MAX_BYLINE_CHARS, parseBylineText } from "./byline-labels.js";
import type { MetadataContext } from "./context.js";
import { jsonLdArticles, metaValues } from "./document-meta.js";
import { siteNameHints, titleParts } from "./headline.js";
import { parseDate } from "./normalize-date.js";
import { analyzePage, type PageAnalysis } from "./page-analysis.js";
import { postedBy } from "./posted-by.js";
import { profileLinkName } from "./profile-link.js";
import { extractSource } from "./source.js";
import { splitNames } from "./split-names.js";

/** Meta authors that name an outlet or a company: `网易`, `证券时报网`, `CSDN.NET`. */
const ORGANISATION =
  /(?:网|网络|报|社|台|频道|新闻|传媒|集团|公司|中心|官网|杂志|期刊|学报|出版社|\.com|\.cn|\.net|\.org)$|^网易$|^新浪|^搜狐|^腾讯|\b(?:team|inc|ltd|corp|llc|publishers?|press|media|news)\b/i;

const META_AUTHOR_NAMES = [
  "author",
  "article:author",
  "dc.creator",
  "byl",
  "sailthru.author",
  "parsely-author",
];

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
      !qualifiesCredit(hit, page.hits) &&
      !isSpeech(hit.value) &&
      isInArticleRegion(hit.line, page.headlineIndex, page.bodyLines),
  );
  // The uploader (`发布者：古城小编`) counts only when nothing names the writer.
  const labelled = credited.filter((hit) => !UPLOADER_LABELS.has(hit.label));
  const uploaders = credited.filter((hit) => UPLOADER_LABELS.has(hit.label));
  const lastBodyLine = page.bodyLines[page.bodyLines.length - 1];
  for (const hit of labelled) {
    // A label after the text is often a repost's `作者：` (the blogger); the reporters credited right
    // under the headline (`本报记者 张三 李四`) wrote it.
    const belowByline = (lastBodyLine && hit.line.index > lastBodyLine.index) || hit.offset > BYLINE_LINES;
    if (belowByline) {
      const lead = accept(leadCreditLines(page));
      if (lead.length > 0) return lead;
    }
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
  const bracketed = accept(bracketedAfterDate(page));
  if (bracketed.length > 0) return bracketed;
  const signed = accept(signedHeadlineName(page));
  if (signed.length > 0) return signed;
  const posted = postedBy(page);
  const posters = accept([
    ...uploaders.flatMap((hit) => splitNames(hit.value)),
    ...posterNames(page),
    ...(posted ? splitNames(posted.name) : []),
  ]);
  return posters.slice(0, 1);
}

/** Colon-less labels count only inside a byline line, or as `文/…` and `By …`, which are never prose. */
function isTrustworthyCredit(hit: BylineHit): boolean {
  return hit.hasColon || hit.inByline || /^(?:文|图)\s*[/／]|^by$/i.test(hit.label);
}

/**
 * `图/记者 钱峰`, `摄影：记者 钱峰`: an author word right after an empty credit label (photographer,
 * editor) says who that credit's person is; it does not name a writer.
 */
function qualifiesCredit(hit: BylineHit, hits: readonly BylineHit[]): boolean {
  const previous = hits[hits.indexOf(hit) - 1];
  return (
    previous !== undefined &&
    previous.line === hit.line &&
    previous.field === "editor" &&
    previous.value === "" &&
    hit.before.trim() === ""
  );
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

/**
 * `ggjjzhzz 发表于 2005-9-15 11:46:00`: a single name right before the "posted" label nearest the
 * headline (later ones are replies'), else the poster's profile link in the post's user panel just above.
 */
function posterNames(page: PageAnalysis): string[] {
  const posted = hitsFor(page, "published")
    .filter((hit) => POSTED_BY_LABELS.has(hit.label.toLowerCase()))
    .sort((a, b) => Math.abs(a.offset) - Math.abs(b.offset))[0];
  if (!posted) return [];
  const names = splitNames(posted.before);
  if (names.length === 1 && !/\s/.test(posted.before.trim())) return names;
  return posterProfileName(page, posted.line.index);
}

/** How many lines above its "posted" label a post's user panel (name, rank, post count…) may start. */
const USER_PANEL_LINES = 10;

function posterProfileName(page: PageAnalysis, postedIndex: number): string[] {
  for (let index = postedIndex - 1; index >= Math.max(0, postedIndex - USER_PANEL_LINES); index--) {
    const line = page.lines[index];
    if (line?.zone !== "content") continue;
    const name = profileLinkName(line);
    if (name) return [name];
  }
  return [];
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

/** `（记者 张三）`, `(文/图 张三 李四)`, `（本报记者 张三 通讯员 李四）`, `（评论员 张三 李四）`. */
const PARENTHESISED_CREDIT =
  /[（(]\s*(?:[\u4e00-\u9fff]{0,6}?(?:记者|通讯员|评论员)|文\s*[/／]\s*(?:图\s*)?|图\s*[/／]\s*文\s*|撰文\s*[:：]?)\s*([^（()）]{2,40}?)\s*[）)]/;

/**
 * A short line that is only a credit: `新京报记者 陆一夫`, `□ 本报记者 葛灵丹`,
 * `采写：南都见习记者 林子沛`, `新华网黑龙江频道 记者 伊琳 李清芬`. Sentence punctuation in the
 * names part means prose (`记者注意到，…`).
 */
const CREDIT_LINE =
  /^[□■●◆▲★\s]*(?:[\u4e00-\u9fff·\s]{0,12}?(?:记者|通讯员|评论员|实习生)|采写\s*[:：]|文\s*[/／:：]|撰文\s*[:：]?)\s*([^，。！？；：,!?;:]{2,30})$/;

/** A name in parentheses closing an article: `…阿根廷举行。（张巨峰）`. */
const TRAILING_NAME =
  /[。！？!?”」][\s]*[（(]\s*([\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,3})\s*[）)]\s*$/;

/**
 * Lines at the end of the article text searched for a credit: the rough body guess often ends with a
 * few short widget lines (`图集`, `+1`, `【纠错】`) after the paragraph that carries `（记者 张三）`.
 */
const TAIL_LINES = 5;

/** Lines under the headline that still belong to its byline; a label further down is in or after the text. */
const BYLINE_LINES = 15;

/** Lines just under the headline where an article is credited. */
const LEAD_LINES = 8;

/** Lines between the headline and the text, and the text's first lines: where an article is credited. */
function headLines(page: PageAnalysis): string[] {
  const first = page.bodyLines[0];
  if (!first) return [];
  const lead = page.lines
    .slice(page.headlineIndex + 1, Math.max(first.index, page.headlineIndex + 1 + LEAD_LINES))
    .filter((line) => line.zone === "content" && line.index - page.headlineIndex <= LEAD_LINES);
  const opening = page.bodyLines.slice(0, 3).filter((line) => !lead.includes(line));
  return [...lead, ...opening].map((line) => line.text);
}

/** Every whole-line credit at the head of the article (`本报实习生 张三` then `本报记者 李四 王五`). */
function leadCreditLines(page: PageAnalysis): string[] {
  return headLines(page).flatMap((text) => {
    if (text.length > MAX_BYLINE_CHARS / 4) return [];
    const match = CREDIT_LINE.exec(text);
    return match?.[1] && !/摄\s*$/.test(match[1]) ? splitNames(match[1]) : [];
  });
}

/** Credits written into the article text: its first lines, its last lines and the lines just after. */
function creditsInText(page: PageAnalysis): string[] {
  const body = page.bodyLines;
  const last = body[body.length - 1];
  if (!last) return [];
  const head = headLines(page);
  const after = page.lines
    .slice(last.index + 1, last.index + 1 + AFTER_BODY_LINES)
    .filter((line) => line.zone === "content")
    .map((line) => line.text);
  const tail = [...body.slice(-TAIL_LINES).map((line) => line.text), ...after];
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
  if (match?.[1] && last.text.length > 20) return splitNames(match[1]);
  return closingNameLine(page);
}

/** `（袁源）` on a line of its own: the same credit when the paragraph before it ends a sentence. */
const NAME_LINE = /^[（(]\s*([\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,3})\s*[）)]$/;

/** A parenthesised name line closing the text, right after its last paragraph (or as that paragraph). */
function closingNameLine(page: PageAnalysis): string[] {
  const last = page.bodyLines[page.bodyLines.length - 1];
  if (!last) return [];
  const candidates = [last, page.lines[last.index + 1]];
  for (const line of candidates) {
    if (line?.zone !== "content") continue;
    const previous = page.lines[line.index - 1];
    const match = NAME_LINE.exec(line.text);
    if (match?.[1] && previous && previous.text.length >= 10 && /[。！？!?”」]$/.test(previous.text)) {
      return splitNames(match[1]);
    }
  }
  return [];
}

/** `2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]`: a bracketed name right after the byline's date. */
const BRACKETED_AFTER_DATE =
  /\d{1,2}\s*[日号]?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?[\s\u2063]*[[［]\s*([^\]］[［:：]{2,20}?)\s*[\]］]/;

/** Lines under the headline in which the dated byline is looked for. */
const DATED_BYLINE_LINES = 3;

/**
 * Portals of the 2000s printed the writer unlabelled, in brackets beside the date, and the outlet after
 * `来源：`; only the unlabelled part before the first label is read, so the outlet is never taken.
 */
function bracketedAfterDate(page: PageAnalysis): string[] {
  for (const hit of page.unlabelled) {
    if (hit.offset > DATED_BYLINE_LINES || !parseDate(hit.line.text)) continue;
    const firstLabel = parseBylineText(hit.line.text)[0]?.start ?? hit.line.text.length;
    const match = BRACKETED_AFTER_DATE.exec(hit.line.text.slice(0, firstLabel));
    if (match?.[1]) return splitNames(match[1]);
  }
  return [];
}

/**
 * Opinion pages title a piece `茉莉：我是怎样卷入八九民运的` and sign it with the name alone on a line
 * under the headline. Either alone is weak (a headline quotes speakers as `X：…` too); the name standing
 * on its own line below a headline that opens with it is the writer.
 */
function signedHeadlineName(page: PageAnalysis): string[] {
  const speaker = /^([^：:\s]{2,8})[：:]/.exec(page.headline?.text ?? "")?.[1];
  if (!speaker || page.headlineIndex < 0) return [];
  const signed = page.lines
    .slice(page.headlineIndex + 1, page.headlineIndex + 1 + LEAD_LINES)
    .some((line) => line.zone === "content" && line.text === speaker);
  return signed ? splitNames(speaker) : [];
}

function unique(names: string[]): string[] {
  return Array.from(new Set(names));
}
