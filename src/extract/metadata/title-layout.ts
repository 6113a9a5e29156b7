/**
 * Which part of a `<title>` is the article's headline.
 *
 * Sites join the headline, the column and the site's name in either order: `headline - 栏目 - 站名`
 * mostly, but also `站名-栏目-headline`, `新闻中心 - headline` and breadcrumb trails such as
 * `首页 > 工作动态 > headline`. Position alone does not say which part is which, so the page is asked:
 *
 * - a run of parts that the page shows as a whole (a heading or headline element, a block whose text it
 *   is, a declared title such as og:title) is the headline, the longest such run first: a headline with
 *   a dash of its own (`“十四五”规划 - 解读`) is shown whole and kept whole;
 * - else the run the breadcrumb ends with, where the page names itself (`首页 > 工作动态 > X`);
 * - else the parts that are section names or the site's name (`weak-title.ts`) are struck out, and the
 *   one part left is the headline.
 *
 * The end of the title is where sites put their name, so a run that takes in the last part
 * (`新闻中心 - X`, `站名 | X`, the whole title) needs more: the article's own heading shows it, a declared
 * title does, a part before it is the site's name, or the title is a trail that starts at the home page.
 * An unmarked logo heading would otherwise pass for the headline in `栏目 - 站名`, and a heading that
 * repeats `headline_站名` would keep the site's name.
 *
 * @example headlineRunOf("新闻中心 - 青河县春季植树活动启动", evidence) // { from: 1, to: 1, text: "青河县春季植树活动启动" }
 */

/** Separators sites put between headline, column and site name in `<title>`. */
const TITLE_SEPARATORS = new RegExp(
  [
    // ` - `, ` | `, ` · `, ` _ `, ` > `, ` » `: any of these with spaces on both sides.
    String.raw`\s+[-–—|·•_>›»→]\s+`,
    String.raw`\s*(?:_+|\||｜|--+|——|－|::|>>|»)\s*`,
    // Glued between Chinese words: `站名-栏目-标题`, `首页>新闻中心>标题`.
    String.raw`(?<=[\u4e00-\u9fff）》」])[->›→](?=[\u4e00-\u9fff（《「])`,
    // `首页》工作动态》标题`, but not the closing mark of a book title (`《条例》解读`).
    String.raw`(?<!《[^《》]*)(?<=[\u4e00-\u9fff])》(?=[\u4e00-\u9fff])`,
  ].join("|"),
  "g",
);

/** One part of a `<title>` and where it stands in the title's text. */
export interface TitlePart {
  text: string;
  start: number;
  end: number;
}

/** A run of consecutive parts, `from` to `to` inclusive, and its text as the title writes it. */
export interface TitleRun {
  from: number;
  to: number;
  text: string;
}

/**
 * A `<title>` (whitespace already collapsed) split on the separators sites use; the parts in page order,
 * trimmed, empty ones dropped.
 */
export function splitTitle(title: string): TitlePart[] {
  const parts: TitlePart[] = [];
  let start = 0;
  const push = (from: number, to: number): void => {
    const raw = title.slice(from, to);
    const text = raw.trim();
    if (text.length === 0) return;
    const offset = from + raw.indexOf(text);
    parts.push({ text, start: offset, end: offset + text.length });
  };
  for (const match of title.matchAll(TITLE_SEPARATORS)) {
    push(start, match.index);
    start = match.index + match[0].length;
  }
  push(start, title.length);
  return parts;
}

export interface LayoutEvidence {
  /** The comparison form used for every text. */
  comparable: (text: string) => string;
  /**
   * Elements showing a text, by the text's comparison form: headings, headline-marked elements and
   * blocks that the `<title>` explains, links and the site's logo left out.
   */
  shown: ReadonlyMap<string, readonly Element[]>;
  /** Declared titles (og:title, JSON-LD headline), in comparison form. */
  declared: readonly string[];
  /** Whether a text names a section or the site (`weak-title.ts`). */
  generic: (key: string) => boolean;
  /** Whether a text is the site's name by the page's own evidence (meta tags, home link, logo, footer). */
  siteName: (key: string) => boolean;
  /** Whether an element is the article's heading: a heading or headline element right above its text. */
  isArticleHeading: (element: Element) => boolean;
  /** Whether a text ends the page's breadcrumb, where the page names itself. */
  endsBreadcrumb: (key: string) => boolean;
}

/** Words a breadcrumb trail starts with: a `<title>` starting so ends with the page, not the site. */
const HOME_WORDS: ReadonlySet<string> = new Set(["首页", "主页", "网站首页", "home", "homepage"]);

/**
 * The run of the `<title>`'s parts that is the headline, or null when the page gives no evidence (one
 * part only, nothing shown, or the parts left are ambiguous).
 */
export function headlineRunOf(
  title: string,
  parts: readonly TitlePart[],
  evidence: LayoutEvidence,
): TitleRun | null {
  if (parts.length < 2) return null;
  const keys = parts.map((part) => evidence.comparable(part.text));
  return (
    shownRun(title, parts, keys, evidence) ??
    breadcrumbRun(title, parts, keys, evidence) ??
    remainingRun(title, parts, keys, evidence)
  );
}

interface ShownRun extends TitleRun {
  key: string;
  elements: readonly Element[];
  declared: boolean;
}

/** The longest run that the page shows as a whole and that is neither framed by section names nor the site's. */
function shownRun(
  title: string,
  parts: readonly TitlePart[],
  keys: readonly string[],
  evidence: LayoutEvidence,
): TitleRun | null {
  const last = parts.length - 1;
  const runs: ShownRun[] = [];
  for (let from = 0; from <= last; from += 1) {
    for (let to = from; to <= last; to += 1) {
      const text = runText(title, parts, from, to);
      const key = evidence.comparable(text);
      const elements = evidence.shown.get(key) ?? [];
      // A declared title equal to the whole `<title>` says nothing about its parts.
      const declared = !(from === 0 && to === last) && evidence.declared.includes(key);
      if (elements.length > 0 || declared) runs.push({ from, to, text, key, elements, declared });
    }
  }
  runs.sort((a, b) => b.key.length - a.key.length);
  for (const run of runs) {
    const first = keys[run.from] ?? "";
    const end = keys[run.to] ?? "";
    if (evidence.generic(first) || evidence.generic(end)) continue;
    // `两会今日开幕 - 新华网` printed whole in a heading keeps the site's name: not a headline of its own.
    if (run.to === last && run.from < run.to && SITE_NAME_SHAPE.test(end)) continue;
    if (!inSiteSlot(run, parts.length) || siteSlotHoldsHeadline(keys, run, evidence)) return strip(run);
    if (evidence.siteName(run.key)) continue;
    if (run.declared || run.elements.some(evidence.isArticleHeading)) return strip(run);
  }
  return null;
}

/**
 * The run the page's breadcrumb ends with (`首页 > 工作动态 > X` for `工作动态 - X`), unless it is a section
 * name: read only when nothing shows a run, since the breadcrumb costs a pass over the page's lines.
 */
function breadcrumbRun(
  title: string,
  parts: readonly TitlePart[],
  keys: readonly string[],
  evidence: LayoutEvidence,
): TitleRun | null {
  const last = parts.length - 1;
  let found: TitleRun | null = null;
  for (let from = 0; from <= last; from += 1) {
    for (let to = from; to <= last; to += 1) {
      const text = runText(title, parts, from, to);
      if ((from === 0 && to === last) || (found && found.text.length >= text.length)) continue;
      if (!evidence.endsBreadcrumb(evidence.comparable(text))) continue;
      if (evidence.generic(keys[from] ?? "") || evidence.generic(keys[to] ?? "")) continue;
      found = { from, to, text };
    }
  }
  return found;
}

/**
 * The one part left when the section and site names are struck out, when it can only be the headline.
 * Several parts left (`headline - 股票频道`, a column outside the section words) say nothing, nor does
 * one shaped like a site's name.
 */
function remainingRun(
  title: string,
  parts: readonly TitlePart[],
  keys: readonly string[],
  evidence: LayoutEvidence,
): TitleRun | null {
  const kept = keys.flatMap((key, index) => (evidence.generic(key) ? [] : [index]));
  const [only] = kept;
  // `世艺网>艺术教育`: a part shaped like an organisation's name may be the site's all the same.
  if (only === undefined || kept.length > 1 || SITE_NAME_SHAPE.test(keys[only] ?? "")) return null;
  const run = { from: only, to: only, text: runText(title, parts, only, only) };
  if (inSiteSlot(run, parts.length) && !siteSlotHoldsHeadline(keys, run, evidence)) return null;
  return run;
}

/** Whether a run takes in the title's last part, where the site's name usually stands. */
function inSiteSlot(run: TitleRun, partCount: number): boolean {
  return run.to === partCount - 1;
}

/** The end of the title holds the headline when a part before it names the site or the title is a trail. */
function siteSlotHoldsHeadline(keys: readonly string[], run: TitleRun, evidence: LayoutEvidence): boolean {
  const before = keys.slice(0, run.from);
  return HOME_WORDS.has(before[0] ?? "") || before.some(evidence.siteName);
}

function runText(title: string, parts: readonly TitlePart[], from: number, to: number): string {
  return title.slice(parts[from]?.start ?? 0, parts[to]?.end ?? title.length);
}

function strip(run: ShownRun): TitleRun {
  return { from: run.from, to: run.to, text: run.text };
}

/** Endings of organisations' and sites' names: a part so shaped is taken for the site's when nothing else tells. */
const SITE_NAME_SHAPE =
  /(?:网|网站|官网|门户|政府|公司|集团|日报|晚报|早报|商报|时报|报社|电视台|在线|频道|新闻|学会|协会|大学|学院|医院|\.com|\.cn|\.net|\.org)$/;

/**
 * What to take for the headline when the page shows none: the run the evidence picked, else the first part
 * that is neither a section or site name nor shaped like an organisation's name (`XX市人民政府-通知公告-
 * 关于…的通知`), else the first part.
 */
export function likelyHeadlinePart(
  parts: readonly TitlePart[],
  run: TitleRun | null,
  comparable: (text: string) => string,
  generic: (key: string) => boolean,
): string | null {
  if (run) return run.text;
  const likely = parts.find((part) => {
    const key = comparable(part.text);
    return !SITE_NAME_SHAPE.test(key) && !generic(key);
  });
  return (likely ?? parts[0])?.text ?? null;
}
