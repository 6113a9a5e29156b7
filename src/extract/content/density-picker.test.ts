import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { pickByDensity } from "./density-picker.js";
import { prose, TEST_URL } from "./test-snippets.js";

function picked(body: string): string | null {
  const { document, dispose } = parseHtml(`<body>${body}</body>`, TEST_URL);
  const before = document.body.innerHTML;
  const element = pickByDensity(document);
  const unchanged = document.body.innerHTML === before;
  const text = element ? (element.textContent ?? "") : null;
  dispose();
  expect(unchanged).toBe(true);
  return text;
}

const links = Array.from(
  { length: 15 },
  (_, index) => `<a href="/n${index}">栏目新闻标题${index}</a><br>`,
).join("");

describe("pickByDensity", () => {
  test("picks the cell of prose over a cell of links in a table layout", () => {
    const text = picked(
      `<table><tr><td id="side">${links}</td><td id="main">${prose("甲", 150)}<br>${prose("乙", 150)}<br>${prose("丙", 150)}</td></tr></table>`,
    );
    expect(text).toContain(prose("乙", 150));
    expect(text).not.toContain("栏目新闻标题");
  });

  test("picks the article column, not the whole page", () => {
    const text = picked(
      `<div>${links}</div><div class="a"><p>${prose("甲")}</p><p>${prose("乙")}</p></div><div>${prose("页脚", 30)}</div>`,
    );
    expect(text).toContain(prose("甲"));
    expect(text).not.toContain("页脚");
  });

  test("returns null for a page of links only", () => {
    expect(picked(`<div>${links}</div>`)).toBeNull();
  });
});
