/**
 * Checks a golden case against its own page, independently of the extractor: every phrase the record must
 * contain is really on the page, every phrase it must not contain is on the page too (else the assertion
 * proves nothing), and no forbidden phrase hides inside a required one (a contradiction no extractor can
 * satisfy). It keeps hand-written expectations honest as pages are edited.
 */
import iconv from "iconv-lite";
import { JSDOM } from "jsdom";
import type { GoldenCase } from "./golden-cases.js";

/** The page text as a reader sees it, whitespace collapsed; the case's charset tells how to decode it. */
export function visibleText(golden: GoldenCase): string {
  const html =
    golden.expect.charset === "utf-8"
      ? new TextDecoder("utf-8").decode(golden.body)
      : iconv.decode(Buffer.from(golden.body), golden.expect.charset);
  const dom = new JSDOM(html);
  try {
    return (dom.window.document.documentElement.textContent ?? "").replace(/\s+/g, " ");
  } finally {
    dom.window.close();
  }
}

/** Problems with the case itself; an empty list means the expectations are consistent with the page. */
export function checkGoldenFixture(golden: GoldenCase): string[] {
  const { expect } = golden;
  const text = visibleText(golden);
  // Pages indent with &nbsp; and full-width spaces; a phrase is on the page if it is there modulo spaces.
  const squeeze = (value: string) => value.replace(/[\s\u3000]+/g, "");
  const onPage = squeeze(text);
  const required = [expect.textStartsWith, expect.textEndsWith, ...expect.textContains];
  const problems: string[] = [];
  for (const phrase of [...required, ...(expect.title === null ? [] : [expect.title])]) {
    if (!onPage.includes(squeeze(phrase))) problems.push(`required phrase is not on the page: ${phrase}`);
  }
  for (const phrase of expect.textNotContains) {
    if (!onPage.includes(squeeze(phrase))) problems.push(`forbidden phrase is not on the page: ${phrase}`);
    for (const wanted of required) {
      if (wanted.includes(phrase)) problems.push(`forbidden phrase ${phrase} is inside required ${wanted}`);
    }
  }
  for (const author of expect.authors) {
    if (!onPage.includes(squeeze(author))) problems.push(`author is not on the page: ${author}`);
  }
  if (expect.source !== null && !onPage.includes(squeeze(expect.source))) {
    problems.push(`source is not on the page: ${expect.source}`);
  }
  return problems;
}
