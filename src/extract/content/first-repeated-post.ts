/**
 * On a page that shows several posts in a row (a blog's front page, a forum thread), narrows the
 * content to the first post.
 *
 * Readability picks the container with the most prose, which on such pages is either the list of all
 * posts or the longest post, never the one the page is about: on a forum thread that is the opening
 * post, on a blog page the newest entry, both first in document order. Posts are recognised as
 * elements that share one tag and class naming a post (`td.post-body`, `div.entry`, `div.floor`) and
 * each hold prose of their own. Sections of one article carry such names too (`article__body`,
 * `post__content` split around an advert or a figure: common on English sites), so two of the posts must
 * also show a date of their own beside their body (a forum floor's or a blog entry's header): chunks of
 * one article share the page's single date.
 */
import { descendantsNamed, hasDescendantNamed, tagNames } from "../element-walk.js";
import { countPunctuation, readingLength } from "./normalize-text.js";

/** Class words that name one post among several. */
const POST_CLASS_WORDS = /post|entry|blog|thread|topic|floor|reply|article|message|msg/i;
/** Each post must hold at least this much prose to count (reading units, punctuation marks). */
const MIN_POST_LENGTH = 50;
const MIN_POST_PUNCTUATION = 3;
/** The first post must be at least this share of the post it replaces (a teaser card is not a post). */
const MIN_FIRST_POST_SHARE = 0.25;

/** Paragraph-level and inline tags: a run of these is one article's paragraphs, not posts. */
const NOT_A_POST = new Set([
  "P",
  "SPAN",
  "A",
  "LI",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "FONT",
  "B",
  "STRONG",
  "EM",
  "BLOCKQUOTE",
  "FIGURE",
  "FIGCAPTION",
  "IMG",
  "TR",
]);

function signature(element: Element): string | null {
  if (NOT_A_POST.has(element.tagName)) return null;
  const className = (element.getAttribute("class") ?? "").trim().replace(/\s+/g, " ");
  if (className === "" || !POST_CLASS_WORDS.test(className)) return null;
  return `${element.tagName}.${className}`;
}

function holdsProse(element: Element): boolean {
  const text = element.textContent ?? "";
  return readingLength(text) >= MIN_POST_LENGTH && countPunctuation(text) >= MIN_POST_PUNCTUATION;
}

/**
 * A date as post headers print it: `2005-03-21`, `2019/11/15`, `2019年11月15日`, `3月21日`, `15.11.2019`,
 * `Nov 15, 2019`, `15 November 2019`, `01:20` (headers run words together: no word boundaries).
 */
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const DATE_PATTERN = new RegExp(
  [
    "\\d{4}\\s*[-/.年]\\s*\\d{1,2}",
    "\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日",
    "\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}",
    `${MONTH}\\s+\\d{1,2},?\\s+\\d{4}`,
    `\\d{1,2}\\s+${MONTH}\\s+\\d{4}`,
    "\\d{1,2}:\\d{2}",
  ].join("|"),
  "i",
);
/** Posts whose own header must show a date for the group to count as a run of posts. */
const MIN_DATED_POSTS = 2;

/** The text of the branch below the group's common ancestor that holds `member`, without `member`'s. */
function headerText(member: Element, ancestor: Element): string {
  let branch = member;
  while (branch.parentElement && branch.parentElement !== ancestor) branch = branch.parentElement;
  const whole = branch.textContent ?? "";
  const own = member.textContent ?? "";
  return whole.replace(own, "");
}

function commonAncestor(elements: readonly Element[]): Element | null {
  let ancestor = elements[0]?.parentElement ?? null;
  while (ancestor && !elements.every((element) => ancestor?.contains(element)))
    ancestor = ancestor.parentElement;
  return ancestor;
}

/** True when at least two members carry a date outside their body, as separate posts do. */
function postsAreDated(group: readonly Element[]): boolean {
  const ancestor = commonAncestor(group);
  if (!ancestor) return false;
  return group.filter((member) => DATE_PATTERN.test(headerText(member, ancestor))).length >= MIN_DATED_POSTS;
}

/**
 * Forum engines number each post's element (`div#post_1001`, `td#postmessage_1001`): the number makes it
 * one post of a thread whatever its length, so a one-line reply counts as long as the first post holds
 * prose.
 */
const NUMBERED_POST_ID = /^([a-z_-]*(?:post|reply|floor|message|msg)[a-z_-]*?)[_-]?\d+$/i;

function numberedSignature(element: Element): string | null {
  if (NOT_A_POST.has(element.tagName)) return null;
  const match = NUMBERED_POST_ID.exec(element.getAttribute("id") ?? "");
  return match ? `${element.tagName}#${match[1]}` : null;
}

/** Groups of two or more same-signature, non-nested elements that each hold prose. */
function postGroups(root: Element): Element[][] {
  const groups = new Map<string, Element[]>();
  const add = (key: string, element: Element): void => {
    const group = groups.get(key) ?? [];
    if (group.some((member) => member.contains(element) || element.contains(member))) return;
    group.push(element);
    groups.set(key, group);
  };
  const elements = descendantsNamed(root);
  for (const element of elements) {
    if (!element.hasAttribute("class")) continue;
    const key = signature(element);
    if (key && holdsProse(element)) add(key, element);
  }
  for (const element of elements) {
    if (!element.hasAttribute("id")) continue;
    const key = numberedSignature(element);
    if (!key || readingLength(element.textContent ?? "") === 0) continue;
    if (groups.has(key) || holdsProse(element)) add(key, element);
  }
  // Numbered posts (`post_1001`) are posts by their ids; class-named ones must show dates of their own.
  const runs = [...groups.entries()]
    .filter(([key, group]) => group.length >= 2 && (key.includes("#") || postsAreDated(group)))
    .map(([, group]) => group);
  // The innermost run first: `td#postmessage_1` (the message) rather than `div#post_1` (with the
  // poster's panel of 积分, 帖子 and ranks).
  return runs.sort(
    (a, b) =>
      Number((a[0] as Element).contains(b[0] as Element)) -
      Number((b[0] as Element).contains(a[0] as Element)),
  );
}

function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

const PIECES = tagNames("p,td,div,li");

/** The longest paragraph-sized piece of text in `element`, as a probe to find it elsewhere. */
function probeText(element: Element): string {
  const pieces = descendantsNamed(element, PIECES)
    .filter((piece) => !hasDescendantNamed(piece, PIECES))
    .map((piece) => compact(piece.textContent ?? ""));
  const longest = pieces.reduce((best, piece) => (piece.length > best.length ? piece : best), "");
  return (longest || compact(element.textContent ?? "")).slice(0, 40);
}

/** A run of posts, read from the page before Readability rewrites it. */
export interface PostRun {
  /** A copy of the first post. */
  first: Element;
  /** Each post's text without whitespace, in document order. */
  texts: string[];
}

/** Finds the runs of posts in `root` (read-only; the first posts are copied). */
export function findPostRuns(root: Element): PostRun[] {
  return postGroups(root).map((group) => ({
    first: (group[0] as Element).cloneNode(true) as Element,
    texts: group.map((member) => compact(member.textContent ?? "")),
  }));
}

/**
 * Returns the first post of a run when `content` is a list of posts or one post other than the first;
 * null when `content` is not part of a run of posts.
 */
export function firstRepeatedPost(content: Element, runs: readonly PostRun[]): Element | null {
  if (runs.length === 0) return null;
  const contentText = compact(content.textContent ?? "");
  const probe = probeText(content);
  if (probe === "") return null;
  for (const run of runs) {
    const covered = run.texts.filter((text) => contentText.includes(text.slice(0, 40)));
    const holder = run.texts.findIndex((text) => text.includes(probe));
    if (covered.length >= 2) return run.first.cloneNode(true) as Element;
    if (holder <= 0) continue;
    // Readability chose one later member. A teaser card that shares the article's class is far shorter
    // than the article: never swap the article for one.
    const firstLength = run.texts[0]?.length ?? 0;
    const chosenLength = run.texts[holder]?.length ?? 0;
    if (firstLength >= chosenLength * MIN_FIRST_POST_SHARE) return run.first.cloneNode(true) as Element;
  }
  return null;
}
