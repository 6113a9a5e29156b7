import { describe, expect, test } from "vitest";
import { stripUnrelatedHeadlines } from "./strip-unrelated-headlines.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲");
const B = prose("乙");
/** The seed's three unrelated headlines, the case this filter exists for. */
const SEED_HEADLINES = [
  "新加坡游客被越南海关“扣着”护照,强要小费$30!中国人曾因不给小费被打骨折……",
  "戴尔已注销中国多家分支机构;2022年美国专利申请量排名;罗永浩回应遭紫辉创投郑刚炮轰",
  "辉瑞新冠药因报价高未能纳入医保;曹德旺呼吁企业家不要做阿Q;马斯克财产缩水破吉尼斯纪录丨邦早报",
];

describe("stripUnrelatedHeadlines", () => {
  test.each([
    [
      "the seed's three headlines after the body",
      `<p>${A}</p><p>${B}</p>${SEED_HEADLINES.map((h) => `<p>${h}</p>`).join("")}`,
      [A, B],
    ],
    [
      "a single linked headline after the body",
      `<p>${A}</p><p><a href="/x.html">香港警方：8.31示威行动未发生致命事件</a></p>`,
      [A],
    ],
    [
      "headlines in list items when they are links",
      `<p>${A}</p><ul><li><a href="/1">赴港上市真的冷了吗？</a></li><li><a href="/2">大数据行业发展呼唤良序开发</a></li></ul>`,
      [A],
    ],
  ])("drops %s", (_name, html, expected) => {
    expect(keptTexts(stripUnrelatedHeadlines, html)).toEqual(expected);
  });

  test.each([
    [
      "a closing mark and a signature",
      `<p>${A}</p><p>（完）</p><p>滨湖区科学技术局</p><p>2023年1月10日</p>`,
      [A, "（完）", "滨湖区科学技术局", "2023年1月10日"],
    ],
    [
      "the article's own list items",
      `<p>${A}</p><ul><li>保持社交距离，减少聚集</li><li>勤洗手并注意室内通风</li></ul>`,
      [A, "保持社交距离，减少聚集", "勤洗手并注意室内通风"],
    ],
    [
      "a list the last paragraph announces",
      `<p>获奖名单如下：</p><p>无锡市第一中学科技创新团队</p><p>无锡市滨湖区实验小学合唱团</p>`,
      ["获奖名单如下：", "无锡市第一中学科技创新团队", "无锡市滨湖区实验小学合唱团"],
    ],
    [
      "the last lines of a paragraph broken into lines",
      `<p>${A}<br>我们从心理学的角度研究这些行为。作为亲历者，我们知道<br>，可是我们常常弄不清楚为什么会那样做</p>`,
      [A, "我们从心理学的角度研究这些行为。作为亲历者，我们知道", "，可是我们常常弄不清楚为什么会那样做"],
    ],
    [
      "enumerated points of the article",
      `<p>${A}</p><p>一是涵养创新发展源头活水</p><p>二是强化创新发展硬核支撑</p>`,
      [A, "一是涵养创新发展源头活水", "二是强化创新发展硬核支撑"],
    ],
    [
      "short subheadings between paragraphs",
      `<h3>出狱第一个夜晚：只睡着三四个小时</h3><p>${A}</p><h3>回顾刺人案：每个人都有自己的盲点</h3><p>${B}</p>`,
      ["出狱第一个夜晚：只睡着三四个小时", A, "回顾刺人案：每个人都有自己的盲点", B],
    ],
  ])("keeps %s", (_name, html, expected) => {
    expect(keptTexts(stripUnrelatedHeadlines, html)).toEqual(expected);
  });

  test("an English article's own short unlinked lines after its last paragraph stay (a tour schedule)", () => {
    const last = "The band's tour resumes next year, the promoter said in a statement on Monday.";
    const dates = [
      "June 9 – West Palm Beach, FL @ Coral Sky Arena",
      "June 10 – Tampa, FL @ Bay Amphitheatre",
    ];
    const html = `<p>${last}</p><p>Tour Dates</p>${dates.map((line) => `<p>${line}</p>`).join("")}`;
    expect(keptTexts(stripUnrelatedHeadlines, html)).toEqual([last, "Tour Dates", ...dates]);
  });

  test("linked English headlines after the body still go", () => {
    const last = "The band's tour resumes next year, the promoter said in a statement on Monday.";
    const html = `<p>${last}</p><p><a href="/a">Singer announces farewell tour</a></p>`;
    expect(keptTexts(stripUnrelatedHeadlines, html)).toEqual([last]);
  });
});
