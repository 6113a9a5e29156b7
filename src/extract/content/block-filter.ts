/**
 * The contract of a boilerplate filter.
 *
 * Each filter is a pure function from the list of content blocks to the list it keeps, with its own
 * vocabulary beside it and its own tests. Filters never touch the DOM: the caller removes what they
 * dropped, so a filter can be tested with blocks built from a snippet and filters compose in any order.
 */
import type { Block } from "./block-model.js";

export interface FilterContext {
  /** The page URL. */
  url: string;
  /** The article title as the metadata extractor read it, when it found one. */
  title: string | null;
  /**
   * Short texts the page shows outside the main content (logo, site name, menu entries), as read
   * before extraction; a line of the body that repeats one of them is page chrome.
   */
  chromeTexts: ReadonlySet<string>;
}

/** Returns the blocks to keep, in their original order. */
export type BlockFilter = (blocks: readonly Block[], context: FilterContext) => Block[];
