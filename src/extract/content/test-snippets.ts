/**
 * Test helpers: turn an HTML snippet into content blocks and run a filter over them, so each filter's
 * tests are a table of snippets and the lines that must survive.
 */
import { parseHtml } from "../parse-html.js";
import type { BlockFilter, FilterContext } from "./block-filter.js";
import { collectBlocks, normalizeBlockStructure } from "./block-model.js";

export const TEST_URL = "http://www.example.com/news/2023/0110/123.html";

/** Texts of the blocks of `html`, after structure normalisation. */
export function blockTexts(html: string): string[] {
  const { document, dispose } = parseHtml(`<!doctype html><html><body>${html}</body></html>`, TEST_URL);
  normalizeBlockStructure(document.body);
  const texts = collectBlocks(document.body).map((block) => block.text);
  dispose();
  return texts;
}

/** Texts of the blocks of `html` that `filter` keeps. */
export function keptTexts(filter: BlockFilter, html: string, context: Partial<FilterContext> = {}): string[] {
  const { document, dispose } = parseHtml(`<!doctype html><html><body>${html}</body></html>`, TEST_URL);
  normalizeBlockStructure(document.body);
  const blocks = collectBlocks(document.body);
  const kept = filter(blocks, { url: TEST_URL, title: null, chromeTexts: new Set(), ...context });
  const texts = kept.map((block) => block.text);
  dispose();
  return texts;
}

/** A paragraph of article prose of about `length` characters, unique per `seed`. */
export function prose(seed: string, length = 80): string {
  const sentence = `${seed}项目今年进展顺利，相关部门加强协调，推动各项工作落到实处，群众满意度持续提升。`;
  return `${sentence
    .repeat(Math.ceil(length / sentence.length))
    .slice(0, length - 1)
    .replace(/[，。]$/, "")}。`;
}
