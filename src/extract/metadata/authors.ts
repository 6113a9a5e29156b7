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
 *   5. the uploader (`发布者：`) or the poster before `发表于`, when nothing else names anyone.
 * Values become names in `split-names.ts`; editors (`责任编辑`, `编辑：`), the `来源`
 * value, the site's own name, URLs and photo credits (`张三 摄`) are never authors.
 */
import { AFTER_BODY_LINES, isInArticleRegion } from "./article-body.js";
import { type BylineHit, hitsFor, MAX_BYLINE_CHARS } from "./byline-labels.js";
import type { MetadataContext } from "./context.js";
import { jsonLdArticles, metaValues } from "./document-meta.js";
import { siteNameHints, titleParts } from "./headline.js";
import { analyzePage, type PageAnalysis } from "./page-analysis.js";
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
