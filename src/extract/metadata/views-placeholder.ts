/**
 * A view count of `0` that is a script's placeholder, not a count: `点击：<span id="hits">0</span>` on a page
 * whose scripts fill that element (PHPCMS, DedeCMS templates print `0` there so the line does not look
 * broken before the counter answers). Read as "not known yet" by the views extractor, and as "needs a
 * browser" by `--render auto`.
 *
 * The sign is structural: the zero is the whole text of an inline element that has an id or a class (a
 * script's handle on it), and the page has scripts. A zero written into the line's text (`点击：0次`), or
 * on a page without scripts, is taken at its word.
 *
 * @example
 *   hasZeroPlaceholder(line.block) // true for <p>点击：<span id="hits">0</span></p> on a page with scripts
 */

const SLOT_TAGS = new Set(["span", "em", "i", "b", "strong", "font", "label", "var", "ins", "small"]);
const JS_TYPES =
  /^(?:|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript)$/i;

/** Whether `block` holds an element, named by id or class, whose whole text is `0`, on a page with scripts. */
export function hasZeroPlaceholder(block: Element): boolean {
  const slot = Array.from(block.querySelectorAll("[id], [class]")).find(
    (element) => SLOT_TAGS.has(element.localName) && (element.textContent ?? "").trim() === "0",
  );
  return slot !== undefined && pageHasScripts(block.ownerDocument);
}

function pageHasScripts(document: Document): boolean {
  return Array.from(document.querySelectorAll("script")).some((script) =>
    JS_TYPES.test((script.getAttribute("type") ?? "").trim()),
  );
}
