import { describe, expect, test } from "vitest";
import { stripLeadSummary } from "./strip-lead-summary.js";
import { keptTexts, prose } from "./test-snippets.js";

const OPENING = "2021年5月8日，第三届城市规划论坛在某市会展中心举行，来自各地的专家学者参加了会议。";
const REST = "会上，多位专家围绕旧城改造、交通组织和公共空间发表了主题演讲，并与市民代表进行了交流。";
const B = prose("乙");

describe("stripLeadSummary", () => {
  test.each([
    ["a labelled summary", `摘要：${OPENING.slice(0, 42)}……`],
    ["a bracketed 导语", `【导语】${OPENING}`],
    ["a short labelled summary", `摘要：${OPENING.slice(0, 26)}`],
    ["an unlabelled lead box", OPENING],
  ])("drops %s that the first paragraph repeats", (_name, lead) => {
    const html = `<p>${lead}</p><p>${OPENING}${REST}</p><p>${B}</p>`;
    expect(keptTexts(stripLeadSummary, html)).toEqual([`${OPENING}${REST}`, B]);
  });

  test("drops a summary that a paragraph opening with marks and spaces repeats", () => {
    const html = `<p>${OPENING}</p><p>【 “${OPENING}${REST}</p><p>${B}</p>`;
    expect(keptTexts(stripLeadSummary, html)).toEqual([`【 “${OPENING}${REST}`, B]);
  });

  test("keeps a short line that repeats (a photo credit)", () => {
    const credit = "Photo: Jane Roe, Associated Press";
    const html = `<p>${credit}</p><p>${credit}</p><p>${B}</p>`;
    expect(keptTexts(stripLeadSummary, html)).toEqual([credit, credit, B]);
  });

  test("keeps a summary the article does not repeat", () => {
    const html = `<p>摘要：${OPENING}</p><p>${REST}</p><p>${B}</p>`;
    expect(keptTexts(stripLeadSummary, html)).toEqual([`摘要：${OPENING}`, REST, B]);
  });

  test("keeps a later paragraph that quotes the opening", () => {
    const html = `<p>${B}</p><p>${prose("丙")}</p><p>${prose("丁")}</p><p>${OPENING}</p><p>${OPENING}${REST}</p>`;
    expect(keptTexts(stripLeadSummary, html)).toHaveLength(5);
  });
});
