/**
 * Forum pages link a poster's name to the poster's profile (`space-uid-5566.html`, `u.php?uid=20931`,
 * `home.php?mod=space&uid=1`). Such a name is a person: the post's author when it sits in the first
 * post's user panel, never the outlet the article comes from.
 */
import type { PageLine } from "./page-lines.js";

/**
 * Forum engines' profile URLs only: a content platform's `/user/123/` link names the account that
 * publishes the article, which is its source (头条号, 搜狐号), not a poster.
 */
const PROFILE_HREF = /(?:space-uid-\d|[?&](?:uid|userid|user_id)=\d|mod=space)/i;

/** Longest line read as a bare name. */
const MAX_NAME_CHARS = 20;

/** The line's text when the whole line is one link to a user profile, else null. */
export function profileLinkName(line: PageLine): string | null {
  if (line.text.length > MAX_NAME_CHARS) return null;
  const link = Array.from(line.block.querySelectorAll("a[href]")).find(
    (anchor) => (anchor.textContent ?? "").trim() === line.text,
  );
  return link && PROFILE_HREF.test(link.getAttribute("href") ?? "") ? line.text : null;
}
