import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { extractPublishedAt } from "./published-at.js";
import { extractTitle } from "./title.js";

const ctx = {
  url: "https://news.example.cn/index.php?m=content&c=index&a=show&catid=9&id=77",
  defaultOffset: "+08:00",
};
const BODY =
  '<div class="content"><p>3月12日上午，区里召开动员会，区直各部门和各街道负责人参加会议，会议部署了今年的植树任务。</p></div>';

function fieldsOf(html: string): { title: string | null; publishedAt: string | null } {
  const { document, dispose } = parseHtml(html, ctx.url);
  try {
    return {
      title: extractTitle(document, ctx),
      publishedAt: extractPublishedAt(document, ctx, { now: Date.parse("2024-06-01T00:00:00+08:00") }),
    };
  } finally {
    dispose();
  }
}

describe("a date printed inside the headline element", () => {
  test.each([
    [
      "a span after the words",
      '<h1>区政府召开春季植树动员会<span class="date">2024-03-12 09:30</span></h1>',
      "2024-03-12T09:30:00+08:00",
    ],
    [
      "a small before the words",
      "<h1><small>2024年03月12日</small> 区政府召开春季植树动员会</h1>",
      "2024-03-12",
    ],
  ])("%s is the publication date, not part of the title", (_name, heading, date) => {
    const html = `<html><head><title>区政府召开春季植树动员会_滨江新闻网</title></head><body>${heading}${BODY}</body></html>`;
    expect(fieldsOf(html)).toEqual({ title: "区政府召开春季植树动员会", publishedAt: date });
  });

  test("a date that is part of the headline's words stays in the title", () => {
    const html =
      "<html><head><title>2024年3月12日全区植树活动_滨江新闻网</title></head><body><h1><span>2024年3月12日</span>全区植树活动</h1>" +
      `${BODY}</body></html>`;
    expect(fieldsOf(html)).toEqual({ title: "2024年3月12日全区植树活动", publishedAt: null });
  });
});
