/**
 * When the article was published, as `YYYY-MM-DD` (the page shows only a date) or
 * `YYYY-MM-DDTHH:MM:SS±HH:MM`.
 *
 * Sources, first good answer wins:
 *   1. JSON-LD `datePublished` / `dateCreated`;
 *   2. publish-date meta tags (article:published_time, pubdate, publishdate, PubDate, og:release_date…);
 *   3. `<time datetime>` marked as the publish time, or the first one near the headline;
 *   4. labelled bylines (`发布时间：`, `日期：`, `发表于`, `Time:`, `Published:` …), nearest the headline;
 *   5. an unlabelled date in a short line just under the headline.
 * A year-less byline date (`10-08 12:00`) borrows the year from a declared date with the same month and
 * day. Dates in the future of `now` (the fetch) are refused, as are dates in boilerplate zones (footer
 * copyright years, related-article lists, comments), which the byline scanner never reports.
 */
import { hitsFor, MAX_BYLINE_CHARS, scanBylines } from "./byline-labels.js";
import type { MetadataContext } from "./context.js";
import { jsonLdArticles, metaValues } from "./document-meta.js";
import { findHeadline } from "./headline.js";
import { formatDate, type ParsedDate, parseDate, parseYearlessDate, toEpochMs } from "./normalize-date.js";
import { isInBoilerplate } from "./page-lines.js";

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
  "weibo: article:create_at",
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

/** Lines below the headline in which an unlabelled date is still read as the byline's. */
const UNLABELLED_WINDOW_LINES = 6;

/** A clock difference between the site and us is not a future date. */
const FUTURE_TOLERANCE_MS = 36 * 60 * 60 * 1000;

/**
 * @param now fetch time in ms since the epoch; dates after it are refused.
 * @example extractPublishedAt(document, { url, defaultOffset: "+08:00" }) // "2023-01-10T09:05:00+08:00"
 */
export function extractPublishedAt(
  document: Document,
  ctx: MetadataContext,
  now: number = Date.now(),
): string | null {
  const accept = (parsed: ParsedDate | null, fallbackYear?: number): string | null => {
    if (!parsed) return null;
    const formatted = formatDate(parsed, ctx.defaultOffset, fallbackYear);
    if (!formatted) return null;
    const epoch = toEpochMs(formatted);
    return Number.isFinite(epoch) && epoch <= now + FUTURE_TOLERANCE_MS ? formatted : null;
  };

  for (const value of declaredPublishDates(document)) {
    const result = accept(parseDate(value));
    if (result) return result;
  }

  const headline = findHeadline(document);
  const fromTime = timeElementDate(document, headline?.element ?? null);
  if (fromTime) {
    const result = accept(parseDate(fromTime));
    if (result) return result;
  }

  const scan = scanBylines(document);
  const declaredYears = [...declaredPublishDates(document), ...metaValues(document, MODIFIED_META_NAMES)]
    .map(parseDate)
    .filter((parsed): parsed is ParsedDate => parsed !== null);
  const yearFor = (partial: ParsedDate): number | undefined =>
    declaredYears.find((full) => full.month === partial.month && full.day === partial.day)?.year ?? undefined;

  for (const hit of hitsFor(scan, "published")) {
    const result = accept(parseDate(hit.value));
    if (result) return result;
    const partial = parseYearlessDate(hit.value);
    if (partial) {
      const withYear = accept(partial, yearFor(partial));
      if (withYear) return withYear;
    }
  }

  if (scan.headlineIndex < 0) return null;
  const nearby = scan.lines.filter(
    (line) =>
      line.zone === "content" &&
      line.text.length <= MAX_BYLINE_CHARS &&
      line.index > scan.headlineIndex &&
      line.index - scan.headlineIndex <= UNLABELLED_WINDOW_LINES,
  );
  for (const line of nearby) {
    const result = accept(parseDate(line.text));
    if (result) return result;
    const partial = parseYearlessDate(line.text);
    if (partial) {
      const withYear = accept(partial, yearFor(partial));
      if (withYear) return withYear;
    }
  }
  return null;
}

/** Publish dates the page declares in JSON-LD and meta tags, in precedence order. */
function declaredPublishDates(document: Document): string[] {
  const values: string[] = [];
  for (const article of jsonLdArticles(document)) {
    for (const key of ["datePublished", "dateCreated"]) {
      const value = article[key];
      if (typeof value === "string") values.push(value);
    }
  }
  for (const name of PUBLISHED_META_NAMES) values.push(...metaValues(document, [name]));
  for (const element of Array.from(document.querySelectorAll("[itemprop=datePublished]"))) {
    const value = element.getAttribute("content") ?? element.getAttribute("datetime");
    if (value) values.push(value);
  }
  return values;
}

/** `<time pubdate>` or `<time itemprop=datePublished>`, else the first `<time datetime>` outside boilerplate. */
function timeElementDate(document: Document, headline: Element | null): string | null {
  const times = Array.from(document.querySelectorAll("time[datetime]"));
  const marked = times.find((time) => time.hasAttribute("pubdate") || /published/i.test(time.className));
  if (marked) return marked.getAttribute("datetime");
  const usable = times.find((time) => !isInBoilerplate(time, headline));
  return usable?.getAttribute("datetime") ?? null;
}
