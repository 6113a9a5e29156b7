/**
 * Publication dates compared at the precision the gold states.
 *
 * Gold dates come in many shapes (`2005-5-7 21:23:57`, `1998-3`, `2018`, `2019-09-07T13:43+08:00`); a
 * prediction is right when it agrees on every part the gold has, down to the minute (seconds are never
 * compared: many pages show none and a scraper cannot invent them). So a date-only prediction for a gold
 * with a time is wrong, and any date on the right day is right for a date-only gold.
 *
 * Time zones: when both sides state an offset, the prediction is moved to the gold's offset first. When
 * either side has none, the wall-clock values are compared as written, because a gold without an offset
 * records what the page showed in its own local time.
 *
 * An absent gold (the page shows no date) is matched only by an absent prediction: a guessed date is
 * wrong.
 */

/** The parts of a date that a string states; later parts are present only when earlier ones are. */
export interface DateParts {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  /** Minutes east of UTC, when the string states an offset (`Z` = 0). */
  offsetMinutes?: number;
}

/**
 * Loose year-first date: `2005-5-7 21:23:57`, `2005/05/07 21:23`, `2005年5月7日 21:23`, `1998-3`, `2018`,
 * ISO 8601 with `T`, seconds, fractions and `Z`/`±HH:MM`/`±HHMM`.
 */
const looseDate =
  /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?)?月?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parses a date string into the parts it states; null when it is not a recognisable date. */
export function parseDateParts(text: string): DateParts | null {
  const match = looseDate.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, offset] = match;
  const parts: DateParts = { year: Number(year) };
  if (month !== undefined) parts.month = Number(month);
  if (day !== undefined) parts.day = Number(day);
  if (hour !== undefined && minute !== undefined) {
    parts.hour = Number(hour);
    parts.minute = Number(minute);
  }
  if (offset !== undefined) parts.offsetMinutes = parseOffset(offset);
  if (!plausible(parts)) return null;
  return parts;
}

function parseOffset(offset: string): number {
  if (offset.toUpperCase() === "Z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function plausible(parts: DateParts): boolean {
  if (parts.month !== undefined && (parts.month < 1 || parts.month > 12)) return false;
  if (parts.day !== undefined && (parts.day < 1 || parts.day > 31)) return false;
  if (parts.hour !== undefined && parts.hour > 23) return false;
  if (parts.minute !== undefined && parts.minute > 59) return false;
  return true;
}

/** `prediction` moved to `offsetMinutes` (only meaningful when it has a full date, a time and an offset). */
function shiftTo(prediction: DateParts, offsetMinutes: number): DateParts {
  const { year, month, day, hour, minute } = prediction;
  if (month === undefined || day === undefined || hour === undefined || minute === undefined)
    return prediction;
  const utcMs = Date.UTC(year, month - 1, day, hour, minute) - (prediction.offsetMinutes ?? 0) * 60_000;
  const local = new Date(utcMs + offsetMinutes * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    offsetMinutes,
  };
}

const comparedParts = ["year", "month", "day", "hour", "minute"] as const;

/**
 * Whether `predicted` agrees with `gold` on every part the gold states.
 * `gold === null` means the page shows no date; then only `predicted === null` matches.
 */
export function dateMatches(gold: DateParts | null, predicted: string | null): boolean {
  if (gold === null) return predicted === null || predicted.trim() === "";
  if (predicted === null) return false;
  let parts = parseDateParts(predicted);
  if (parts === null) return false;
  if (gold.offsetMinutes !== undefined && parts.offsetMinutes !== undefined && gold.hour !== undefined) {
    parts = shiftTo(parts, gold.offsetMinutes);
  }
  return comparedParts.every((key) => gold[key] === undefined || parts[key] === gold[key]);
}
