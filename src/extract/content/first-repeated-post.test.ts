import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { findPostRuns, firstRepeatedPost } from "./first-repeated-post.js";
import { prose, TEST_URL } from "./test-snippets.js";

/** A post with its own header (title and date), as forum floors and blog entries print them. */
function post(seed: string, day = 21): string {
  const header = `<div class="post-head">${seed}的帖子 2005-03-${day} 01:20</div>`;
  return `<div class="floor">${header}<div class="post-body"><p>${prose(seed, 120)}</p><p>${prose(`${seed}续`, 120)}</p></div></div>`;
}

/** English prose of about `words` words, unique per `seed`. */
function englishProse(seed: string, words = 60): string {
  const sentence = `The ${seed} committee said on Tuesday that the new rules would take effect next year, officials added.`;
  return sentence.repeat(Math.ceil((words * 6) / sentence.length));
}

function narrowed(pageBody: string, pick: (body: Element) => Element): string | null {
  const { document, dispose } = parseHtml(`<body>${pageBody}</body>`, TEST_URL);
  const runs = findPostRuns(document.body);
  const result = firstRepeatedPost(pick(document.body), runs);
  const text = result ? (result.textContent ?? "") : null;
  dispose();
  return text;
}

describe("firstRepeatedPost", () => {
  const page = `<div id="list">${post("甲", 21)}${post("乙", 20)}${post("丙", 19)}</div>`;

  test("a list of posts narrows to the first", () => {
    const text = narrowed(page, (body) => body.querySelector("#list") as Element);
    expect(text).toContain(prose("甲", 120));
    expect(text).not.toContain(prose("乙", 120));
  });

  test("a later post narrows to the first (a forum reply is not the thread)", () => {
    const text = narrowed(page, (body) => body.querySelectorAll(".post-body")[2] as Element);
    expect(text).toContain(prose("甲", 120));
  });

  test("numbered forum posts narrow to the first post's message, short replies included", () => {
    const numbered = (n: number, panel: string, message: string): string =>
      `<div id="post_${n}"><table><tr><td><a href="space-uid-${n}.html">${panel}</a><dl><dt>积分</dt><dd>1203</dd></dl></td>` +
      `<td class="t_f" id="postmessage_${n}">${message}</td></tr></table></div>`;
    const thread = `<div id="thread">${numbered(1, "山野行者", prose("甲", 150))}${numbered(2, "小鹿", "上周刚走过，风景确实好！")}</div>`;
    const text = narrowed(thread, (body) => body.querySelector("#thread") as Element);
    expect(text).toContain(prose("甲", 150));
    expect(text).not.toContain("上周刚走过");
    expect(text).not.toContain("积分");
  });

  test("the first post itself stays as it is", () => {
    expect(narrowed(page, (body) => body.querySelector(".post-body") as Element)).toBeNull();
  });

  test("a short teaser card sharing the article's class does not replace the article", () => {
    const teaser = `<div class="article"><p>${prose("预告", 60)}</p></div>`;
    const main = `<div class="article" id="main">${["甲", "乙", "丙", "丁", "戊"].map((seed) => `<p>${prose(seed, 150)}</p>`).join("")}</div>`;
    expect(narrowed(`${teaser}${main}`, (body) => body.querySelector("#main") as Element)).toBeNull();
  });

  test("paragraphs with an article class are not posts", () => {
    const article = `<div id="a">${["甲", "乙", "丙"].map((seed) => `<p class="article-text">${prose(seed, 120)}</p>`).join("")}</div>`;
    expect(narrowed(article, (body) => body.querySelector("#a") as Element)).toBeNull();
  });

  test("sections of one article without post names are left alone", () => {
    const article = `<div id="a"><div class="section"><p>${prose("甲", 120)}</p></div><div class="section"><p>${prose("乙", 120)}</p></div></div>`;
    expect(narrowed(article, (body) => body.querySelector("#a") as Element)).toBeNull();
  });

  test("an article split into same-class chunks around an advert is one article, not posts", () => {
    const chunk = (seed: string) =>
      `<div class="article__body"><p>${englishProse(seed)}</p><p>${englishProse(`${seed} second`)}</p></div>`;
    const article = `<article id="a"><p class="date">November 15, 2019</p>${chunk("first")}<div class="ad">Advertisement</div>${chunk("second")}</article>`;
    expect(narrowed(article, (body) => body.querySelector("#a") as Element)).toBeNull();
  });

  test("a run of English blog entries, each dated in its header, narrows to the first", () => {
    const entry = (seed: string, day: number) =>
      `<div class="hentry"><h2>${seed} news</h2><span>Nov ${day}, 2019</span><div class="entry-content"><p>${englishProse(seed)}</p></div></div>`;
    const text = narrowed(
      `<div id="list">${entry("alpha", 15)}${entry("beta", 14)}</div>`,
      (body) => body.querySelector("#list") as Element,
    );
    expect(text).toContain("alpha");
    expect(text).not.toContain("beta");
  });
});
