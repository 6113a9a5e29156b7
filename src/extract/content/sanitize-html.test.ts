import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { sanitizeContent } from "./sanitize-html.js";

function sanitized(html: string, baseUrl = "http://www.example.com/news/2023/a.html"): string {
  const { document, dispose } = parseHtml(`<body><div id="c">${html}</div></body>`, baseUrl);
  const root = document.getElementById("c") as Element;
  sanitizeContent(root, baseUrl);
  const out = root.innerHTML;
  dispose();
  return out;
}

describe("sanitizeContent", () => {
  test.each([
    [
      "a relative link is made absolute",
      '<a href="../b.html">b</a>',
      '<a href="http://www.example.com/news/b.html">b</a>',
    ],
    [
      "a root-relative image",
      '<img src="/img/1.jpg" alt="图">',
      '<img src="http://www.example.com/img/1.jpg" alt="图">',
    ],
    [
      "a lazy image gets its real source",
      '<img src="/grey.gif" data-original="/img/2.jpg">',
      '<img src="http://www.example.com/img/2.jpg">',
    ],
    [
      "event handlers, classes and styles go",
      '<p class="x" style="color:red" onclick="evil()">文</p>',
      "<p>文</p>",
    ],
    [
      "scripts, styles and iframes go",
      "<p>文</p><script>evil()</script><style>p{}</style><iframe src='x'></iframe>",
      "<p>文</p>",
    ],
    ["javascript: links lose their href", '<a href="javascript:void(0)">文</a>', "<a>文</a>"],
    [
      "table spans stay",
      '<table><tbody><tr><td colspan="2">文</td></tr></tbody></table>',
      '<table><tbody><tr><td colspan="2">文</td></tr></tbody></table>',
    ],
    [
      "a word space between inline elements stays",
      "<div><a>Hello</a> <b>World</b></div>",
      "<div><a>Hello</a> <b>World</b></div>",
    ],
    [
      "nested single divs collapse and indentation goes",
      "<div>\n  <div>\n <p>文</p>\n</div></div>",
      "<div><p>文</p></div>",
    ],
  ])("%s", (_name, html, expected) => {
    expect(sanitized(html)).toBe(expected);
  });

  test("a table cell left outside any table (Readability's rewrite of a layout table) is unwrapped", () => {
    const { document, dispose } = parseHtml("<body><div id='c'></div></body>", "http://www.example.com/");
    const root = document.getElementById("c") as Element;
    const cell = document.createElement("td");
    cell.innerHTML = "<p>文</p>";
    root.appendChild(document.createElement("div")).appendChild(cell);
    sanitizeContent(root, "http://www.example.com/");
    expect(root.innerHTML).toBe("<div><p>文</p></div>");
    dispose();
  });
});
