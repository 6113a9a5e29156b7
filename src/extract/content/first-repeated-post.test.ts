import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { findPostRuns, firstRepeatedPost } from "./first-repeated-post.js";
import { prose, TEST_URL } from "./test-snippets.js";

function post(seed: string): string {
  return `<div class="post-body"><p>${prose(seed, 120)}</p><p>${prose(`${seed}续`, 120)}</p></div>`;
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
  const page = `<div id="list">${post("甲")}${post("乙")}${post("丙")}</div>`;

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
});
