/**
 * Removes the slide counter a gallery prints before each caption: `<span class="index"><em>1</em>/10
 * </span> 当全世界……`.
 *
 * Gallery pages (one image and one paragraph per slide) keep the counter inside the caption's block,
 * so no block filter can drop it without the caption; left in, the body opens with `1/10`. Only an
 * inline element made of `N/M` alone and placed before the rest of its block's text is removed: a
 * score or a fraction inside a sentence, or alone in a table cell, stays.
 */

import { descendantsNamed, tagNames } from "../element-walk.js";
import { isBlockTag } from "./block-model.js";

const COUNTER = /^\d{1,3}\s*\/\s*\d{1,3}$/;
const INLINE = tagNames("span,em,i,b,strong,font,small,label");
/** The caption after the counter is at least this long: a lone counter is not a gallery's. */
const MIN_CAPTION_LENGTH = 10;

function compact(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, "");
}

export function removeGalleryCounters(root: Element): void {
  for (const element of descendantsNamed(root, INLINE)) {
    const raw = element.textContent ?? "";
    // Most inline elements hold no slash: skip them before building a compact copy of their text.
    if (!raw.includes("/")) continue;
    const counter = compact(raw);
    if (!COUNTER.test(counter)) continue;
    let block = element.parentElement;
    while (block && block !== root && !isBlockTag(block.tagName)) block = block.parentElement;
    if (!block) continue;
    const text = compact(block.textContent);
    if (text.startsWith(counter) && text.length - counter.length >= MIN_CAPTION_LENGTH) element.remove();
  }
}
