import { afterAll, describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { pageLines } from "./page-lines.js";
import { genericTest, isWeakTitle, type TitleEvidence, titleTests } from "./weak-title.js";

const comparable = (text: string): string => text.toLowerCase().replace(/\s/g, "");

const disposers: Array<() => void> = [];
afterAll(() => {
  for (const dispose of disposers) dispose();
});

function testFor(body: string, evidence: Partial<TitleEvidence> = {}): (key: string) => boolean {
  return genericTest(evidenceFor(body, evidence));
}

function evidenceFor(body: string, evidence: Partial<TitleEvidence> = {}): TitleEvidence {
  const { document, dispose } = parseHtml(
    `<html><body>${body}</body></html>`,
    "https://www.example.cn/a/1.html",
  );
  // The test reads the lines lazily, so the document lives until the file's tests are done.
  disposers.push(dispose);
  return {
    shown: new Set(),
    siteNames: () => [],
    headings: () => [],
    lines: pageLines(document),
    comparable,
    ...evidence,
  };
}

describe("genericTest", () => {
  test("section words are generic on any page", () => {
    const generic = testFor("<p>正文</p>");
    expect(generic("新闻中心")).toBe(true);
    expect(generic("news")).toBe(true);
    expect(generic("公司荣获省级专精特新企业称号")).toBe(false);
  });

  test("a trail of generic items is generic, one article word in it is not", () => {
    const generic = testFor("<p>正文</p>");
    expect(generic("首页-新闻动态")).toBe(true);
    expect(generic("首页>公司荣获称号")).toBe(false);
  });

  test("a short navigation item is generic unless the page's h1 shows it", () => {
    const nav = `<ul class="nav"><li><a href="/xsjl/">学术交流</a></li></ul>`;
    expect(testFor(nav)("学术交流")).toBe(true);
    expect(testFor(nav, { headings: () => ["学术交流"] })("学术交流")).toBe(false);
    // The same words outside the navigation are no evidence.
    expect(testFor(`<ul class="list"><li>学术交流</li></ul>`)("学术交流")).toBe(false);
  });

  test("a name in the copyright line is the site's, unless a heading shows it", () => {
    const footer = "<p>版权所有：江南机械有限公司 苏ICP备12345678号</p>";
    expect(testFor(footer)("江南机械有限公司")).toBe(true);
    expect(testFor(footer, { shown: new Set(["江南机械有限公司"]) })("江南机械有限公司")).toBe(false);
  });

  test("declared site names are generic", () => {
    expect(testFor("<p>正文</p>", { siteNames: () => ["江南机械"] })("江南机械")).toBe(true);
  });

  test("a name in the footer's sponsor line is the site's", () => {
    const footer = "<p>主办单位：青河市人民政府办公室 地址：人民路1号</p>";
    expect(testFor(footer)("青河市人民政府")).toBe(true);
    expect(testFor("<p>青河市人民政府办公室发布通知</p>")("青河市人民政府")).toBe(false);
  });

  test("a section word in brackets is a section word", () => {
    const generic = testFor("<p>正文</p>");
    expect(generic("(新闻)")).toBe(true);
    expect(generic("【通知公告】")).toBe(true);
    expect(generic("(青河县植树活动)")).toBe(false);
  });
});

describe("titleTests().siteName", () => {
  test("names the site on the page's evidence only, shown by a heading or not", () => {
    const footer = "<p>版权所有：江南机械有限公司 苏ICP备12345678号</p>";
    const { siteName } = titleTests(evidenceFor(footer, { shown: new Set(["江南机械有限公司"]) }));
    expect(siteName("江南机械有限公司")).toBe(true);
    // A section word is generic, not the site's name.
    expect(siteName("新闻中心")).toBe(false);
    // Two characters inside the footer's text are a word of it, not a name.
    expect(siteName("江南")).toBe(false);
    expect(
      titleTests(evidenceFor("<p>正文</p>", { siteNames: () => ["青河日报"] })).siteName("青河日报"),
    ).toBe(true);
  });
});

describe("isWeakTitle", () => {
  const generic = (key: string): boolean => key === "新闻中心";
  test.each([
    [["新闻中心"], true],
    [["新闻中心", "江南机械有限公司"], true],
    [["公司荣获称号", "新闻中心"], false],
    [["公司荣获称号"], false],
    [[], false],
  ])("%j", (parts, expected) => {
    expect(isWeakTitle(parts, generic)).toBe(expected);
  });
});
