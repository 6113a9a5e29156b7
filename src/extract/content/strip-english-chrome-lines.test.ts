import { describe, expect, test } from "vitest";
import { isDateStamp, isEnglishChromeLine, stripEnglishChromeLines } from "./strip-english-chrome-lines.js";
import { keptTexts, prose } from "./test-snippets.js";

const sentence = (seed: string) =>
  `The ${seed} council voted on Tuesday to extend the programme, officials said, after a long debate about its cost.`;
const article = (count: number, seed = "city") =>
  Array.from({ length: count }, (_, index) => `<p>${sentence(`${seed} ${index}`)}</p>`).join("");

describe("isDateStamp", () => {
  test.each([
    "Updated 5:27 am CST, Wednesday, November 20, 2019",
    "Published 7:07 PM EST Nov 19, 2019",
    "Nov. 20, 2019, 9:28 AM UTC",
    "18 Nov 2019, 19:09",
    "Updated: 18 Nov 2019, 19:11",
    "First Published: Tuesday, November 19, 2019 08:38 AM",
    "Updated at 1:23 p.m.",
    "By Jane Doe - 11/18/19 11:04 PM EST",
    "November 18, 2019 | 4:10pm",
  ])("%s is a date stamp", (text) => {
    expect(isDateStamp(text)).toBe(true);
  });

  test.each([
    "On November 20, 2019 the council met at 5:30 pm.",
    "The vote is on May 5.",
    "Sales rose 10 percent in October",
  ])("%s is not", (text) => {
    expect(isDateStamp(text)).toBe(false);
  });
});

describe("isEnglishChromeLine", () => {
  test.each([
    "Photo: Jane Doe, AP",
    "Photo by Jane Doe",
    "(Image credit: NASA)",
    "Jane Doe/Hindustan Times/Getty Images",
    "Jane Doe | Bloomberg | Getty Images",
    "The river burst its banks on Sunday (Image: GETTY)",
    "Caption",
    "Close",
    "Advertisement",
    "Image 2 of 5",
    "Media playback is unsupported on your device",
    "Jane Doe, Ap Auto Writer",
    "Jane Doe contributed to this report.",
    "Additional reporting by John Roe",
    "By Jane Doe",
    "By Jane Doe and John Roe",
    "(Reporting by Jane Doe; additional reporting by John Roe; Editing by Max Moe)",
    "Associated Press writers Jane Doe, John Roe and Max Moe in Washington contributed to this report.",
    "Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her on Twitter @janedoe.",
    "Get the latest updates right in your inbox. Subscribe to our newsletters.",
    "Follow @ExampleNews on Twitter to keep up with the latest deals.",
    "Sign up to our newsletter for exclusive updates",
    "Join our forums to keep talking about the news!",
    "This website uses cookies to improve your experience.",
  ])("%s is chrome", (text) => {
    expect(isEnglishChromeLine(text)).toBe(true);
  });

  test.each([
    "The photo by Jane Doe won the prize last year, the jury said.",
    "Getty Images bought the agency in 2019, according to filings.",
    "Join the march, organisers wrote on Facebook.",
    "Close to 4,000 people are expected to attend.",
    "Thunder: Host the Lakers on Friday.",
    "By then the market had closed.",
    "Reporting by the newspaper contributed to his resignation, he told reporters at a press conference on Monday in the capital, where he was met by protesters and journalists from all over the country.",
  ])("%s is article text", (text) => {
    expect(isEnglishChromeLine(text)).toBe(false);
  });
});

describe("stripEnglishChromeLines", () => {
  test("drops stamps, credits and widget labels between paragraphs", () => {
    const html = `<p>Updated 5:27 am CST, Wednesday, November 20, 2019</p>${article(2)}<p>Photo: Jane Doe, AP</p><p>Caption</p><p>Close</p>${article(2, "state")}`;
    const kept = keptTexts(stripEnglishChromeLines, html);
    expect(kept).toHaveLength(4);
    expect(kept.join(" ")).not.toMatch(/Updated|Photo|Caption|Close/);
  });

  test("a closing section label takes the headlines after the article with it", () => {
    const headlines = ["Storm hits coast", "Mayor resigns", "New bridge opens"]
      .map((h) => `<p>${h}</p>`)
      .join("");
    const kept = keptTexts(stripEnglishChromeLines, `${article(6)}<h3>You may also like</h3>${headlines}`);
    expect(kept).toHaveLength(6);
  });

  test("a label boxed inside the article leaves the paragraphs after it", () => {
    const html = `${article(6)}<p>DON'T MISS</p><p><a href="/x">Storm hits coast</a></p>${article(2, "state")}`;
    const kept = keptTexts(stripEnglishChromeLines, html);
    expect(kept).toHaveLength(8);
    expect(kept).not.toContain("DON'T MISS");
  });

  test("a Chinese article is left to the Chinese filters, its Latin lines included", () => {
    const html = `<p>${prose("甲", 120)}</p><p>2023-01-10 12:00</p><p>info@example.com</p>`;
    expect(keptTexts(stripEnglishChromeLines, html)).toEqual([
      prose("甲", 120),
      "2023-01-10 12:00",
      "info@example.com",
    ]);
  });

  test("a contact line and a caption credited to a wire photographer go", () => {
    const html = `${article(3)}<p>Shoppers queue outside a store in Miami. (AP Photo/Jane Doe)</p><p>jane.doe@example.com</p><p>twitter.com/janedoe</p>`;
    expect(keptTexts(stripEnglishChromeLines, html)).toHaveLength(3);
  });
});
