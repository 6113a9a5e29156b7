import { describe, expect, test } from "vitest";
import { countCjk, endsLikeSentence, normalizeParagraph, readingLength } from "./normalize-text.js";

describe("normalizeParagraph", () => {
  test.each([
    ["source line breaks between Chinese characters vanish", "科技创新\n  服务体系", "科技创新服务体系"],
    ["full-width indentation is trimmed", "\u3000\u30002022年是关键之年。", "2022年是关键之年。"],
    ["&nbsp; indentation is trimmed", "\u00a0\u00a0\u00a0正文开始。", "正文开始。"],
    ["spaces between Latin words collapse to one", "Kim   Jong\n Kook", "Kim Jong Kook"],
    ["a line break next to a Latin word becomes a space", "使用\nRAID 1", "使用 RAID 1"],
    ["a space the author typed between Chinese words stays", "新时代 新征程", "新时代 新征程"],
    ["zero-width characters are removed", "正\u200b文", "正文"],
  ])("%s", (_name, raw, expected) => {
    expect(normalizeParagraph(raw)).toBe(expected);
  });
});

describe("reading length", () => {
  test("counts one unit per CJK character and one per Latin word or number", () => {
    expect(countCjk("滨湖区2022年GDP")).toBe(4);
    expect(readingLength("滨湖区2022年GDP增长")).toBe(8);
  });
});

describe("endsLikeSentence", () => {
  test.each([
    ["构建充满活力的创新生态系统。", true],
    ["“他一定会回来的。”", true],
    ["戴尔已注销中国多家分支机构", false],
  ])("%s → %s", (text, expected) => {
    expect(endsLikeSentence(text)).toBe(expected);
  });
});

describe("countCjk and readingLength, against their definitions as regular expressions", () => {
  const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
  const byRegexCjk = (text: string) => text.match(CJK)?.length ?? 0;
  const byRegexReading = (text: string) =>
    byRegexCjk(text) + (text.replace(CJK, " ").match(/[\p{L}\p{N}]+/gu)?.length ?? 0);
  // Ideographs at each range's edges, kana, Latin with accents, full-width digits, an astral letter (𝒜) and
  // ideograph (𠀀), a lone surrogate, punctuation and spaces.
  const alphabet = [..."一龥㐀䶿豈﫿あカaZé9０١،。，！ ‘’-_\n\t𝒜𠀀Ωж"].concat(["\ud800", "\udc00", "x"]);

  test("agree on random mixtures of scripts", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 2000; round++) {
      const length = Math.floor(random() * 40);
      let text = "";
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(countCjk(text), JSON.stringify(text)).toBe(byRegexCjk(text));
      expect(readingLength(text), JSON.stringify(text)).toBe(byRegexReading(text));
    }
  });

  test("count what a reader counts", () => {
    expect(readingLength("区科技局 held 3 meetings in 2023.")).toBe(4 + 5);
    expect(countCjk("Writer: admin Time:2023-01-10 浏览:94")).toBe(2);
  });
});
