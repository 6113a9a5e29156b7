/**
 * The shared byline scanner: finds `label：value` pairs in the short text lines of a page.
 *
 * Chinese pages pack several labels in one line, as spans or in one text node:
 * `发布时间：2023-01-10 09:05  来源：无锡日报  作者：张三 李四  浏览次数：1,024`,
 * `Writer: admin Time:2023-01-10 Browse:94`, `发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 作者魏星`.
 * A value therefore ends where the next label starts (any label, including "stop" labels such as
 * 分享/打印/评论 that belong to no field) or at a hard separator (`|`, `【`, …). Each field module reads
 * the hits for its own field, so the label vocabulary (`byline-vocabulary.ts`) is shared once instead of
 * written as a regex per field.
 *
 * Only short lines outside boilerplate zones are scanned (a paragraph of prose that mentions 记者 is not a
 * byline), and every hit carries its distance from the headline so callers can prefer the byline under
 * the headline over a `来源：` line in a footer or a related-article list.
 */
import { BYLINE_LABELS, type BylineField, COLON_ONLY_LABELS, foldTraditional } from "./byline-vocabulary.js";
import { ELEMENT_SEAM, type PageLine } from "./page-lines.js";

// Other stages (the render decision) read the vocabulary through the scanner's module.
export { BYLINE_LABELS, type BylineField } from "./byline-vocabulary.js";

export interface BylineHit {
  field: BylineField;
  label: string;
  /** Text after the label up to the next label or hard separator, trimmed. */
  value: string;
  /** Text between the previous label's value and this label (`1164次` in `1164次阅读`). */
  before: string;
  /**
   * Whether `before` stands on its own: no label precedes it on the line, or a hard separator parts it
   * from the previous label. Otherwise it is the previous label's value (`评论 3 阅读`: the 3 is 评论's).
   */
  beforeIsOwn: boolean;
  /** Where the label starts in the line's text. */
  start: number;
  /** Whether the label was followed by `:`/`：` (a colon makes a weak label word trustworthy). */
  hasColon: boolean;
  /**
   * Whether the line reads as a byline: some label in it has a colon, or it holds labels of two
   * different fields (`发表于… | 1164次阅读 | 来源CSDN | 作者魏星`). A colon-less label elsewhere is
   * likely prose (`记者注意到…`, `作者最新文章`).
   */
  inByline: boolean;
  line: PageLine;
  /** Lines from the headline to this line; negative above it. Zero when the page has no headline. */
  offset: number;
}

export interface BylineScan {
  hits: BylineHit[];
  /** Unlabelled short text (before the first label, or whole label-less lines) near the headline. */
  unlabelled: BylineHit[];
}

/** Lines longer than this are prose, not bylines. */
export const MAX_BYLINE_CHARS = 160;

/** How far below the headline an unlabelled line may sit and still be read as the byline. */
const UNLABELLED_WINDOW_LINES = 6;

const HARD_SEPARATOR = /[|｜丨【】[\]]|\s[/／]\s|<<|>>/;

const LABEL_BOUNDARY_BEFORE = `(?<=^|[\\s${ELEMENT_SEAM}|｜丨/\\\\\\[\\]【】()（）:：,，;；·•>«»<\\d次人])`;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface LabelEntry {
  label: string;
  field: BylineField;
}

const LABEL_INDEX: ReadonlyMap<string, BylineField> = new Map(
  (Object.entries(BYLINE_LABELS) as [BylineField, readonly string[]][]).flatMap(([field, labels]) =>
    labels.map((label): [string, BylineField] => [label.toLowerCase(), field]),
  ),
);

const LABEL_PATTERN: RegExp = (() => {
  const entries: LabelEntry[] = Array.from(LABEL_INDEX.entries()).map(([label, field]) => ({ label, field }));
  entries.sort((a, b) => b.label.length - a.label.length);
  const cjk = entries
    .filter((entry) => !/^[a-z ]+$/.test(entry.label))
    .map((entry) => escapeRegExp(entry.label));
  const latin = entries.filter((entry) => /^[a-z ]+$/.test(entry.label) && entry.label !== "by");
  const latinAlternation = latin.map((entry) => escapeRegExp(entry.label)).join("|");
  return new RegExp(
    `${LABEL_BOUNDARY_BEFORE}(?:(${cjk.join("|")})\\s*([:：])?|(${latinAlternation})\\s*([:：])|(by)\\s+(?=[A-Z\\u4e00-\\u9fff]))`,
    "gi",
  );
})();

/** `发布时间 2005/03/15 22:36:13 by duscha`: a lower-case "by" right after a byline's time is a credit too. */
const AFTER_TIME = /\d{1,2}:\d{2}(?::\d{2})?\s*$/;

/** Words before "by" that make it a credit for software or design, not for the article. */
const NOT_A_BYLINE_BEFORE_BY = /(?:powered|designed|developed|theme|made|hosted|built|supported)\s*$/i;

/** Words that turn a lowercase "by" before a name into a byline: `Posted by 刘海燕`, `Written by Jane Doe`. */
const POSTED_BEFORE_BY = /(?:^|[\s|｜])(?:posted|written|reported|published)\s*$/i;

const BY_VALUE_DATE_TAIL = /\s+(?:on|at)\s+(?=.*\d).*$/i;

interface LabelMatch {
  start: number;
  end: number;
  label: string;
  field: BylineField;
  hasColon: boolean;
}

function findLabels(original: string): LabelMatch[] {
  const matches: LabelMatch[] = [];
  const text = foldTraditional(original);
  for (const match of text.matchAll(LABEL_PATTERN)) {
    const label = match[1] ?? match[3] ?? match[5] ?? "";
    // "By" is case-sensitive in spirit: "by" inside a sentence is not a byline, unless a byline time comes
    // before it or a byline verb opens it (`Posted by 刘海燕 on …`).
    const isCredited =
      POSTED_BEFORE_BY.test(original.slice(0, match.index)) &&
      /^[A-Z\u4e00-\u9fff]/.test(original.slice(match.index + match[0].length));
    if (
      match[5] !== undefined &&
      match[5] !== "By" &&
      match[5] !== "BY" &&
      !AFTER_TIME.test(original.slice(0, match.index)) &&
      !isCredited
    ) {
      continue;
    }
    if (match[5] !== undefined && NOT_A_BYLINE_BEFORE_BY.test(original.slice(0, match.index))) continue;
    const field = LABEL_INDEX.get(label.toLowerCase());
    if (!field) continue;
    const hasColon = match[2] !== undefined || match[4] !== undefined;
    if (!hasColon && COLON_ONLY_LABELS.has(label)) continue;
    matches.push({ start: match.index, end: match.index + match[0].length, label, field, hasColon });
  }
  return matches;
}

/** Cuts a raw value at the first hard separator and trims seams, spaces and trailing punctuation. */
export function cleanValue(raw: string): string {
  const separator = HARD_SEPARATOR.exec(raw);
  const cut = separator ? raw.slice(0, separator.index) : raw;
  return cut
    .replaceAll(ELEMENT_SEAM, " ")
    .replace(/^[\s:：,，;；、〓■□◆◇●○★☆]+|[\s,，;；、。.:：〓■□◆◇●○★☆]+$/g, "")
    .trim();
}

/** `来源：[ 国际金融报 ]`: a value the page wraps in brackets, which would otherwise cut it to nothing. */
const BRACKETED_VALUE = new RegExp(
  `^[\\s${ELEMENT_SEAM}:：]*[[［【]\\s*([^\\]］】[［【]{1,40}?)\\s*[\\]］】]`,
);

function labelValue(raw: string): string {
  return cleanValue(BRACKETED_VALUE.exec(raw)?.[1] ?? raw);
}

/** Finds label/value pairs in one line of text; exported for tests and for single-line callers. */
export function parseBylineText(text: string): Array<Omit<BylineHit, "line" | "offset">> {
  const labels = findLabels(text);
  const fields = new Set(labels.filter((label) => label.field !== "other").map((label) => label.field));
  const inByline = fields.size >= 2 || labels.some((label) => label.hasColon);
  return labels.map((label, i) => {
    const next = labels[i + 1];
    const previous = labels[i - 1];
    const raw = labelValue(text.slice(label.end, next ? next.start : text.length));
    // `By 刘海燕 on 2023-04-18 15:20`: the name ends where the date's preposition starts.
    const value = label.label.toLowerCase() === "by" ? raw.replace(BY_VALUE_DATE_TAIL, "") : raw;
    const beforeStart = previous ? previous.end : 0;
    const beforeRaw = text.slice(beforeStart, label.start);
    const before = cleanValue(beforeRaw.split(HARD_SEPARATOR).pop() ?? "");
    const beforeIsOwn = !previous || HARD_SEPARATOR.test(beforeRaw);
    return {
      field: label.field,
      label: label.label,
      value,
      before,
      beforeIsOwn,
      start: label.start,
      hasColon: label.hasColon,
      inByline,
    };
  });
}

/**
 * Scans short content lines for byline labels.
 *
 * @param headlineIndex index of the headline's line, or -1; offsets are measured from it
 * @example
 * const { hits } = scanLines(lines, headlineIndex);
 * const source = hits.find((hit) => hit.field === "source")?.value;
 */
export function scanLines(lines: readonly PageLine[], headlineIndex: number): BylineScan {
  const hits: BylineHit[] = [];
  const unlabelled: BylineHit[] = [];
  for (const line of lines) {
    if (line.zone !== "content" || line.text.length > MAX_BYLINE_CHARS) continue;
    const offset = headlineIndex >= 0 ? line.index - headlineIndex : 0;
    const found = parseBylineText(line.text);
    const last = found[found.length - 1];
    if (last && last.value.length === 0 && last.hasColon) {
      const value = valueInNextCell(line, lines[line.index + 1]);
      if (value) found[found.length - 1] = { ...last, value };
    }
    for (const hit of found) hits.push({ ...hit, line, offset });
    const nearHeadline = headlineIndex >= 0 && offset > 0 && offset <= UNLABELLED_WINDOW_LINES;
    if (!nearHeadline) continue;
    const firstLabelAt = found[0]?.start ?? line.text.length;
    const leading = cleanValue(line.text.slice(0, Math.max(0, firstLabelAt)));
    if (leading.length > 0 && leading.length <= 80) {
      unlabelled.push({
        field: "other",
        label: "",
        value: leading,
        before: "",
        beforeIsOwn: true,
        start: 0,
        hasColon: false,
        inByline: found.length > 0,
        line,
        offset,
      });
    }
  }
  return { hits, unlabelled };
}

const CELL_TAGS = new Set(["td", "th", "dt", "dd"]);

/**
 * Information tables put the label in one cell and the value in the next
 * (`<td>发布日期：</td><td>2022年01月27日</td>`); only there is a following line read as a label's value.
 */
function valueInNextCell(line: PageLine, next: PageLine | undefined): string | null {
  if (next?.zone !== "content" || next.text.length > 40) return null;
  if (!CELL_TAGS.has(line.block.localName) || !CELL_TAGS.has(next.block.localName)) return null;
  if (line.block.parentElement !== next.block.parentElement) return null;
  if (parseBylineText(next.text).length > 0) return null;
  return cleanValue(next.text) || null;
}

/**
 * Orders hits so that the byline under the headline comes first: lines just below the headline, then
 * lines further below, then lines above it (a `来源` in the page header is rarely the article's).
 */
export function byProximity(a: BylineHit, b: BylineHit): number {
  return proximityRank(a) - proximityRank(b);
}

function proximityRank(hit: BylineHit): number {
  return hit.offset >= 0 ? hit.offset : 1000 - hit.offset;
}

/** Hits for one field, nearest to the headline first. */
export function hitsFor(scan: BylineScan, field: BylineField): BylineHit[] {
  return scan.hits.filter((hit) => hit.field === field).sort(byProximity);
}
