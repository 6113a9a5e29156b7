import { describe, expect, test } from "vitest";
import { stripPrevNext } from "./strip-prev-next.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲");

describe("stripPrevNext", () => {
  test.each([
    [
      "上一篇 with the neighbour's headline",
      `<p>${A}</p><p>上一篇：<a href="/1.html">公司组织开展消防演练</a></p>`,
    ],
    ["下一条", `<p>${A}</p><p>下一条：没有了</p>`],
    ["both in one line", `<p>${A}</p><p>上一篇：某某新闻 下一篇：另一条新闻</p>`],
    ["a toolbar of page tools", `<p>${A}</p><p>【打印本页】 【关闭窗口】 【返回顶部】</p>`],
    ["a font-size switcher", `<p>【字体：大 中 小】</p><p>${A}</p>`],
    ["a pager line", `<p>${A}</p><p>第1页/共1页 &lt;&lt; 上一页 | 下一页 &gt;&gt;</p>`],
    ["a 返回…，查看更多 link", `<p>${A}</p><p>返回搜狐，查看更多</p>`],
    ["[打印] alone", `<p>${A}</p><p>[打印]</p>`],
    ["a gallery counter", `<p>1/10</p><p>${A}</p>`],
    ["a like-button counter", `<p>${A}</p><p>+1</p>`],
  ])("drops %s", (_name, html) => {
    expect(keptTexts(stripPrevNext, html)).toEqual([A]);
  });

  test("keeps a sentence that mentions the previous article", () => {
    const line = "上一篇文章中我们介绍了备份的原则，这一篇讲具体做法。";
    expect(keptTexts(stripPrevNext, `<p>${line}</p><p>${A}</p>`)).toEqual([line, A]);
  });
});
