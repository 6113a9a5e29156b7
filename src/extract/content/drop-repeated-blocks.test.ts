import { describe, expect, test } from "vitest";
import { dropRepeatedBlocks } from "./drop-repeated-blocks.js";
import { keptTexts } from "./test-snippets.js";

const caption = "In this Sunday photograph, a long row of unsold cars sits at a dealership in Colorado.";
const sentence = (seed: string) =>
  `The ${seed} council voted on Tuesday to extend the programme, officials said.`;

describe("dropRepeatedBlocks", () => {
  test("a caption printed twice in a row (slide and lightbox) is kept once", () => {
    const html = `<p>${sentence("city")}</p><p>${caption}</p><p>${caption}</p><p>${sentence("state")}</p>`;
    expect(keptTexts(dropRepeatedBlocks, html)).toEqual([sentence("city"), caption, sentence("state")]);
  });

  test("a line the article repeats further on stays (the same question to each guest)", () => {
    const question = "What is your favourite dish to cook at home for friends?";
    const answers = ["one", "two", "three", "four"].map((seed) => `<p>${sentence(seed)}</p>`).join("");
    const html = `<p>${question}</p>${answers}<p>${question}</p><p>${sentence("five")}</p>`;
    expect(keptTexts(dropRepeatedBlocks, html)).toHaveLength(7);
  });

  test("short lines may repeat", () => {
    expect(keptTexts(dropRepeatedBlocks, "<p>Q:</p><p>Q:</p>")).toEqual(["Q:", "Q:"]);
  });
});
