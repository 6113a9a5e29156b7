/**
 * A `<time datetime>` element states an instant and shows it in the site's own time zone:
 * `<time datetime="2022-02-06T12:48:06+00:00">06/02/2022 - 13:48</time>` is 13:48 in Paris. The two
 * together give the instant as the page's readers see it, `2022-02-06T13:48:06+01:00`: the shown
 * wall-clock time with its real offset, where the shown text alone would get the caller's default offset
 * and the attribute alone would read as UTC.
 *
 * Both come from one element, so unlike a meta tag beside a byline there is no sync delay to mistake for
 * a time zone. The text must show a time; a date alone says nothing about the offset.
 */

import { formatDate, type ParsedDate, parseDate, toEpochMs } from "./normalize-date.js";
import { collapseWhitespace } from "./page-lines.js";

const MINUTE_MS = 60_000;
const QUARTER_HOUR_MINUTES = 15;
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * The element's instant in the offset its own text implies, or null when the text shows no time or
 * matches the instant in no real offset.
 *
 * @example timeLocalReading(time) // "2022-02-06T13:48:06+01:00"
 */
export function timeLocalReading(time: Element): string | null {
  const declared = parseDate(time.getAttribute("datetime") ?? "");
  if (!declared?.time || !declared.offset) return null;
  const formatted = formatDate(declared, declared.offset);
  if (!formatted) return null;
  const instant = toEpochMs(formatted);
  const text = collapseWhitespace(time.textContent ?? "");
  for (const shown of [parseDate(text), parseDate(text, { dayFirst: true })]) {
    const offsetMinutes = shown ? impliedOffset(shown, instant) : null;
    if (offsetMinutes !== null) return inOffset(instant, offsetMinutes);
  }
  return null;
}

function impliedOffset(shown: ParsedDate, instant: number): number | null {
  if (!shown.time || shown.year === null || shown.offset) return null;
  const wall = Date.UTC(shown.year, shown.month - 1, shown.day, shown.time.hour, shown.time.minute);
  const minutes = Math.round((wall - Math.floor(instant / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
  if (Math.abs(minutes) > MAX_OFFSET_MINUTES || minutes % QUARTER_HOUR_MINUTES !== 0) return null;
  return minutes;
}

const pad = (value: number): string => String(value).padStart(2, "0");

function inOffset(instant: number, offsetMinutes: number): string {
  const local = new Date(instant + offsetMinutes * MINUTE_MS);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
