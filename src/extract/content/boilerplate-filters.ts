/**
 * The ordered list of boilerplate filters run over the main content.
 *
 * Order matters in one way only: filters that cut "everything after" a marker (disclaimers) run
 * before the tail heuristics, so those judge what is left rather than what a cut already removed.
 */

import type { BlockFilter, FilterContext } from "./block-filter.js";
import type { Block } from "./block-model.js";

export const BOILERPLATE_FILTERS: readonly BlockFilter[] = [];

export function runBoilerplateFilters(blocks: readonly Block[], context: FilterContext): Block[] {
  return BOILERPLATE_FILTERS.reduce<Block[]>((kept, filter) => filter(kept, context), [...blocks]);
}
