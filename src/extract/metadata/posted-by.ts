/**
 * The sentence forums print under a post: `本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表.`,
 * `此帖由 张三 于 2006-1-2 10:00 发表`. It names the poster and the time of posting in one place, and on a
 * forum page the poster is the author and the posting time the publish date.
 *
 * `本帖最后由 张三 于 … 编辑` is the last edit, not the post, and is never read.
 */

import { isInArticleRegion } from "./article-body.js";
import { MAX_BYLINE_CHARS } from "./byline-labels.js";
import type { PageAnalysis } from "./page-analysis.js";
import { ELEMENT_SEAM } from "./page-lines.js";

export interface PostedBy {
  name: string;
  /** The date text as shown, for the date parser. */
  dateText: string;
  /** Lines below the headline. */
  offset: number;
}

const POSTED_BY = new RegExp(
  `(?:本|此|该)?[帖贴文]?由[\\s${ELEMENT_SEAM}]*([^\\s${ELEMENT_SEAM}于]{1,20})[\\s${ELEMENT_SEAM}]*于[\\s${ELEMENT_SEAM}]*(\\d{2,4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?[\\s${ELEMENT_SEAM}]*(?:\\d{1,2}:\\d{2}(?::\\d{2})?)?)[^。]{0,40}?(?:发表|发布|发帖|张贴)`,
);

/**
 * The first posting sentence in the article's region, or null.
 *
 * @example postedBy(page) // { name: "大卫", dateText: "2005年8月12日16:12:21", offset: 13 }
 */
export function postedBy(page: PageAnalysis): PostedBy | null {
  for (const line of page.lines) {
    if (line.zone !== "content" || line.text.length > MAX_BYLINE_CHARS) continue;
    if (!line.text.includes("由") || !isInArticleRegion(line, page.headlineIndex, page.bodyLines)) continue;
    const match = POSTED_BY.exec(line.text);
    if (!match?.[1] || !match[2] || /最后$/.test(line.text.slice(0, match.index))) continue;
    const offset = page.headlineIndex >= 0 ? line.index - page.headlineIndex : 0;
    return { name: match[1], dateText: match[2].replaceAll(ELEMENT_SEAM, " "), offset };
  }
  return null;
}
