/**
 * The ordered list of boilerplate filters run over the main content.
 *
 * Order matters in two ways. The end-marker cut runs first (the cluster filter would drop a linked
 * marker such as `返回搜狐，查看更多` and lose the cut), then the cluster filter, so the line filters judge the article and
 * not the side column around it. Filters that recognise a line by its words (titles, bylines,
 * navigation, disclaimers, contact cards) run before the shape-based tail filters, so those judge what
 * is left: the unrelated-headline filter must see the body's real last paragraph, not a disclaimer.
 */

import type { BlockFilter, FilterContext } from "./block-filter.js";
import type { Block } from "./block-model.js";
import { cutAfterEndMarker } from "./cut-after-end-marker.js";
import { dropRepeatedBlocks } from "./drop-repeated-blocks.js";
import { keepMainCluster } from "./keep-main-cluster.js";
import { stripBreadcrumbs } from "./strip-breadcrumbs.js";
import { stripContactBlocks } from "./strip-contact-blocks.js";
import { stripDisclaimers } from "./strip-disclaimers.js";
import { stripEnglishChromeLines } from "./strip-english-chrome-lines.js";
import { stripFigureCaptions } from "./strip-figure-captions.js";
import { stripLeadSummary } from "./strip-lead-summary.js";
import { stripMetadataLines } from "./strip-metadata-lines.js";
import { stripPhotoCredits } from "./strip-photo-credits.js";
import { stripPlayerNotices } from "./strip-player-notices.js";
import { stripPrevNext } from "./strip-prev-next.js";
import { stripPromoBlocks } from "./strip-promo-blocks.js";
import { stripRelated } from "./strip-related.js";
import { stripRepeatedTitle } from "./strip-repeated-title.js";
import { stripShareBars } from "./strip-share-bars.js";
import { stripSiteNameLines } from "./strip-site-name-lines.js";
import { stripUnrelatedHeadlines } from "./strip-unrelated-headlines.js";

export const BOILERPLATE_FILTERS: readonly BlockFilter[] = [
  cutAfterEndMarker,
  keepMainCluster,
  // Again: with the side columns gone, an end marker that did not close the page may close the article.
  cutAfterEndMarker,
  stripRepeatedTitle,
  stripLeadSummary,
  stripBreadcrumbs,
  stripMetadataLines,
  stripEnglishChromeLines,
  stripFigureCaptions,
  dropRepeatedBlocks,
  stripShareBars,
  stripPromoBlocks,
  stripPrevNext,
  stripPlayerNotices,
  stripPhotoCredits,
  stripRelated,
  stripDisclaimers,
  stripContactBlocks,
  stripSiteNameLines,
  stripUnrelatedHeadlines,
  // Again: a site name printed after the unrelated headlines is only at the tail once they are gone.
  stripSiteNameLines,
];

export function runBoilerplateFilters(blocks: readonly Block[], context: FilterContext): Block[] {
  return BOILERPLATE_FILTERS.reduce<Block[]>((kept, filter) => filter(kept, context), [...blocks]);
}
