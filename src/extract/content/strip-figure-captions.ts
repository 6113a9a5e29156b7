/**
 * Drops the captions of figures in English articles: `<figcaption>` text and the short text of a
 * `<figure>` (a caption, a credit, a gallery counter).
 *
 * A caption describes a picture; it is not a sentence of the article, and English templates print it
 * in the markup made for it, so the tag is enough to know it. The images stay in `html`. Chinese
 * captions (`图为…`) are written as paragraphs of the body and readers copy them with it, so lines
 * with CJK text are left alone, and a `<figure>` holding a long text (a template that wraps the whole
 * article in one) is not a figure.
 */

import { closestNamed } from "../element-walk.js";
import type { BlockFilter } from "./block-filter.js";
import type { Block } from "./block-model.js";
import { countCjk, readingLength } from "./normalize-text.js";

/** A figure with more text than this (reading units) is a wrapper, not a picture with its caption. */
const MAX_FIGURE_TEXT = 80;

function isCaption(block: Block): boolean {
  if (countCjk(block.text) > 0) return false;
  if (closestNamed(block.element, "figcaption")) return true;
  const figure = closestNamed(block.element, "figure");
  return figure !== null && readingLength(figure.textContent ?? "") <= MAX_FIGURE_TEXT;
}

export const stripFigureCaptions: BlockFilter = (blocks) => blocks.filter((block) => !isCaption(block));
