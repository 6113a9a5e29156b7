import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { runReadability } from "./readability-pass.js";
import { prose, TEST_URL } from "./test-snippets.js";

function readable(html: string): string | null {
  const { document, dispose } = parseHtml(html, TEST_URL);
  const element = runReadability(document);
  const text = element ? (element.textContent ?? "") : null;
  dispose();
  return text;
}

describe("runReadability", () => {
  test("keeps a subheading that shares only digits and Latin words with the title", () => {
    const html = `<html><head><title>家用NAS数据备份的“3-2-1”原则实践</title></head><body><article>
      <p>${prose("甲", 120)}</p><h2>什么是“3-2-1”原则</h2><p>${prose("乙", 120)}</p><p>${prose("丙", 120)}</p></article></body></html>`;
    expect(readable(html)).toContain("什么是“3-2-1”原则");
  });

  test("finds a short Chinese article below the default 500-character threshold", () => {
    const html = `<html><body><div class="nav"><a href="/">首页</a></div><div class="text">
      <p>${prose("甲", 80)}</p><p>${prose("乙", 80)}</p><p>${prose("丙", 80)}</p></div></body></html>`;
    expect(readable(html)).toContain(prose("丙", 80));
  });

  test("returns null for an empty page", () => {
    expect(readable("<html><body></body></html>")).toBeNull();
  });
});
