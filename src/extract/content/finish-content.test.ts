import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { finishMainContent } from "./finish-content.js";
import { prose, TEST_URL } from "./test-snippets.js";

describe("finishMainContent", () => {
  test("filters, sanitises and joins a content element chosen by other means", () => {
    const A = prose("甲", 120);
    const B = prose("乙", 120);
    const { document, dispose } = parseHtml(
      `<body><div id="c"><p>&nbsp;&nbsp;${A}</p><p onclick="x()">${B}</p><p>上一篇：<a href="/1.html">旧闻</a></p></div></body>`,
      TEST_URL,
    );
    const content = finishMainContent(document.getElementById("c") as Element, {
      url: TEST_URL,
      title: null,
      chromeTexts: new Set(),
    });
    dispose();
    expect(content?.text).toBe(`${A}\n\n${B}`);
    expect(content?.html).toBe(`<p>${A}</p><p>${B}</p>`);
  });

  test("returns null when nothing but boilerplate is left", () => {
    const { document, dispose } = parseHtml("<body><div id='c'><p>返回顶部</p></div></body>", TEST_URL);
    const root = document.getElementById("c") as Element;
    expect(finishMainContent(root, { url: TEST_URL, title: null, chromeTexts: new Set() })).toBeNull();
    dispose();
  });
});
