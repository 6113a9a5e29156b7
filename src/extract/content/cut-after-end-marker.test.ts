import { describe, expect, test } from "vitest";
import { cutAfterEndMarker } from "./cut-after-end-marker.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲", 150);
const B = prose("乙", 150);
const TEASER = prose("丙", 80);

describe("cutAfterEndMarker", () => {
  test.each([
    [
      "a 责任编辑 line and the teasers after it",
      `<p>${A}</p><p>${B}</p><p>责任编辑：张迪</p><p>香港警方：示威行动未发生致命事件</p><p>${TEASER}</p>`,
      [A, B],
    ],
    [
      "a 返回…，查看更多 link",
      `<p>${A}</p><p>${B}</p><p><a href="/">返回搜狐，查看更多</a></p><p>${TEASER}</p>`,
      [A, B],
    ],
    ["after （完）, which stays", `<p>${A}</p><p>${B}</p><p>（完）</p><p>${TEASER}</p>`, [A, B, "（完）"]],
    [
      "nothing when the marker is above the body",
      `<p>责任编辑：张迪</p><p>${A}</p><p>${B}</p>`,
      ["责任编辑：张迪", A, B],
    ],
    ["nothing without a marker", `<p>${A}</p><p>${B}</p>`, [A, B]],
  ])("%s", (_name, html, expected) => {
    expect(keptTexts(cutAfterEndMarker, html)).toEqual(expected);
  });
});
