/**
 * Keeps the run of blocks that holds the article and drops the link lists and side columns around it.
 *
 * Readability (and the density picker) sometimes choose a container that is too large: on portal and
 * blog templates the article shares a layout cell with "latest posts", archives and comment excerpts.
 * Inside the chosen container the article still shows as one dense run of prose blocks, separated
 * from the rest by stretches of link-only lines. Blocks are classed as prose (long, punctuated, few
 * links), links (mostly linked text) or neutral (short lines, headings); runs of prose are split into
 * clusters wherever several link blocks come in a row, and the cluster with the most prose wins,
 * together with the neutral lines that touch it (subheadings, captions, a closing line). Link-only
 * lines inside the winning cluster are dropped too: in Chinese news they are "点击进入…" teasers and
 * in-body headline links, not sentences of the article. A notice's attachments are links too, but
 * the article's own: they count as neutral lines. English articles link their own content instead: a
 * product name, a shop link ("Get it on Amazon for $39"), a bare source URL between two paragraphs
 * belongs to the text. So in a cluster written in a spaced script, a link line between the cluster's
 * first and last prose block stays, unless it opens with a teaser label ("READ MORE: …", "Related: …")
 * or is written in capitals, as linked headlines of other stories are.
 */

import type { BlockFilter } from "./block-filter.js";
import type { Block } from "./block-model.js";
import { isAttachment } from "./headline-shape.js";
import { countCjk, countPunctuation, endsLikeSentence } from "./normalize-text.js";

/** Reading units from which a punctuated block counts as prose. */
const MIN_PROSE_LENGTH = 25;
/** A shorter block is prose when it is a complete sentence of at least this length. */
const MIN_SENTENCE_LENGTH = 10;
/** Prose has at least this many punctuation marks… */
const MIN_PROSE_PUNCTUATION = 2;
/** …and at most this share of linked text. */
const MAX_PROSE_LINK_SHARE = 0.3;
/** From this share of linked text on, a block is a link line. */
const MIN_LINK_LINE_SHARE = 0.5;
/** This many link lines in a row (with no prose between) end a cluster. */
const CLUSTER_GAP_LINK_LINES = 4;

/** A link box inside an article holds at most this many link lines… */
const MAX_BOX_LINK_LINES = 15;
/** …and the prose above it joins the article when it has this many prose blocks and reading units. */
const MIN_OPENING_PROSE_BLOCKS = 2;
const MIN_OPENING_LENGTH = 150;
/** Below this share of CJK ideographs (of reading units) the cluster is in a spaced script. */
const MAX_SPACED_CJK_SHARE = 0.2;
/** A teaser label opening a link line: a few words and a colon (`READ MORE:`, `Related:`, `WATCH:`). */
const TEASER_LABEL = /^[\p{L}\p{N}'. ]{2,24}[:：|»>]/u;
/** A linked line in capitals is another story's headline (`SINGER CLEARED TO PERFORM AT AWARDS`). */
const SHOUTED_HEADLINE = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

type BlockClass = "prose" | "links" | "neutral";

/** A complete sentence: ends with a full stop, question or exclamation mark (closing quotes allowed). */
const FULL_SENTENCE = /[。！？.!?](?:[”’"'）)」』]*)$/;

/** A line whose text is a web address: a cited source, not another article's headline. */
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;
/** Unlinked words after a linked lead that make a spaced-script line a sentence of its own. */
const MIN_UNLINKED_TAIL = 8;

/**
 * An English list item or paragraph that opens with a linked lead and goes on in plain words
 * ("<a>Google has bought CloudSimple</a>. The startup was…") is a sentence of the article, however
 * much of it is linked. Chinese teaser lines are left to the link share (their summaries are not).
 */
function isLinkLedSentence(block: Block): boolean {
  return (
    countCjk(block.text) === 0 &&
    block.length - block.linkLength >= MIN_UNLINKED_TAIL &&
    endsLikeSentence(block.text)
  );
}

export function classifyBlock(block: Block): BlockClass {
  const linkShare = block.length === 0 ? 0 : block.linkLength / block.length;
  if (isAttachment(block)) return "neutral";
  if (linkShare >= MIN_LINK_LINE_SHARE)
    return BARE_URL.test(block.text) || isLinkLedSentence(block) ? "neutral" : "links";
  if (linkShare > MAX_PROSE_LINK_SHARE) return "neutral";
  const punctuated =
    block.length >= MIN_PROSE_LENGTH && countPunctuation(block.text) >= MIN_PROSE_PUNCTUATION;
  const sentence = block.length >= MIN_SENTENCE_LENGTH && FULL_SENTENCE.test(block.text);
  return punctuated || sentence ? "prose" : "neutral";
}

interface Cluster {
  first: number;
  last: number;
  proseLength: number;
  proseBlocks: number;
}

function findClusters(classes: readonly BlockClass[], blocks: readonly Block[]): Cluster[] {
  const clusters: Cluster[] = [];
  let current: Cluster | null = null;
  let linkRun = 0;
  classes.forEach((kind, index) => {
    if (kind === "links") {
      linkRun += 1;
      if (linkRun >= CLUSTER_GAP_LINK_LINES) current = null;
      return;
    }
    if (kind !== "prose") return;
    linkRun = 0;
    if (!current) {
      current = { first: index, last: index, proseLength: 0, proseBlocks: 0 };
      clusters.push(current);
    }
    current.last = index;
    current.proseLength += blocks[index]?.length ?? 0;
    current.proseBlocks += 1;
  });
  return clusters;
}

/**
 * Walks from a cluster's edge over the neutral blocks that touch it, bridging a short run of link lines
 * when more neutral text follows ("READ MORE: …" between two short paragraphs), and stops at a gap.
 */
function extend(classes: readonly BlockClass[], edge: number, step: 1 | -1): number {
  let reached = edge;
  let linkRun = 0;
  for (let index = edge + step; index >= 0 && index < classes.length; index += step) {
    const kind = classes[index];
    if (kind === "links") {
      linkRun += 1;
      if (linkRun >= CLUSTER_GAP_LINK_LINES) break;
      continue;
    }
    linkRun = 0;
    reached = index;
  }
  return reached;
}

/**
 * The article's first block: the winning cluster's, or an earlier cluster's when only an in-body link
 * box (`延伸阅读：` and a few headlines) separates them. The opening paragraphs of an article sit above
 * such a box; what sits above an article across a short link run is rarely prose of this weight
 * (navigation and teasers are link or neutral lines), while comments and other posts come below it.
 */
function openingOf(best: Cluster, clusters: readonly Cluster[], classes: readonly BlockClass[]): number {
  let first = best.first;
  for (let index = clusters.indexOf(best) - 1; index >= 0; index -= 1) {
    const earlier = clusters[index] as Cluster;
    const gap = classes.slice(earlier.last + 1, first).filter((kind) => kind === "links").length;
    const weighty =
      earlier.proseBlocks >= MIN_OPENING_PROSE_BLOCKS && earlier.proseLength >= MIN_OPENING_LENGTH;
    if (gap > MAX_BOX_LINK_LINES || !weighty) break;
    first = earlier.first;
  }
  return first;
}

export const keepMainCluster: BlockFilter = (blocks) => {
  const classes = blocks.map(classifyBlock);
  const clusters = findClusters(classes, blocks);
  const best = clusters.reduce<Cluster | null>(
    (top, cluster) => (!top || cluster.proseLength > top.proseLength ? cluster : top),
    null,
  );
  if (!best) return [...blocks];
  const first = extend(classes, openingOf(best, clusters, classes), -1);
  const last = extend(classes, best.last, 1);
  const spaced = isSpacedScript(blocks.slice(best.first, best.last + 1));
  const keepsLink = (block: Block, index: number): boolean =>
    endsLikeSentence(block.text) ||
    (spaced &&
      index > best.first &&
      index < best.last &&
      !TEASER_LABEL.test(block.text) &&
      !SHOUTED_HEADLINE.test(block.text));
  return blocks.filter(
    (block, index) =>
      index >= first && index <= last && (classes[index] !== "links" || keepsLink(block, index)),
  );
};

function isSpacedScript(blocks: readonly Block[]): boolean {
  const length = blocks.reduce((sum, block) => sum + block.length, 0);
  const cjk = blocks.reduce((sum, block) => sum + countCjk(block.text), 0);
  return length > 0 && cjk < length * MAX_SPACED_CJK_SHARE;
}
