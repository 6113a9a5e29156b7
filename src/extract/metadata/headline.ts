/**
 * Finds the article's headline as the page shows it: the text and, when it is in the page, its element.
 *
 * The `<title>` is a poor headline on its own (`headline_网易财经`, `headline-股票频道-和讯网`), and the
 * first `<h1>` is often the site's logo (`三牛娱乐新闻`, `新闻中心`). So in-page candidates (h1–h6 and
 * elements whose class or id says title/headline) are scored by how much of them the `<title>` and the
 * declared titles (og:title, twitter:title, JSON-LD headline) explain, plus any block whose whole text is
 * a `<title>` part; the one with the longest shared run wins, h1 breaking ties. A weak overlap (a column
 * name, a few characters) yields to the declared title, then to the heading right above a byline; a
 * `<title>` that is only the site's name does not crown the logo. Which `<title>` part is the headline
 * and which are the site's is not read from their order but from the page (`title-layout.ts`): a heading
 * showing a part of `新闻中心 - headline` or `站名-栏目-headline` is the headline even though the part
 * ends the title. Last resorts: the `<title>` part most likely the headline, then the first heading that
 * is not the logo.
 *
 * The headline's element is also the anchor the byline scanner measures distances from, so it lives in
 * its own module rather than inside `title.ts`.
 */

import { articleBodyLines } from "./article-body.js";
import { firstMetaValue, type JsonLdObject, jsonLdString, type MetaTags } from "./document-meta.js";
import { headlineDate, withoutHeadlineDate } from "./headline-date.js";
import { parseDate } from "./normalize-date.js";
import { attributeMarker, collapseWhitespace, lineIndexOf, type PageLine } from "./page-lines.js";
import {
  headlineRunOf,
  likelyHeadlinePart,
  splitTitle,
  type TitlePart,
  type TitleRun,
} from "./title-layout.js";
import { homeLinkTexts, isWeakTitle, type TitleTests, titleTests } from "./weak-title.js";

export interface Headline {
  text: string;
  /** The element showing the headline, or null when the text came from `<head>` only. */
  element: Element | null;
}

const DECLARED_TITLE_META = ["og:title", "twitter:title", "articletitle", "headline"];

const HEADLINE_ATTRIBUTE = /title|headline|biaoti/i;

/** Attribute tokens of the site's own branding, never a headline. */
const SITE_NAME_ATTRIBUTE = /logo|brand|site-?name/i;

const MIN_SHARED_CHARS = 4;

/** Whitespace collapsed, trimmed: how titles are returned. */
export function cleanTitle(text: string): string {
  return collapseWhitespace(text).trim();
}

/** Comparison form: width-folded, lower-case, without spaces and quote marks. */
function comparable(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s"'“”‘’「」『』《》<>]/g, "");
}

/** Length of the longest common substring, the overlap measure used throughout. */
export function sharedRun(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  let best = 0;
  for (let i = 1; i <= a.length; i += 1) {
    const char = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const run = char === b.charCodeAt(j - 1) ? (previous[j - 1] ?? 0) + 1 : 0;
      current[j] = run;
      if (run > best) best = run;
    }
    [previous, current] = [current, previous];
  }
  return best;
}

/** `<title>` split on the separators sites use (`title-layout.ts`); the parts in page order. */
export function titleParts(title: string): string[] {
  return splitTitle(cleanTitle(title)).map((part) => part.text);
}

function declaredTitles(meta: MetaTags, jsonLd: readonly JsonLdObject[]): string[] {
  const titles = [firstMetaValue(meta, DECLARED_TITLE_META), jsonLdString(jsonLd, "headline")];
  return titles.filter((title): title is string => title !== null).map(cleanTitle);
}

const HEADING_TAGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** Whether an element may show the headline: a heading, or marked as title/headline by class, id or itemprop. */
export function isHeadlineCandidate(element: Element, marker: string = attributeMarker(element)): boolean {
  if (HEADING_TAGS.has(element.localName)) return true;
  if (marker.length > 1 && HEADLINE_ATTRIBUTE.test(marker) && !SITE_NAME_ATTRIBUTE.test(marker)) return true;
  return element.hasAttributes() && element.getAttribute("itemprop") === "headline";
}

/** Whether an element is, or sits within three levels of, an element marked as the logo or brand. */
function isInLogo(element: Element): boolean {
  const body = element.ownerDocument.body;
  let node: Element | null = element;
  for (let depth = 0; node && node !== body && depth < 3; depth += 1, node = node.parentElement) {
    if (SITE_NAME_ATTRIBUTE.test(`${node.getAttribute("class") ?? ""} ${node.id}`)) return true;
  }
  return false;
}

/**
 * Whether an element shows the site's name rather than a headline: a declared name, a `<title>` part taken
 * for the site's (`siteParts`, comparison form), the logo, a link to the home page.
 */
function isSiteBranding(
  element: Element,
  document: Document,
  siteNames: readonly string[],
  siteParts: readonly string[],
): boolean {
  const text = comparable(element.textContent ?? "");
  if (siteNames.some((name) => comparable(name).includes(text))) return true;
  if (showsSitePart(text, siteParts)) return true;
  if (isInLogo(element)) return true;
  const link = element.querySelector("a[href]");
  if (link && comparable(link.textContent ?? "") === text) {
    try {
      const href = new URL(link.getAttribute("href") ?? "", document.baseURI);
      if (/^\/(?:index\.\w+)?$/.test(href.pathname)) return true;
    } catch {
      // An unparseable href says nothing either way.
    }
  }
  return false;
}

interface Scored {
  element: Element;
  text: string;
  shared: number;
}

const TAG_BONUS: Record<string, number> = { h1: 3, h2: 1 };

/**
 * Locates the headline.
 *
 * @param candidates elements for which {@link isHeadlineCandidate} holds, in document order
 * @param lines the page's lines, for the heading-above-byline fallback
 * @param links the page's links, collected while the page was walked; those to the home page name the
 *   site. All of the document's links when not given.
 */
export function findHeadline(
  document: Document,
  candidates: readonly Element[],
  lines: readonly PageLine[],
  jsonLd: readonly JsonLdObject[] = [],
  meta: MetaTags = new Map(),
  links: readonly Element[] = Array.from(document.querySelectorAll("a[href]")),
): Headline | null {
  const title = cleanTitle(document.title ?? "");
  const parts = splitTitle(title);
  const declared = declaredTitles(meta, jsonLd);
  const references = [title, ...declared].filter((text) => text.length > 0).map(comparable);
  const siteNames = siteNameHints(meta, title);

  // Scored before the `<title>`'s parts are told apart, since what the page shows is the evidence for it.
  const shown = scoreCandidates(
    document,
    [...candidates, ...linesShowingTitle(lines, title)],
    references,
    siteNames,
    [],
  );
  // The suffix guess among the hints is what the `<title>`'s parts are tested for, so it is no evidence here.
  const tests = titleTestsFor(document, candidates, lines, declaredSiteNames(meta), links, shown);
  const run = headlineRunOf(title, parts, {
    comparable,
    shown: elementsByText(shown),
    declared: declared.map(comparable),
    generic: tests.generic,
    siteName: tests.siteName,
    endsBreadcrumb: tests.endsBreadcrumb,
    // A heading or headline element, not any block that happens to repeat a `<title>` part.
    isArticleHeading: (element) =>
      candidates.includes(element) &&
      articleHeading(document, candidates, lines, siteNames, [], tests.generic)?.element === element,
  });
  const siteParts = sitePartsOf(parts, run);
  const scored = shown.filter(
    (entry) => !showsSitePart(comparable(entry.element.textContent ?? ""), siteParts),
  );
  const weak = run ? null : weakTitleTest(parts, tests.generic);
  if (weak) {
    const headline = headlineUnderWeakTitle(
      document,
      candidates,
      lines,
      declared,
      siteNames,
      siteParts,
      weak,
    );
    if (headline) return headline;
  }
  const best = scored[0];
  const chosen = (entry: Scored): Headline => ({
    text: trimToTitlePart(entry.text, title, run),
    element: innermost(entry, scored),
  });
  const aboveByline = (): Headline | null => headingAboveByline(document, lines, siteNames, siteParts);
  if (best && isStrongMatch(best)) {
    // A `<title>` that is only the site's name matches the logo heading perfectly; a different heading
    // sitting right above a byline is then the article's.
    if (parts.length === 1 && comparable(best.text) === comparable(title)) {
      const byline = aboveByline();
      if (byline?.element && byline.element !== best.element && !best.element.contains(byline.element)) {
        return byline;
      }
    }
    return chosen(best);
  }
  // A short overlap (`首页 - 新闻动态` sharing the column name with `新闻动态--站名`) is weak evidence:
  // a declared title or a heading right above the byline beats it.
  const [declaredTitle] = declared;
  if (declaredTitle) return { text: declaredTitle, element: null };
  const byline = aboveByline();
  if (byline) return byline;
  if (best) return chosen(best);
  const part = likelyHeadlinePart(parts, run, comparable, tests.generic);
  if (part) return { text: part, element: null };
  return firstHeading(candidates, document, siteNames, siteParts);
}

/** Scored candidates by their text in comparison form: what the page shows of the `<title>`. */
function elementsByText(scored: readonly Scored[]): Map<string, Element[]> {
  const byText = new Map<string, Element[]>();
  for (const entry of scored) {
    const key = comparable(entry.text);
    const elements = byText.get(key);
    if (elements) elements.push(entry.element);
    else byText.set(key, [entry.element]);
  }
  return byText;
}

/**
 * The `<title>` parts taken for the site's name, in comparison form: those at either end outside the
 * headline's run; without a run, the last of several parts, where sites put their name.
 */
function sitePartsOf(parts: readonly TitlePart[], run: TitleRun | null): string[] {
  const last = parts.length - 1;
  if (!run) return last >= 1 ? [comparable(parts[last]?.text ?? "")] : [];
  const ends: string[] = [];
  if (run.from > 0) ends.push(comparable(parts[0]?.text ?? ""));
  if (run.to < last) ends.push(comparable(parts[last]?.text ?? ""));
  return ends;
}

/** Whether a text (comparison form) is only (part of) a `<title>` part taken for the site's name. */
function showsSitePart(text: string, siteParts: readonly string[]): boolean {
  return text.length > 0 && siteParts.some((part) => part.includes(text));
}

/**
 * Candidates that the references (`<title>`, declared titles) explain, best first: the longest shared run,
 * h1 breaking ties. Links and the site's branding are left out.
 */
function scoreCandidates(
  document: Document,
  elements: readonly Element[],
  references: readonly string[],
  siteNames: readonly string[],
  siteParts: readonly string[],
  skip: (key: string) => boolean = () => false,
): Scored[] {
  const scored: Scored[] = [];
  for (const element of elements) {
    // A date printed inside the heading (`<h1>…<span>2024-03-12</span></h1>`) is not part of its title.
    // …unless the declared title has the date too (`2024年3月12日全区植树活动`).
    const date = headlineDate(element, asDate);
    const declaresDate =
      date !== null && references.some((reference) => reference.includes(comparable(date.text)));
    const text = cleanTitle(withoutHeadlineDate(element.textContent ?? "", declaresDate ? null : date));
    const key = comparable(text);
    if (key.length < 2 || key.length > 200 || skip(key)) continue;
    const shared = Math.max(0, ...references.map((reference) => sharedRun(key, reference)));
    // Most of the candidate must be explained by a declared title, or it is a container or a teaser.
    if (shared < Math.min(MIN_SHARED_CHARS, key.length) || shared < key.length * 0.5) continue;
    // Selector and ancestor checks last: they are the slow part on a DOM, and few candidates get here.
    if (element.closest("a[href]") || isSiteBranding(element, document, siteNames, siteParts)) continue;
    scored.push({ element, text, shared });
  }
  return scored.sort(
    (a, b) =>
      b.shared + (TAG_BONUS[b.element.localName] ?? 0) - (a.shared + (TAG_BONUS[a.element.localName] ?? 0)),
  );
}

/** A `<title>` part longer than this names an article, so the title is not read as a weak one. */
const MAX_WEAK_TITLE_PART_CHARS = 30;

/**
 * The page's evidence for telling section and site names from an article's words (see `weak-title.ts`),
 * read lazily: the `<title>`'s parts and the headings are tested against it.
 */
function titleTestsFor(
  document: Document,
  candidates: readonly Element[],
  lines: readonly PageLine[],
  siteNames: readonly string[],
  links: readonly Element[],
  shown: readonly Scored[],
): TitleTests {
  return titleTests({
    shown: new Set(shown.map((entry) => comparable(entry.text))),
    headings: () =>
      candidates
        .filter((element) => element.localName === "h1" && !isInLogo(element))
        .map((element) => comparable(element.textContent ?? "")),
    siteNames: () => [
      ...siteNames.map(comparable),
      ...homeLinkTexts(links, document, comparable),
      ...candidates.filter(isInLogo).map((element) => comparable(element.textContent ?? "")),
    ],
    lines,
    comparable,
  });
}

/**
 * When every part of the `<title>` is a section name or the site's name (`新闻中心`, `新闻动态--站名`),
 * the test that tells such generic texts apart; null for a title that names the article.
 */
function weakTitleTest(
  parts: readonly TitlePart[],
  generic: (key: string) => boolean,
): ((key: string) => boolean) | null {
  const keys = parts.map((part) => comparable(part.text));
  const leading = keys.length > 1 ? keys.slice(0, -1) : keys;
  // Long parts name an article: nothing else is read then.
  if (leading.length === 0 || leading.some((part) => part.length > MAX_WEAK_TITLE_PART_CHARS)) return null;
  return isWeakTitle(keys, generic) ? generic : null;
}

/**
 * The headline of a page whose `<title>` names only its section or site: a heading that a declared
 * title explains, else the declared title, else the heading right above the byline, else the article-like
 * heading just above the text. Headings that are themselves section or site names (the column header,
 * the logo) are never taken. Null when none is found, and the usual search runs.
 */
function headlineUnderWeakTitle(
  document: Document,
  candidates: readonly Element[],
  lines: readonly PageLine[],
  declared: readonly string[],
  siteNames: readonly string[],
  siteParts: readonly string[],
  generic: (key: string) => boolean,
): Headline | null {
  const [declaredTitle] = declared.filter((text) => !generic(comparable(text)));
  if (declaredTitle) {
    const scored = scoreCandidates(
      document,
      candidates,
      [comparable(declaredTitle)],
      siteNames,
      siteParts,
      generic,
    );
    const best = scored[0];
    if (best && isStrongMatch(best)) return { text: best.text, element: innermost(best, scored) };
    return { text: declaredTitle, element: null };
  }
  return (
    headingAboveByline(document, lines, siteNames, siteParts, generic) ??
    articleHeading(document, candidates, lines, siteNames, siteParts, generic)
  );
}

/** An article's headline has at least this many characters (comparison form); section names fewer. */
const MIN_ARTICLE_HEADLINE_CHARS = 5;

const MAX_ARTICLE_HEADLINE_CHARS = 120;

/** How the kinds of heading rank as an article's headline: h1 first, then h2 or a title-marked block. */
function headingRank(element: Element): number {
  const tag = element.localName;
  if (tag === "h1") return 0;
  if (tag === "h2" || !HEADING_TAGS.has(tag)) return 1;
  return 2;
}

/**
 * The article-like heading above the article's text: not a section or site name, not a link, not the
 * logo, not in the page's furniture. Headings between the last navigation or breadcrumb line and the text
 * come first; among them the best kind wins (h1 over h2 over h3…), then the one closest to the text.
 */
function articleHeading(
  document: Document,
  candidates: readonly Element[],
  lines: readonly PageLine[],
  siteNames: readonly string[],
  siteParts: readonly string[],
  generic: (key: string) => boolean,
): Headline | null {
  const body = articleBodyLines(lines, -1)[0];
  const bodyStart = body?.index ?? Number.POSITIVE_INFINITY;
  const found: Array<{ headline: Headline; rank: number; index: number }> = [];
  for (const element of candidates) {
    const text = cleanTitle(withoutHeadlineDate(element.textContent ?? "", headlineDate(element, asDate)));
    const key = comparable(text);
    if (key.length < MIN_ARTICLE_HEADLINE_CHARS || key.length > MAX_ARTICLE_HEADLINE_CHARS || generic(key)) {
      continue;
    }
    const index = lineIndexOf(lines, element);
    const line = lines[index];
    if (line?.zone !== "content" || index > bodyStart) continue;
    if (element.closest("a[href]") || isSiteBranding(element, document, siteNames, siteParts)) continue;
    found.push({ headline: { text, element }, rank: headingRank(element), index });
  }
  // The page's furniture (navigation, breadcrumb) ends above the article: a heading between it and the
  // text is preferred to one further up (an unmarked logo, a sidebar's title).
  const furnitureEnd = body
    ? (lines.findLast((line) => line.index < body.index && line.zone === "boilerplate")?.index ?? -1)
    : -1;
  const belowFurniture = found.filter((entry) => entry.index > furnitureEnd);
  const pool = belowFurniture.length > 0 ? belowFurniture : found;
  // Best kind first; of one kind, the heading nearest the text (without text, the first one).
  const nearer = (a: number, b: number): number => (body ? b - a : a - b);
  pool.sort((a, b) => a.rank - b.rank || nearer(a.index, b.index));
  return pool[0]?.headline ?? null;
}

function asDate(text: string): string | null {
  return parseDate(text) ? text : null;
}

/** Without any `<title>` or declared title, the first h1 (else h2) that is not the site's logo. */
function firstHeading(
  candidates: readonly Element[],
  document: Document,
  siteNames: readonly string[],
  siteParts: readonly string[],
): Headline | null {
  for (const tag of ["h1", "h2"]) {
    for (const element of candidates) {
      if (element.localName !== tag) continue;
      const text = cleanTitle(withoutHeadlineDate(element.textContent ?? "", headlineDate(element, asDate)));
      if (text.length < 2 || text.length > 200 || isSiteBranding(element, document, siteNames, siteParts)) {
        continue;
      }
      return { text, element };
    }
  }
  return null;
}

/**
 * Blocks whose whole text is a `<title>` part: the headline printed in an unmarked `<p>` or `<td>`,
 * which no class or tag would have nominated.
 */
function linesShowingTitle(lines: readonly PageLine[], title: string): Element[] {
  const parts = new Set(
    titleParts(title)
      .map(comparable)
      .filter((part) => part.length >= MIN_SHARED_CHARS),
  );
  if (parts.size === 0) return [];
  const blocks: Element[] = [];
  for (const line of lines) {
    if (line.zone !== "content" || line.text.length > 200) continue;
    if (parts.has(comparable(line.text))) blocks.push(line.block);
  }
  return blocks;
}

/** Enough shared text that the candidate cannot be a column name or a site name. */
const STRONG_SHARED_CHARS = 8;

function isStrongMatch(entry: Scored): boolean {
  const length = comparable(entry.text).length;
  return entry.shared >= STRONG_SHARED_CHARS || entry.shared >= length * 0.8;
}

/** When an inner element carries the same text (an `<h1>` inside `div.title`), anchor on the inner one. */
function innermost(best: Scored, scored: readonly Scored[]): Element {
  const inner = scored.find(
    (other) => other !== best && best.element.contains(other.element) && other.text === best.text,
  );
  return inner?.element ?? best.element;
}

/**
 * A candidate that shows a badge or byline besides the title (`原创 headline`) is cut to the title part;
 * one that shows the `<title>`'s headline run whole (`“十四五”规划 - 解读`) is not.
 */
function trimToTitlePart(text: string, title: string, run: TitleRun | null): string {
  if (run && comparable(text) === comparable(run.text)) return text;
  const parts = titleParts(title).filter((part) => part.length >= MIN_SHARED_CHARS);
  const inside = parts.filter((part) => text.includes(part) && part.length < text.length);
  const longest = inside.sort((a, b) => b.length - a.length)[0];
  return longest && longest.length >= text.length * 0.6 ? longest : text;
}

/** The site's name as its meta tags declare it: og:site_name, application-name. */
function declaredSiteNames(meta: MetaTags): string[] {
  return [firstMetaValue(meta, ["og:site_name", "application-name", "sitename", "site_name"])].filter(
    (name): name is string => name !== null,
  );
}

/** Names the site goes by: og:site_name, application-name and the `<title>` part repeated as a suffix. */
export function siteNameHints(meta: MetaTags, title: string): string[] {
  const names = declaredSiteNames(meta);
  const parts = titleParts(title);
  const last = parts[parts.length - 1];
  // The trailing part names the site only when a longer part (the headline) precedes it.
  if (last && parts.some((part) => part.length > last.length)) names.push(last);
  return names;
}

const BYLINE_HINT =
  /(?:发布|发表|时间|日期|来源|作者|Time|Date|Source|Author)\s*[:：]|\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/i;

/**
 * The short line right above the first byline, when it sits in a heading or a title-classed element.
 * Catches templates whose `<title>` is only `栏目--站名` and whose headline is an unclassed `<h5>`.
 */
function headingAboveByline(
  document: Document,
  allLines: readonly PageLine[],
  siteNames: readonly string[],
  siteParts: readonly string[],
  skip: (key: string) => boolean = () => false,
): Headline | null {
  const lines = allLines.filter((line) => line.zone === "content");
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i];
    if (!line || line.text.length > 120 || !BYLINE_HINT.test(line.text)) continue;
    const above = lines[i - 1];
    if (!above || above.text.length < 4 || above.text.length > 100 || BYLINE_HINT.test(above.text)) continue;
    const block = above.block;
    const marker = `${block.getAttribute("class") ?? ""} ${block.id}`;
    if (
      !/^h[1-6]$/.test(block.localName) &&
      !HEADLINE_ATTRIBUTE.test(marker) &&
      !block.querySelector("b, strong")
    )
      continue;
    if (skip(comparable(above.text)) || isSiteBranding(block, document, siteNames, siteParts)) continue;
    return { text: cleanTitle(above.text), element: block };
  }
  return null;
}
