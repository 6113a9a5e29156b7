import { describe, expect, test } from "vitest";
import { stripDisclaimers } from "./strip-disclaimers.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲", 120);
const B = prose("乙", 120);
const C = prose("丙", 120);

describe("stripDisclaimers", () => {
  test.each([
    [
      "a closing 特别声明 and everything after it",
      `<p>${A}</p><p>${B}</p><p>${C}</p><p>特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。</p><p>新加坡游客被越南海关“扣着”护照</p><p>辉瑞新冠药因报价高未能纳入医保</p>`,
      [A, B, C],
    ],
    [
      "a 免责声明 without the heading colon still matches by phrase",
      `<p>${A}</p><p>${B}</p><p>本文来源于网络，版权归原作者所有，如有侵权请联系删除。</p>`,
      [A, B],
    ],
    [
      "a heading alone on its line (郑 重 声 明) and its clauses",
      `<p>${A}</p><p>${B}</p><p>${C}</p><p>郑 重 声 明</p><p>1. 任何言论纯属作者个人观点；</p><p>2. 禁止发表违法言论；</p>`,
      [A, B, C],
    ],
    [
      "a disclaimer at the top goes alone: the article follows",
      `<p>声明：本文为作者原创，转载请注明出处。</p><p>${A}</p><p>${B}</p>`,
      [A, B],
    ],
    [
      "a paragraph that discusses copyright at length is kept",
      `<p>${A}</p><p>${`记者了解到，未经许可不得转载的规定在实践中执行不一，${prose("丁", 300)}`}</p>`,
      [A, `记者了解到，未经许可不得转载的规定在实践中执行不一，${prose("丁", 300)}`],
    ],
    ["an article without a disclaimer is untouched", `<p>${A}</p><p>${B}</p>`, [A, B]],
  ])("%s", (_name, html, expected) => {
    expect(keptTexts(stripDisclaimers, html)).toEqual(expected);
  });
});
