/**
 * Turns what an adapter's field spec finds (a selector's text, URL capture groups, a hook's return value)
 * into a record value of the right shape, normalised the way the generic extractors normalise theirs: a
 * date becomes `YYYY-MM-DD` or an ISO date-time with the site's offset, `1.2万` becomes 12000, `作者：张三、
 * 李四` becomes two names. So an adapter says *where* a value is and never re-implements *how* to read it.
 *
 * Conventions shared by every field: `undefined` keeps the generic value; `null` (or something that does
 * not parse) means the page does not show the field. A selector that matches nothing keeps the generic
 * value: the adapter's template may simply not apply to this page.
 */

import { normalizeDate } from "../extract/metadata/normalize-date.js";
import { toCount } from "../extract/metadata/views.js";
import { publishedAtPattern } from "../output/record-schema.js";
import type { FieldSpec, HookContext } from "./define-adapter.js";

/** Labels an author or source value may still carry when read by a selector. */
const VALUE_LABELS =
  /^(?:作者|记者|撰稿|撰文|文|编辑|来源|出处|稿源|author|by|source|writer)\s*[:：/／]?\s*/i;
/** Separators between several names in one text; spaces only between CJK names (never inside `John Smith`). */
const NAME_SEPARATORS = /[、,，;；/／|｜&＆]+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/;
/** The first count in a text: `1,024`, `1.2万`, `阅读 539`. */
const COUNT_IN_TEXT = /(\d[\d,，]*(?:\.\d+)?)\s*(万|w|千|k|亿)?/i;

/**
 * Reads a spec's raw answer: a string (text, attribute, joined capture groups), a string list (`all`:
 * the text of every match, for authors), the hook's own value, or `undefined` (nothing matched).
 */
export function readSpec<T>(spec: FieldSpec<T>, context: HookContext<T>, all = false): unknown {
  if (typeof spec === "function") return spec(context);
  if (typeof spec === "object" && "url" in spec) return captured(spec.url, context.url);
  const { selector, attr, match } =
    typeof spec === "string" ? { selector: spec, attr: undefined, match: undefined } : spec;
  const elements = [...context.document.querySelectorAll(selector)];
  if (elements.length === 0) return undefined;
  const read = (element: Element): string | null => {
    const raw = attr ? element.getAttribute(attr) : element.textContent;
    const text = squash(raw ?? "");
    return match ? captured(match, text) : text;
  };
  if (all) return elements.map(read).filter((value): value is string => value !== null && value !== "");
  return read(elements[0] as Element);
}

/** The capture groups joined by `-` (or the whole match when there are none); null when no match. */
function captured(pattern: RegExp, text: string): string | null {
  const found = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, "")).exec(text);
  if (!found) return null;
  const groups = found.slice(1).filter((group): group is string => group !== undefined);
  return groups.length > 0 ? groups.join("-") : found[0];
}

export function toTitle(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === "string" ? squash(value) : "";
  return text === "" ? null : text;
}

export function toSource(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === "string" ? squash(value).replace(VALUE_LABELS, "").trim() : "";
  return text === "" ? null : text;
}

export function toViews(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : null;
  if (typeof value !== "string") return null;
  const found = COUNT_IN_TEXT.exec(value);
  return found ? toCount(found[1], found[2]) : null;
}

export function toAuthors(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const texts = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  const names = texts
    .filter((text): text is string => typeof text === "string")
    .flatMap((text) => squash(text).replace(VALUE_LABELS, "").split(NAME_SEPARATORS))
    .map((name) => name.trim())
    .filter((name) => name !== "");
  return [...new Set(names)];
}

/** A `Date` is written in the site's offset; a string is parsed like a page's date. */
export function toPublishedAt(value: unknown, offset: string): string | null | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : formatInOffset(value, offset);
  if (typeof value !== "string") return null;
  const text = squash(value);
  if (publishedAtPattern.test(text)) return text;
  return normalizeDate(text, offset);
}

/** JSON-safe extra values: strings are squashed, anything else must survive JSON. */
export function toExtra(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "string") return squash(value);
  return JSON.parse(JSON.stringify(value) ?? "null");
}

/** `+08:00` stays; an IANA zone becomes its offset at `at` (a zone with summer time gets the day's offset). */
export function offsetFor(timezone: string | undefined, at: Date): string {
  if (!timezone) return "+08:00";
  if (/^[+-]\d{2}:\d{2}$/.test(timezone)) return timezone;
  const name = new Intl.DateTimeFormat("en", { timeZone: timezone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const offset = name?.replace(/^GMT/, "") ?? "";
  return offset === "" ? "+00:00" : offset;
}

function formatInOffset(date: Date, offset: string): string {
  const sign = offset.startsWith("-") ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(":").map(Number);
  const shifted = new Date(date.getTime() + sign * ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000);
  return `${shifted.toISOString().slice(0, 19)}${offset}`;
}

function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
