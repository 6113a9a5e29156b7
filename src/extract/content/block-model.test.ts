import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { collectBlocks, normalizeBlockStructure, removeBlocks } from "./block-model.js";
import { blockTexts, TEST_URL } from "./test-snippets.js";

describe("normalizeBlockStructure + collectBlocks", () => {
  test.each([
    ["one block per <p>", "<p>第一段。</p><p>第二段。</p>", ["第一段。", "第二段。"]],
    [
      "<br> ends a paragraph",
      "<div>第一段。<br>　　第二段。<br><br>第三段。</div>",
      ["第一段。", "第二段。", "第三段。"],
    ],
    [
      "<br> inside an inline wrapper splits the wrapper",
      "<p><font>第一段。<br>第二段。</font></p>",
      ["第一段。", "第二段。"],
    ],
    [
      "loose text next to a block becomes its own block",
      "<div>导语文字。<p>正文一段。</p>结尾。</div>",
      ["导语文字。", "正文一段。", "结尾。"],
    ],
    [
      "a data-table row reads as one line",
      "<table><tr><td>姓名</td><td>张三</td></tr></table>",
      ["姓名 张三"],
    ],
    ["list items are blocks", "<ul><li>勤洗手</li><li>戴口罩</li></ul>", ["勤洗手", "戴口罩"]],
    ["empty blocks are skipped", "<p> </p><p>正文。</p><div>&nbsp;</div>", ["正文。"]],
  ])("%s", (_name, html, expected) => {
    expect(blockTexts(html)).toEqual(expected);
  });

  test("a short table cell keeps its line breaks (it is data, not a layout cell)", () => {
    expect(blockTexts("<table><tr><td>电话<br>传真</td></tr></table>")).toEqual(["电话 传真"]);
  });

  test("blocks record how much of their text is linked", () => {
    const { document, dispose } = parseHtml("<body><p><a href='/a'>一条新闻标题</a>。</p></body>", TEST_URL);
    normalizeBlockStructure(document.body);
    const [block] = collectBlocks(document.body);
    expect(block?.length).toBe(6);
    expect(block?.linkLength).toBe(6);
    dispose();
  });
});

describe("removeBlocks", () => {
  test("removes the blocks and the containers they leave empty, keeping images elsewhere", () => {
    const { document, dispose } = parseHtml(
      "<body><div id='c'><p>保留。</p><div class='x'><p>删除。</p></div><p><img src='a.jpg'></p></div></body>",
      TEST_URL,
    );
    const root = document.getElementById("c") as Element;
    normalizeBlockStructure(root);
    const blocks = collectBlocks(root);
    removeBlocks(
      root,
      blocks.filter((block) => block.text === "删除。"),
    );
    expect(root.innerHTML).toBe('<p>保留。</p><p><img src="a.jpg"></p>');
    dispose();
  });
});
