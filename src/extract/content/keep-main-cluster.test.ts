import { describe, expect, test } from "vitest";
import { keepMainCluster } from "./keep-main-cluster.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲", 120);
const B = prose("乙", 120);
const C = prose("丙", 120);
const links = (count: number, seed: string): string =>
  Array.from(
    { length: count },
    (_, index) => `<p><a href="/${seed}${index}">${seed}栏目新闻标题第${index}条</a></p>`,
  ).join("");

describe("keepMainCluster", () => {
  test("drops link lists and a side column of comment excerpts after the article", () => {
    const excerpts = `<p>${prose("丁", 40)}</p><p>${prose("戊", 40)}</p>`;
    const html = `${links(5, "导航")}<p>${A}</p><h3>小标题</h3><p>${B}</p><p>${C}</p>${links(6, "存档")}${excerpts}`;
    expect(keptTexts(keepMainCluster, html)).toEqual([A, "小标题", B, C]);
  });

  test("keeps the neutral lines that touch the article (caption, closing line)", () => {
    const html = `${links(4, "导航")}<p>资料图：无性婚姻能走多远？</p><p>${A}</p><p>${B}</p><p>（完）</p>${links(4, "热点")}`;
    expect(keptTexts(keepMainCluster, html)).toEqual(["资料图：无性婚姻能走多远？", A, B, "（完）"]);
  });

  test("a short run of links inside the article does not split it", () => {
    const html = `<p>${A}</p>${links(2, "相关")}<p>${B}</p>`;
    expect(keptTexts(keepMainCluster, html)).toEqual([A, B]);
  });

  test("short English paragraphs around a READ MORE link stay with the article", () => {
    const sentences = [
      "The plague is treatable with antibiotics.",
      "Isolated cases spring up every year.",
      "Officials urged calm on Tuesday.",
    ];
    const html = `<p>${prose("甲", 120)}</p><p>${sentences[0]}</p><p><a href="/x">READ MORE: Plague outbreak confirmed</a></p><p>${sentences[1]}</p><p>${sentences[2]}</p>`;
    expect(keptTexts(keepMainCluster, html)).toEqual([prose("甲", 120), ...sentences]);
  });

  test("keeps the opening paragraphs above an in-body reading box", () => {
    const intro = [prose("丁", 90), prose("戊", 90)];
    const box = `<p>延伸阅读：<a href="/r0">相关新闻标题第0条</a></p>${links(4, "延伸")}`;
    const html = `${links(5, "导航")}<p>${intro[0]}</p><p>${intro[1]}</p>${box}<p>${A}</p><p>${B}</p><p>${C}</p>${links(6, "热点")}`;
    expect(keptTexts(keepMainCluster, html)).toEqual([...intro, A, B, C]);
  });

  test("keeps a lead above the article's table of contents", () => {
    const lead = [prose("丁", 90), prose("戊", 90)];
    const html = `<p>${lead[0]}</p><p>${lead[1]}</p><p>目录</p>${links(12, "目录")}<p>${A}</p><p>${B}</p><p>${C}</p>`;
    expect(keptTexts(keepMainCluster, html)).toEqual([...lead, "目录", A, B, C]);
  });

  test("a lone teaser above the article across a link run stays out", () => {
    const teaser = prose("丁", 90);
    const html = `<p>${teaser}</p>${links(5, "导航")}<p>${A}</p><p>${B}</p><p>${C}</p>`;
    expect(keptTexts(keepMainCluster, html)).toEqual([A, B, C]);
  });

  test("prose above a long link list is another column, not the article's opening", () => {
    const column = [prose("丁", 90), prose("戊", 90)];
    const html = `<p>${column[0]}</p><p>${column[1]}</p>${links(20, "导航")}<p>${A}</p><p>${B}</p><p>${C}</p>`;
    expect(keptTexts(keepMainCluster, html)).toEqual([A, B, C]);
  });

  test("keeps a notice's attachment links", () => {
    const html = `<p>${A}</p><p><a href="/f/1.docx">附件1：申报表.docx</a></p>${links(5, "导航")}`;
    expect(keptTexts(keepMainCluster, html)).toEqual([A, "附件1：申报表.docx"]);
  });

  test("keeps everything when no block reads as prose", () => {
    const html = "<p>床前明月光</p><p>疑是地上霜</p>";
    expect(keptTexts(keepMainCluster, html)).toEqual(["床前明月光", "疑是地上霜"]);
  });

  test("three short Chinese paragraphs are prose", () => {
    const html = `<p>${prose("甲", 80)}</p><p>${prose("乙", 80)}</p><p>${prose("丙", 80)}</p>${links(5, "推荐")}`;
    expect(keptTexts(keepMainCluster, html)).toHaveLength(3);
  });

  describe("English articles link their own content", () => {
    const en = (seed: string) =>
      `The ${seed} report said on Monday that prices rose again, and analysts expect the trend to continue into next year.`;
    const navLinks = Array.from(
      { length: 5 },
      (_, index) => `<p><a href="/n${index}">Section ${index}</a></p>`,
    ).join("");

    test("list items that open with a linked lead and go on in plain words stay, however many in a row", () => {
      const items = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"].map(
        (name) =>
          `<li><a href="/${name}">${name} has bought a startup that once powered a rival's cloud</a>. The deal was first reported by the trade press on Monday.</li>`,
      );
      const html = `${navLinks}<p>${en("first")}</p><ul>${items.join("")}</ul><p>${en("closing")}</p>`;
      expect(keptTexts(keepMainCluster, html)).toHaveLength(7);
    });

    test("shop links between paragraphs stay; a READ MORE teaser goes", () => {
      const html = `<p>${en("one")}</p><p><a href="https://shop.test/1">Get it on Amazon for $39.99</a></p><p>${en("two")}</p><p><a href="/x">READ MORE: Prices rise again</a></p><p>${en("three")}</p><p><a href="/y">SINGER CLEARED TO PERFORM AT AWARDS</a></p><p>${en("four")}</p>`;
      expect(keptTexts(keepMainCluster, html)).toEqual([
        en("one"),
        "Get it on Amazon for $39.99",
        en("two"),
        en("three"),
        en("four"),
      ]);
    });

    test("a cited source address after the last paragraph stays", () => {
      const html = `<p>${en("one")}</p><p>${en("two")}</p><p><a href="http://source.test/a">http://source.test/2013/02/a-report.html</a></p>${navLinks}`;
      expect(keptTexts(keepMainCluster, html)).toEqual([
        en("one"),
        en("two"),
        "http://source.test/2013/02/a-report.html",
      ]);
    });
  });

  test("in a Chinese article an in-body headline link still goes", () => {
    const html = `<p>${A}</p><p><a href="/r">某地召开工作会议部署全年任务</a></p><p>${B}</p>`;
    expect(keptTexts(keepMainCluster, html)).toEqual([A, B]);
  });
});
