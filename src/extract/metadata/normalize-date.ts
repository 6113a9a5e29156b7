/**
 * Date strings as pages show them → caiji's `publishedAt` form.
 *
 * Pages write the same instant a dozen ways (`2023-01-10`, `2023/1/10`, `2023.01.10`,
 * `2023年1月10日 星期二 09:05`, `2023-01-10T09:05:00+08:00`, `Jan 10, 2023`, and year-less `01-10 09:05`).
 * This module only parses and formats; deciding which string on the page is the publish date is
 * `published-at.ts`'s job. The output is `YYYY-MM-DD` when the string holds only a date, otherwise
 * `YYYY-MM-DDTHH:MM:SS±HH:MM`, using the string's own offset when it states one and the caller's
 * default otherwise (a date-time without an offset is never silently read as UTC).
 */

export interface ParsedDate {
  year: number | null;
  month: number;
  day: number;
  /** Absent when the string shows only a date. */
  time?: { hour: number; minute: number; second: number };
  /** `+08:00` form, when the string states an offset (`Z` becomes `+00:00`). */
  offset?: string;
}

const FULL_WIDTH_DIGITS = /[\uff10-\uff19]/g;

const MONTH_NAMES: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Year-month-day with any of the separators Chinese pages use, then an optional weekday and time. */
const NUMERIC_DATE =
  /(?<![\d.])(\d{4}|\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*(?:日|号)?/;

/** Month-day without a year (`10-08 12:00`, `1月10日 09:05`): only trusted when a time follows. */
const YEARLESS_DATE = /(?<![\d.\-/])(\d{1,2})\s*(?:[-/]|月)\s*(\d{1,2})(?!\d)\s*(?:日|号)?/;

const TIME =
  /^[\s\u2063,，]*(?:(?:星期|周|礼拜)[一二三四五六日天]|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)?[\s\u2063,，]*(?:T|(?:上午|下午|晚上|凌晨|早上|中午|AM|PM)\s*)?(\d{1,2})\s*[:：时点]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?(?:\s*分)?\s*(am|pm)?/i;

const OFFSET = /^\s*(Z|[+-]\d{2}:?\d{2})(?![\d])/i;

const ENGLISH_DATE =
  /\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})|([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b/;

export interface ParseDateOptions {
  /**
   * Read an ambiguous year-last date (`06/02/2022`) day first. Only a caller holding other evidence
   * (a machine-readable date on the same page) should ask for it; the default is month first.
   */
  dayFirst?: boolean;
}

/** Parses the first date in `text`, or returns null when there is none that is a real calendar date. */
export function parseDate(text: string, options: ParseDateOptions = {}): ParsedDate | null {
  const source = chineseNumeralDate(
    text.replace(FULL_WIDTH_DIGITS, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)),
  );
  return parseNumeric(source) ?? parseYearLast(source, options.dayFirst ?? false) ?? parseEnglish(source);
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** `二〇二三年一月十日`, as government documents date themselves. */
const CHINESE_NUMERAL_DATE =
  /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;

/** `十` 10, `十二` 12, `二十` 20, `二十三` 23, `三` 3. */
function chineseNumber(text: string): number {
  const [tens, ones] = text.includes("十") ? text.split("十") : ["", text];
  const tensValue = text.includes("十") ? (tens ? (CHINESE_DIGITS[tens] ?? 0) : 1) : 0;
  return tensValue * 10 + (ones ? (CHINESE_DIGITS[ones] ?? 0) : 0);
}

/** Rewrites a date in Chinese numerals into Arabic digits, leaving everything else as it is. */
function chineseNumeralDate(text: string): string {
  return text.replace(CHINESE_NUMERAL_DATE, (_match, year: string, month: string, day: string) => {
    const digits = Array.from(year, (char) => String(CHINESE_DIGITS[char] ?? 0)).join("");
    return `${digits}年${chineseNumber(month)}月${chineseNumber(day)}日`;
  });
}

/** `9/17/2004 5:54:13 AM` (ASP.NET's en-US default) or `17/09/2004`, year last. */
const YEAR_LAST_DATE = /(?<![\d/.])(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})(?![\d/.])/;

/**
 * Month first unless that is impossible or the caller knows better (`dayFirst`): Chinese sites that
 * print year-last dates mostly do so through US-locale defaults, and a first number above 12 can only
 * be a day.
 */
function parseYearLast(text: string, dayFirst: boolean): ParsedDate | null {
  const match = YEAR_LAST_DATE.exec(text);
  if (!match) return null;
  const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const readDayFirst = first > 12 || (dayFirst && second <= 12);
  const result = readDayFirst ? build(year, second, first) : build(year, first, second);
  return result ? withTime(result, text.slice(match.index + match[0].length).replace(/^\s*-\s*/, " ")) : null;
}

function parseNumeric(text: string): ParsedDate | null {
  const match = NUMERIC_DATE.exec(text);
  if (!match) return null;
  const rawYear = match[1] ?? "";
  // A two-digit year is only read as one when the separators are dashes (`18-03-08`), never dots
  // (`10.08.12` is more likely a version or a time).
  if (rawYear.length === 2 && !/^\d{2}-\d{1,2}-\d{1,2}/.test(match[0])) return null;
  const year = rawYear.length === 2 ? 2000 + Number(rawYear) : Number(rawYear);
  const result = build(year, Number(match[2]), Number(match[3]));
  if (!result) return null;
  return withTime(result, text.slice(match.index + match[0].length));
}

/** Parses a month-day date without a year, followed by a time; the caller supplies the year. */
export function parseYearlessDate(text: string): ParsedDate | null {
  const match = YEARLESS_DATE.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const result = withTime({ year: null, month, day }, text.slice(match.index + match[0].length));
  return result.time ? result : null;
}

function parseEnglish(text: string): ParsedDate | null {
  const match = ENGLISH_DATE.exec(text);
  if (!match) return null;
  const [day, monthName, year] = match[1] ? [match[1], match[2], match[3]] : [match[5], match[4], match[6]];
  const month =
    MONTH_NAMES[(monthName ?? "").toLowerCase().slice(0, 4)] ??
    MONTH_NAMES[(monthName ?? "").toLowerCase().slice(0, 3)];
  if (!month) return null;
  const result = build(Number(year), month, Number(day));
  return result ? withTime(result, text.slice(match.index + match[0].length)) : null;
}

function build(year: number, month: number, day: number): ParsedDate | null {
  if (year < 1970 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function withTime(date: ParsedDate, rest: string): ParsedDate {
  const match = TIME.exec(rest);
  if (!match) return date;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = match[3] ? Number(match[3]) : 0;
  const meridiem = (match[4] ?? "").toLowerCase() || (/下午|晚上/.test(match[0]) ? "pm" : "");
  if (meridiem === "pm" && hour < 12) hour += 12;
  if (meridiem === "am" && hour === 12) hour = 0;
  if (hour > 23 || minute > 59 || second > 59) return date;
  const parsed: ParsedDate = { ...date, time: { hour, minute, second } };
  const offset = OFFSET.exec(rest.slice(match[0].length));
  if (offset?.[1]) parsed.offset = normalizeOffset(offset[1]);
  return parsed;
}

function normalizeOffset(raw: string): string {
  if (raw.toUpperCase() === "Z") return "+00:00";
  const digits = raw.replace(":", "");
  return `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
}

const pad = (value: number): string => String(value).padStart(2, "0");

/**
 * Formats a parsed date as caiji's `publishedAt`. A year-less date needs `fallbackYear`; without one the
 * result is null, since a guessed year is worse than none.
 *
 * @example formatDate(parseDate("2023年1月10日 09:05")!, "+08:00") // "2023-01-10T09:05:00+08:00"
 */
export function formatDate(date: ParsedDate, defaultOffset: string, fallbackYear?: number): string | null {
  const year = date.year ?? fallbackYear;
  if (year === undefined || year === null) return null;
  const day = `${year}-${pad(date.month)}-${pad(date.day)}`;
  if (!date.time) return day;
  const { hour, minute, second } = date.time;
  return `${day}T${pad(hour)}:${pad(minute)}:${pad(second)}${date.offset ?? defaultOffset}`;
}

/** Milliseconds since the epoch for a formatted value, for comparisons against the fetch time. */
export function toEpochMs(formatted: string): number {
  const value = formatted.length === 10 ? `${formatted}T00:00:00Z` : formatted;
  return Date.parse(value);
}

/** Parses and formats in one step. */
export function normalizeDate(text: string, defaultOffset: string): string | null {
  const parsed = parseDate(text);
  return parsed ? formatDate(parsed, defaultOffset) : null;
}
