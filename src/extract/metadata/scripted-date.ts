/**
 * A date a page prints through a one-line inline script: `<script>showDate("2020/04/17 01:43:09")</script>`,
 * `<script>document.write("2019-05-02")</script>`. Old portals and forums write the byline's date this way
 * (to localise it or add the weekday); the date is in the HTML, only the call that displays it is not run.
 *
 * Only a script that is nothing but one call with one string argument, holding a date and nothing else
 * of note, is read: a script that computes a date (`new Date()`) or fetches one shows nothing we can see.
 */
import { parseDate } from "./normalize-date.js";

const ONE_CALL_WITH_A_STRING = /^\s*(?:[\w$]+\.)*[\w$]+\s*\(\s*(["'])([^"'<>]{6,60})\1\s*\)\s*;?\s*$/;

/** `document.write("<span>2019-05-02</span>")`: the markup is dropped, the text kept. */
const DOCUMENT_WRITE_MARKUP = /^\s*document\.write(?:ln)?\s*\(\s*(["'])(.{6,200}?)\1\s*\)\s*;?\s*$/;

/**
 * The date text an inline `<script>` displays, or null.
 *
 * @example scriptedDate(script) // "2020/04/17 01:43:09"
 */
export function scriptedDate(script: Element): string | null {
  if (script.hasAttribute("src")) return null;
  const code = script.textContent ?? "";
  if (code.length > 240) return null;
  const literal = ONE_CALL_WITH_A_STRING.exec(code)?.[2] ?? DOCUMENT_WRITE_MARKUP.exec(code)?.[2];
  if (!literal) return null;
  const text = literal.replace(/<[^>]*>/g, " ").trim();
  return text.length <= 40 && parseDate(text) ? text : null;
}
