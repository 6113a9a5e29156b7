import { describe, expect, test } from "vitest";
import { stripFigureCaptions } from "./strip-figure-captions.js";
import { keptTexts, prose } from "./test-snippets.js";

const sentence = "The council voted on Tuesday to extend the programme, officials said after a long debate.";

describe("stripFigureCaptions", () => {
  test("drops an English figcaption and the credit inside the figure", () => {
    const figure = `<figure><img src="/a.jpg"><figcaption>A long row of unsold cars sits at a dealership.</figcaption><p>Photo agency</p></figure>`;
    expect(keptTexts(stripFigureCaptions, `<p>${sentence}</p>${figure}<p>${sentence} Again.</p>`)).toEqual([
      sentence,
      `${sentence} Again.`,
    ]);
  });

  test("keeps Chinese captions, which readers copy with the body", () => {
    const figure = `<figure><img src="/a.jpg"><figcaption>图为启动仪式现场。</figcaption></figure>`;
    expect(keptTexts(stripFigureCaptions, `<p>${prose("甲", 80)}</p>${figure}`)).toContain(
      "图为启动仪式现场。",
    );
  });

  test("a figure wrapping a whole article is not a caption", () => {
    const body = Array.from({ length: 6 }, (_, index) => `<p>${sentence} Part ${index}.</p>`).join("");
    expect(keptTexts(stripFigureCaptions, `<figure>${body}</figure>`)).toHaveLength(6);
  });
});
