/**
 * Main content from an adapter's `content.selector`: the chosen element's subtree replaces the generic
 * picker's guess (Readability / density), and everything after the pick is the generic pipeline's own
 * exported steps — block model, boilerplate filters, sanitiser — so a site adapter never loses the
 * disclaimer, prev/next and contact-block filtering, and never re-implements it. The order of those steps
 * mirrors `extractMainContent`; `selected-content.test.ts` fails when the two drift apart.
 *
 * Returns null when the selector matches nothing, so the caller falls back to the generic picker (the
 * adapter's template may not cover every page of the site).
 */
import {
  collectBlocks,
  normalizeBlockStructure,
  removeBlocks,
  trimBlockEdges,
} from "../extract/content/block-model.js";
import { runBoilerplateFilters } from "../extract/content/boilerplate-filters.js";
import { collectChromeTexts } from "../extract/content/chrome-texts.js";
import type { MainContent } from "../extract/content/index.js";
import { sanitizeContent } from "../extract/content/sanitize-html.js";

/** Never body text, whatever the selector says. */
const NEVER_CONTENT = "script,style,noscript,template";

export interface SelectedContentRule {
  selector: string;
  remove?: readonly string[];
}

/** May modify `document` (metadata has been read already). */
export function extractSelectedContent(
  document: Document,
  rule: SelectedContentRule,
  ctx: { url: string; title: string | null },
): MainContent | null {
  const root = document.querySelector(rule.selector);
  if (!root) return null;
  // Read from the whole page before anything is removed: the site name and menu entries.
  const chromeTexts = collectChromeTexts(document);
  for (const element of root.querySelectorAll(NEVER_CONTENT)) element.remove();
  for (const selector of rule.remove ?? []) {
    for (const element of root.querySelectorAll(selector)) element.remove();
  }
  normalizeBlockStructure(root);
  const blocks = collectBlocks(root);
  const kept = new Set(runBoilerplateFilters(blocks, { url: ctx.url, title: ctx.title, chromeTexts }));
  removeBlocks(
    root,
    blocks.filter((block) => !kept.has(block)),
  );
  sanitizeContent(root, ctx.url);
  const finalBlocks = collectBlocks(root);
  for (const block of finalBlocks) if (block.kind !== "preformatted") trimBlockEdges(block);
  const text = finalBlocks.map((block) => block.text).join("\n\n");
  if (text.trim() === "") return null;
  return { html: root.innerHTML.trim(), text };
}
