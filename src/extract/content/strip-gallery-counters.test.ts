import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { removeGalleryCounters } from "./strip-gallery-counters.js";
import { TEST_URL } from "./test-snippets.js";

function afterRemoval(html: string): string {
  const { document, dispose } = parseHtml(`<!doctype html><html><body>${html}</body></html>`, TEST_URL);
  removeGalleryCounters(document.body);
  const text = (document.body.textContent ?? "").replace(/\s+/g, " ").trim();
  dispose();
  return text;
}

const CAPTION = "这座小城每年夏天都会迎来大批游客，街边的小吃店一直营业到深夜。";

describe("removeGalleryCounters", () => {
  test("removes a slide counter before a caption", () => {
    expect(
      afterRemoval(`<div class="abstract"><span class="index"><em>3</em>/12 </span>${CAPTION}</div>`),
    ).toBe(CAPTION);
  });

  test.each([
    ["a score inside a sentence", `<p>主队最终以<b>3/5</b>的命中率结束了比赛，${CAPTION}</p>`],
    ["a fraction alone in a table cell", "<table><tr><td>命中</td><td><span>3/5</span></td></tr></table>"],
  ])("keeps %s", (_name, html) => {
    expect(afterRemoval(html)).toContain("3/5");
  });
});
