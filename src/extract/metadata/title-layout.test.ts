import { describe, expect, test } from "vitest";
import { headlineRunOf, type LayoutEvidence, likelyHeadlinePart, splitTitle } from "./title-layout.js";

const comparable = (text: string): string => text.toLowerCase().replace(/[\s“”《》]/g, "");

const SECTIONS = new Set(["首页", "新闻中心", "工作动态", "通知公告"]);

interface EvidenceOptions {
  shown?: string[];
  articleHeading?: string;
  declared?: string[];
  siteNames?: string[];
  breadcrumbEnd?: string;
}

/** Evidence from plain lists: what the page shows (by any element), declared titles, site names, the breadcrumb. */
function evidence(options: EvidenceOptions = {}): LayoutEvidence {
  const shown = new Map<string, Element[]>();
  const elements = new Map<Element, string>();
  for (const text of options.shown ?? []) {
    const element = { text } as unknown as Element;
    elements.set(element, text);
    shown.set(comparable(text), [element]);
  }
  const siteNames = new Set((options.siteNames ?? []).map(comparable));
  return {
    comparable,
    shown,
    declared: (options.declared ?? []).map(comparable),
    generic: (key) => SECTIONS.has(key) || siteNames.has(key),
    siteName: (key) => siteNames.has(key),
    isArticleHeading: (element) => elements.get(element) === options.articleHeading,
    endsBreadcrumb: (key) => options.breadcrumbEnd !== undefined && key === comparable(options.breadcrumbEnd),
  };
}

function runOf(title: string, options: EvidenceOptions = {}): string | null {
  return headlineRunOf(title, splitTitle(title), evidence(options))?.text ?? null;
}

describe("splitTitle", () => {
  test.each([
    ["区科技局书写新篇章_无锡新闻网", ["区科技局书写新篇章", "无锡新闻网"]],
    ["交通运输部 - 股票频道 - 和讯网", ["交通运输部", "股票频道", "和讯网"]],
    [
      "青河市人民政府-通知公告-关于做好安全生产工作的通知",
      ["青河市人民政府", "通知公告", "关于做好安全生产工作的通知"],
    ],
    ["首页 > 工作动态 > 老旧小区加装电梯", ["首页", "工作动态", "老旧小区加装电梯"]],
    ["首页>>新闻中心>>标题文字", ["首页", "新闻中心", "标题文字"]],
    ["首页》工作动态》学习《条例》心得", ["首页", "工作动态", "学习《条例》心得"]],
    ["多维博客 » 播客热潮迅速蔓延", ["多维博客", "播客热潮迅速蔓延"]],
    // Not separators: a comparison inside a headline, a book title's closing mark, a hyphenated word.
    ["1+1>2 合作共赢", ["1+1>2 合作共赢"]],
    ["《民法典》解读", ["《民法典》解读"]],
    ["COVID-19 疫苗接种", ["COVID-19 疫苗接种"]],
  ])("%s", (title, expected) => {
    expect(splitTitle(title).map((part) => part.text)).toEqual(expected);
  });

  test("parts keep their place in the title", () => {
    const title = "新闻中心 - 青河县春季植树活动启动";
    for (const part of splitTitle(title)) expect(title.slice(part.start, part.end)).toBe(part.text);
  });
});

describe("headlineRunOf", () => {
  test("the run the page shows, wherever it stands", () => {
    expect(runOf("青河县植树活动启动 - 青河日报", { shown: ["青河县植树活动启动"] })).toBe(
      "青河县植树活动启动",
    );
    expect(
      runOf("青河市人民政府-通知公告-关于做好安全生产工作的通知", {
        shown: ["关于做好安全生产工作的通知"],
        articleHeading: "关于做好安全生产工作的通知",
      }),
    ).toBe("关于做好安全生产工作的通知");
  });

  test("the longest run shown wins: a headline with a dash of its own", () => {
    expect(runOf("十四五规划 - 解读 - 新华网", { shown: ["十四五规划", "十四五规划 - 解读"] })).toBe(
      "十四五规划 - 解读",
    );
  });

  test("a shown run framed by a section name is not the headline", () => {
    expect(
      runOf("新闻中心 - 青河县植树活动启动 - 青河日报", { shown: ["新闻中心 - 青河县植树活动启动"] }),
    ).toBeNull();
  });

  test("the title's end is the headline only when the article's heading or a declared title shows it", () => {
    const title = "新闻中心 - 江南机械有限公司";
    expect(runOf(title, { shown: ["江南机械有限公司"] })).toBeNull();
    expect(runOf(title, { shown: ["江南机械有限公司"], articleHeading: "江南机械有限公司" })).toBe(
      "江南机械有限公司",
    );
    expect(runOf(title, { declared: ["江南机械有限公司"] })).toBe("江南机械有限公司");
    // …but never when the page names the site so.
    expect(
      runOf(title, {
        shown: ["江南机械有限公司"],
        articleHeading: "江南机械有限公司",
        siteNames: ["江南机械有限公司"],
      }),
    ).toBeNull();
  });

  test("the run the breadcrumb ends with, unless it is a section name", () => {
    expect(
      runOf("工作动态 - 老旧小区加装电梯今年再推进", { breadcrumbEnd: "老旧小区加装电梯今年再推进" }),
    ).toBe("老旧小区加装电梯今年再推进");
    expect(runOf("新闻中心 - 青河县植树活动启动", { breadcrumbEnd: "新闻中心" })).toBeNull();
    // Shown runs come first.
    expect(
      runOf("江南机械 - 青河县植树活动启动", { shown: ["江南机械"], breadcrumbEnd: "青河县植树活动启动" }),
    ).toBe("江南机械");
  });

  test("a declared title equal to the whole <title> says nothing", () => {
    expect(runOf("青河县植树活动启动 - 江南", { declared: ["青河县植树活动启动 - 江南"] })).toBeNull();
  });

  test("the one part left when sections and site names are struck out", () => {
    expect(runOf("青河县植树活动启动 - 新闻中心 - 青河日报", { siteNames: ["青河日报"] })).toBe(
      "青河县植树活动启动",
    );
    expect(runOf("青河日报 - 新闻中心 - 青河县植树活动启动", { siteNames: ["青河日报"] })).toBe(
      "青河县植树活动启动",
    );
    expect(runOf("首页 > 工作动态 > 老旧小区加装电梯")).toBe("老旧小区加装电梯");
    // At the end, after section names only, the part may be the site's name: no answer.
    expect(runOf("新闻中心 - 青河县植树活动启动")).toBeNull();
    // Two parts left, or one shaped like a site's name: no answer either.
    expect(runOf("交通运输部打造交通网络 - 股票频道 - 和讯网", { siteNames: ["和讯网"] })).toBeNull();
    expect(runOf("青河日报网 - 新闻中心")).toBeNull();
  });

  test("a one-part title has no run", () => {
    expect(runOf("青河县植树活动启动", { shown: ["青河县植树活动启动"] })).toBeNull();
  });
});

describe("likelyHeadlinePart", () => {
  const guess = (title: string): string | null =>
    likelyHeadlinePart(splitTitle(title), null, comparable, (key) => SECTIONS.has(key));

  test.each([
    ["青河市人民政府-通知公告-关于做好安全生产工作的通知", "关于做好安全生产工作的通知"],
    ["新闻中心 - 青河县植树活动启动", "青河县植树活动启动"],
    ["两会今日开幕 - 中华人民共和国中央人民政府门户网站", "两会今日开幕"],
    // Nothing better than the first part.
    ["新闻中心 - 江南机械有限公司", "新闻中心"],
  ])("%s", (title, expected) => {
    expect(guess(title)).toBe(expected);
  });
});
