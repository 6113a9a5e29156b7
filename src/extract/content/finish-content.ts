/**
 * Everything that happens after the content element is chosen: block model, boilerplate filters,
 * sanitiser, text. Exported on its own so that a content element chosen another way (a site adapter's
 * CSS selector) is finished exactly like the generic pick, without copying the steps.
 *
 * @example
 * const root = document.querySelector("div.article");
 * const content = root && finishMainContent(root, { url, title, chromeTexts: collectChromeTexts(document) });
 */
import type { FilterContext } from "./block-filter.js";
import { collectBlocks, normalizeBlockStructure, removeBlocks, trimBlockEdges } from "./block-model.js";
import { runBoilerplateFilters } from "./boilerplate-filters.js";
import type { MainContent } from "./index.js";
import { sanitizeContent } from "./sanitize-html.js";
import { removeGalleryCounters } from "./strip-gallery-counters.js";

/** Filters, sanitises and serialises `root` in place; null when no text is left. */
export function finishMainContent(root: Element, context: FilterContext): MainContent | null {
  removeGalleryCounters(root);
  normalizeBlockStructure(root);
  const blocks = collectBlocks(root);
  const kept = new Set(runBoilerplateFilters(blocks, context));
  removeBlocks(
    root,
    blocks.filter((block) => !kept.has(block)),
  );
  sanitizeContent(root, context.url);
  const finalBlocks = collectBlocks(root);
  for (const block of finalBlocks) if (block.kind !== "preformatted") trimBlockEdges(block);
  const text = finalBlocks.map((block) => block.text).join("\n\n");
  if (text.trim() === "") return null;
  return { html: root.innerHTML.trim(), text };
}
