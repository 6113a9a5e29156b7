/**
 * Byline items that a template labels with an icon instead of a word: `<i class="fa fa-eye"></i>1665`,
 * `<span class="iconfont icon-yuedu"></span> 2.3万`. The reader sees an eye and a number and reads "views";
 * the text alone is a bare number beside the date, which the scanner must not guess about.
 *
 * An empty icon element whose class names say what it stands for is read as the label word of that
 * field ({@link iconLabel}), so the byline scanner treats it like `浏览 1665`. Comment, like and share
 * icons map to labels that belong to no field: they end the value before them instead of lending it
 * their own count. Person and category icons map to {@link ICON_STOP_LABEL}: the name after a person
 * icon is the account that posted the page (often the site itself), and the word after a folder icon
 * is a section, so neither may be read as the outlet printed beside the date; neither is read as an
 * author either, since a poster is not reliably the writer. A clock beside a date adds nothing the date
 * parser does not already see.
 */
import { ICON_STOP_LABEL } from "./byline-vocabulary.js";

/** Class tokens of icon fonts (Font Awesome, Bootstrap, iconfont pinyin names) and the label each stands for. */
const ICON_TOKENS: ReadonlyMap<string, string> = new Map([
  ["eye", "浏览"],
  ["view", "浏览"],
  ["views", "浏览"],
  ["browse", "浏览"],
  ["liulan", "浏览"],
  ["yuedu", "浏览"],
  ["chakan", "浏览"],
  ["comment", "评论"],
  ["comments", "评论"],
  ["commenting", "评论"],
  ["pinglun", "评论"],
  ["thumbs", "点赞"],
  ["zan", "点赞"],
  ["dianzan", "点赞"],
  ["like", "点赞"],
  ["heart", "点赞"],
  ["share", "分享"],
  ["fenxiang", "分享"],
  ["user", ICON_STOP_LABEL],
  ["person", ICON_STOP_LABEL],
  ["avatar", ICON_STOP_LABEL],
  ["folder", ICON_STOP_LABEL],
  ["list", ICON_STOP_LABEL],
  ["tag", ICON_STOP_LABEL],
  ["tags", ICON_STOP_LABEL],
  ["category", ICON_STOP_LABEL],
]);

/** Tags icon fonts are drawn with: an empty inline element carrying the icon's class. */
const ICON_TAGS = new Set(["i", "span", "em", "b"]);

/**
 * The label word an empty icon element stands for, or null.
 *
 * @param marker the element's class and id; `tokensOf` splits it (the caller's class tokenizer)
 * @example iconLabel(element, "fa fa-eye", attributeTokens) // "浏览"
 */
export function iconLabel(
  element: Element,
  marker: string,
  tokensOf: (marker: string) => readonly string[],
): string | null {
  if (marker.length <= 1 || !ICON_TAGS.has(element.localName)) return null;
  if (element.firstElementChild || (element.textContent ?? "").trim().length > 0) return null;
  for (const token of tokensOf(marker)) {
    const label = ICON_TOKENS.get(token);
    if (label) return label;
  }
  return null;
}
