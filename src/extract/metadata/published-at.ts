/**
 * When the article was published, as `YYYY-MM-DD` (the page shows only a date) or
 * `YYYY-MM-DDTHH:MM:SS±HH:MM`.
 *
 * Two kinds of evidence, each with its own order:
 *   - declared: JSON-LD `datePublished`/`dateCreated`, then publish-date meta tags
 *     (article:published_time, pubdate, publishdate, PubDate, og:release_date…), then `<time datetime>`
 *     marked as the publish time or the first one outside boilerplate;
 *   - shown: a labelled byline near the headline (`发布时间：`, `日期：`, `发表于`, `Time:`,
 *     `Published:` …), then an unlabelled date in a short line just under (or right above) the headline,
 *     then a forum's `本贴由 X 于 <date> 发表`, then a labelled date further away.
 * Without the one, the other answers. With both, the shown date wins when it sits near the headline,
 * unless the declared one says the same thing more precisely (see {@link reconcile}): machine-written
 * declarations sometimes carry a sync or edit time, the byline is what readers see.
 *
 * A year-less byline date (`10-08 12:00`) borrows the year from a declared date with the same month and
 * day. Dates in the future of `now` (the fetch) are refused, as are dates in boilerplate zones (footer
 * copyright years, related-article lists, comments), which the byline scanner never reports.
 */

import { hitsFor, MAX_BYLINE_CHARS } from "./byline-labels.js";
import type { MetadataContext } from "./context.js";
import { type JsonLdObject, jsonLdArticles, type MetaTags, metaValues } from "./document-meta.js";
import { headlineDate } from "./headline-date.js";
import { formatDate, type ParsedDate, parseDate, parseYearlessDate, toEpochMs } from "./normalize-date.js";
import { analyzePage, type PageAnalysis } from "./page-analysis.js";
import { isInBoilerplate } from "./page-lines.js";
import { postedBy } from "./posted-by.js";
import { timeLocalReading } from "./time-local-reading.js";

/** Meta names and properties that carry the publish date, most specific first. */
export const PUBLISHED_META_NAMES = [
  "article:published_time",
  "article:published",
  "og:published_time",
  "og:release_date",
  "datePublished",
  "publishdate",
  "publish_date",
  "publish-date",
  "pubdate",
  "PubDate",
  "publication_date",
  "publishedDate",
  "dc.date.issued",
  "dc.date",
  "dcterms.issued",
  "dcterms.created",
  "citation_publication_date",
  "parsely-pub-date",
  "sailthru.date",
  "firstpublishedtime",
  "createdate",
  "date",
];

/** Declared modification dates: never an answer on their own, only a source of years. */
const MODIFIED_META_NAMES = [
  "article:modified_time",
  "og:updated_time",
  "dateModified",
  "dateUpdate",
  "lastmod",
];

/** A header clock (`今天是：2024年1月1日 星期一`) shows the visit's date, not the article's. */
const TODAY_CLOCK = /今天|今日|当前|现在|today/i;

/** Lines below the headline in which an unlabelled date is still read as the byline's. */
const UNLABELLED_WINDOW_LINES = 6;

/** A clock difference between the site and us is not a future date. */
const FUTURE_TOLERANCE_MS = 36 * 60 * 60 * 1000;

export interface PublishedAtOptions {
  /** Fetch time in ms since the epoch; dates after it are refused. @default Date.now() */
  now?: number;
  page?: PageAnalysis;
}

/**
 * @example extractPublishedAt(document, { url, defaultOffset: "+08:00" }) // "2023-01-10T09:05:00+08:00"
 */
export function extractPublishedAt(
  document: Document,
  ctx: MetadataContext,
  options: PublishedAtOptions = {},
): string | null {
  const now = options.now ?? Date.now();
  const page = options.page ?? analyzePage(document);
  const accept = (parsed: ParsedDate | null, fallbackYear?: number): string | null => {
    if (!parsed) return null;
    const formatted = formatDate(parsed, ctx.defaultOffset, fallbackYear);
    if (!formatted) return null;
    const epoch = toEpochMs(formatted);
    return Number.isFinite(epoch) && epoch <= now + FUTURE_TOLERANCE_MS ? formatted : null;
  };

  const declaredValues = declaredPublishDates(page.meta, page.jsonLd);
  const timeElement = publishTimeElement(page.timeElements, page.headline?.element ?? null);
  const fromTime = timeElement?.getAttribute("datetime");
  if (fromTime) declaredValues.push(fromTime);
  const acceptedDeclared = declaredValues.map((value) => accept(parseDate(value)));
  const declared = inLocalOffset(firstAccepted(acceptedDeclared), acceptedDeclared, ctx.defaultOffset);

  const declaredYears = [...declaredValues, ...metaValues(page.meta, MODIFIED_META_NAMES)]
    .map((value) => parseDate(value))
    .filter((parsed): parsed is ParsedDate => parsed !== null);
  const yearFor = (partial: ParsedDate): number | undefined =>
    declaredYears.find((full) => full.month === partial.month && full.day === partial.day)?.year ?? undefined;
  const readShown = (text: string): string | null => {
    const full = accept(parseDate(text));
    if (full) return agreeingDayOrder(text, declaredYears, accept) ?? full;
    const partial = parseYearlessDate(text);
    return partial ? accept(partial, yearFor(partial)) : null;
  };

  const shown = shownDate(page, readShown);
  const chosen = reconcile(declared, shown);
  // The `<time>` element's own text gives the chosen time its real offset: the same instant, or the same
  // wall-clock time read with the caller's default offset.
  const local = timeElement ? accept(parseDate(timeLocalReading(timeElement) ?? "")) : null;
  if (!local || !chosen || chosen.length <= 10) return chosen;
  const sameInstant = Math.abs(toEpochMs(local) - toEpochMs(chosen)) < 60_000;
  return sameInstant || local.slice(0, 16) === chosen.slice(0, 16) ? local : chosen;
}

/**
 * `06/02/2022` is June 2 to a US-locale template and February 6 to a European one. When the page also
 * declares a machine-readable date (`<time datetime="2022-02-06…">`, JSON-LD, meta) that matches the
 * day-first reading and not the month-first one, the machine-readable date settles the order.
 */
function agreeingDayOrder(
  text: string,
  declared: readonly ParsedDate[],
  accept: (parsed: ParsedDate | null) => string | null,
): string | null {
  const monthFirst = parseDate(text);
  const dayFirst = parseDate(text, { dayFirst: true });
  if (!monthFirst || !dayFirst || sameDay(monthFirst, dayFirst)) return null;
  const declares = (date: ParsedDate): boolean => declared.some((full) => sameDay(full, date));
  return declares(dayFirst) && !declares(monthFirst) ? accept(dayFirst) : null;
}

const sameDay = (a: ParsedDate, b: ParsedDate): boolean =>
  a.year === b.year && a.month === b.month && a.day === b.day;

/**
 * CMSs often declare one instant twice, in UTC in a meta tag and in local time on `<time>`
 * (`12:15:42+00:00` and `20:15:42+08:00`). When another declaration states the same instant in the
 * site's local offset, that reading is the one the page shows, so it is preferred.
 */
function inLocalOffset(
  chosen: string | null,
  all: ReadonlyArray<string | null>,
  localOffset: string,
): string | null {
  if (!chosen || chosen.length <= 10 || chosen.endsWith(localOffset)) return chosen;
  const instant = toEpochMs(chosen);
  const local = all.find(
    (value) => value && value.length > 10 && value.endsWith(localOffset) && toEpochMs(value) === instant,
  );
  return local ?? chosen;
}

function firstAccepted(values: ReadonlyArray<string | null>): string | null {
  return values.find((value): value is string => value !== null) ?? null;
}

/**
 * The date the page shows: a labelled byline near the headline, then an unlabelled date just below it,
 * then a labelled date anywhere else (a `发表时间：` hundreds of lines down is more often a comment's).
 */
function shownDate(page: PageAnalysis, read: (text: string) => string | null): ShownDate | null {
  const labelled = hitsFor(page, "published");
  const isNear = (offset: number): boolean =>
    offset >= -LABELLED_ABOVE_LINES && offset <= OVERRULE_WINDOW_LINES;
  // A drafting date (成文日期) answers only when no publication label near the headline does; otherwise
  // the nearest label wins, and one line above the headline is nearer than a reply's 发表于 ten below.
  const nearFirst = [...labelled].sort(
    (a, b) =>
      Number(DRAFTED_LABELS.has(a.label)) - Number(DRAFTED_LABELS.has(b.label)) ||
      labelDistance(a.offset) - labelDistance(b.offset),
  );
  for (const hit of nearFirst) {
    if (!isNear(hit.offset)) continue;
    const value = read(hit.value);
    if (value) return { value, offset: hit.offset };
  }
  // A date in a child of the headline element itself (`<h1>…<span>2024-03-12</span></h1>`).
  const inHeadline = page.headline?.element ? headlineDate(page.headline.element, read) : null;
  if (inHeadline && !page.headline?.text.includes(inHeadline.text))
    return { value: inHeadline.value, offset: 0 };
  if (page.headlineIndex >= 0) {
    for (const line of page.lines) {
      const offset = line.index - page.headlineIndex;
      // The line right above the headline counts too (some templates print the date first), unless it
      // is the header's "today is …" clock.
      if (offset < -1 || offset === 0 || offset > UNLABELLED_WINDOW_LINES) continue;
      if (line.zone !== "content" || line.text.length > MAX_BYLINE_CHARS) continue;
      if (offset < 0 && TODAY_CLOCK.test(line.text)) continue;
      const value = read(line.text);
      if (value) return { value, offset, unlabelledAbove: offset < 0 };
    }
  } else {
    // Found without a headline to anchor it, this date yields to a declared one (see `reconcile`).
    const value = dateAboveBody(page, read);
    if (value) return { value, offset: OVERRULE_WINDOW_LINES + 1 };
  }
  // A forum's `本贴由 X 于 <date> 发表` under the post.
  const posted = postedBy(page);
  const postedValue = posted ? read(posted.dateText) : null;
  if (posted && postedValue) return { value: postedValue, offset: posted.offset };
  for (const hit of labelled) {
    if (isNear(hit.offset)) continue;
    const value = read(hit.value);
    if (value) return { value, offset: hit.offset };
  }
  return null;
}

/** Lines above the text searched for its byline when the page shows no headline we can find. */
const ABOVE_BODY_LINES = 6;

/**
 * Without a headline (no `<title>`, an unmarked title block), the byline is the short dated line just
 * above the text: `http://www.example.com/ 2005-07-18 13:03:17` between the title and the first paragraph.
 */
function dateAboveBody(page: PageAnalysis, read: (text: string) => string | null): string | null {
  const first = page.bodyLines[0];
  if (!first) return null;
  for (const line of page.lines.slice(Math.max(0, first.index - ABOVE_BODY_LINES), first.index)) {
    if (line.zone !== "content" || line.text.length > 80 || TODAY_CLOCK.test(line.text)) continue;
    const value = read(line.text);
    if (value) return value;
  }
  return null;
}

/** Below the headline is where bylines usually are, so a line above counts as two below. */
function labelDistance(offset: number): number {
  return offset >= 0 ? offset : -2 * offset;
}

interface ShownDate {
  value: string;
  /** Lines below the headline. */
  offset: number;
  /** An unlabelled date above the headline: a header bar's clock as often as a byline. */
  unlabelledAbove?: boolean;
}

/**
 * Labels of the date a government document was drafted or signed, which its publication on the site
 * (`发布日期`, printed in the same metadata table) follows by days.
 */
const DRAFTED_LABELS: ReadonlySet<string> = new Set(["成文日期"]);

/**
 * How far above the headline a labelled date still counts as the article's: government pages put a
 * metadata table (索引号, 发布机构, 发布日期 … one cell per line) over the headline, and a labelled date
 * there is better evidence than a bare date in the body (the document's own signature date).
 */
const LABELLED_ABOVE_LINES = 15;

/** How far below the headline a shown date may sit and still overrule a declared one. */
const OVERRULE_WINDOW_LINES = 15;

/**
 * Declared dates (meta, JSON-LD) are machine-written and sometimes record a sync time or a later edit
 * (`article:published_time` two hours after the byline's time, or only the day); the byline under the
 * headline is what readers see. So a shown date near the headline wins, unless the declared one says
 * the same thing more precisely (same minute with seconds, or a time on the shown day). A shown date
 * far from the headline yields to a declared one.
 */
function reconcile(declared: string | null, shown: ShownDate | null): string | null {
  if (!shown) return declared;
  if (!declared) return shown.value;
  // A bare date over the headline that the page's declaration contradicts is the header bar's today.
  if (shown.unlabelledAbove && declared.slice(0, 10) !== shown.value.slice(0, 10)) return declared;
  const nearHeadline = shown.offset >= -2 && shown.offset <= OVERRULE_WINDOW_LINES;
  if (!nearHeadline) return declared;
  const shownHasTime = shown.value.length > 10;
  // A declared midnight to the second (`2022-01-28 00:00:00`) is a date stored in a date-time field.
  if (!shownHasTime) {
    return declared.slice(0, 10) === shown.value && !/T00:00:00/.test(declared) ? declared : shown.value;
  }
  const gap = Math.abs(toEpochMs(declared) - toEpochMs(shown.value));
  return declared.length > 10 && gap < 60_000 ? declared : shown.value;
}

/** Publish dates the page declares in JSON-LD and meta tags, in precedence order. */
function declaredPublishDates(meta: MetaTags, jsonLd: readonly JsonLdObject[]): string[] {
  const values: string[] = [];
  for (const article of jsonLdArticles(jsonLd)) {
    for (const key of ["datePublished", "dateCreated"]) {
      const value = article[key];
      if (typeof value === "string") values.push(value);
    }
  }
  values.push(...metaValues(meta, PUBLISHED_META_NAMES));
  return values;
}

/** `<time pubdate>` or `<time itemprop=datePublished>`, else the first `<time datetime>` outside boilerplate. */
function publishTimeElement(times: readonly Element[], headline: Element | null): Element | null {
  const marked = times.find(
    (time) =>
      time.hasAttribute("pubdate") ||
      time.getAttribute("itemprop") === "datePublished" ||
      /published/i.test(time.className),
  );
  return marked ?? times.find((time) => !isInBoilerplate(time, headline)) ?? null;
}
