/**
 * A date printed inside the headline element, in a child of its own: `<h1>区政府召开常务会议<span>2024-03-12
 * 09:30</span></h1>` (PHPCMS and many county templates). The byline scanner skips the headline's own line,
 * so without this the page's only date is lost, and the title would carry the date as a tail.
 *
 * Only a short child whose whole text is a date counts, and only beside headline text of its own: a date
 * that is part of the headline's words (`2024年3月12日全市召开会议`) stays the title's.
 */
import { descendantsNamed, tagNames } from "../element-walk.js";
import { collapseWhitespace } from "./page-lines.js";

/** Inline children that hold a date beside the headline. */
const DATE_CHILDREN = tagNames("span,em,i,small,time,font,b,label");
/** A date child is short: a date and a time, maybe a label. */
const MAX_DATE_CHILD_CHARS = 40;
/** What the headline must keep besides the date. */
const MIN_HEADLINE_CHARS = 4;

export interface HeadlineDate {
  /** The child's text, as the headline shows it. */
  text: string;
  /** The date `read` made of it. */
  value: string;
}

export function headlineDate(headline: Element, read: (text: string) => string | null): HeadlineDate | null {
  const whole = collapseWhitespace(headline.textContent ?? "").trim();
  for (const child of descendantsNamed(headline, DATE_CHILDREN)) {
    const text = collapseWhitespace(child.textContent ?? "").trim();
    if (text.length === 0 || text.length > MAX_DATE_CHILD_CHARS) continue;
    if (whole.replace(text, "").trim().length < MIN_HEADLINE_CHARS) continue;
    const value = read(text);
    if (value) return { text, value };
  }
  return null;
}

/** The headline's text without a date child (`headlineDate`), for the title. */
export function withoutHeadlineDate(headlineText: string, date: HeadlineDate | null): string {
  if (!date) return headlineText;
  const index = headlineText.lastIndexOf(date.text);
  if (index < 0) return headlineText;
  return `${headlineText.slice(0, index)} ${headlineText.slice(index + date.text.length)}`.trim();
}
