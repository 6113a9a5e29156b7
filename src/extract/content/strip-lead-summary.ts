/**
 * Drops a summary printed above the article when the article's own opening repeats it:
 * `摘要：2014年8月22日，某论坛在北京举行……` followed by the first paragraph with the same sentence.
 *
 * Portal and blog templates print the page description (`摘要：`, `导语：`, or unlabelled) as a lead
 * box above the body, and on most such pages it is the first paragraph cut short. Kept, the body opens
 * with a stray label and says its first sentence twice. Only a leading block is judged, and only when
 * a later block opens with the same words, so a real lead that the article does not repeat stays.
 */
import type { BlockFilter } from "./block-filter.js";

/** The summary sits within the first few blocks (after a headline or a date line at most). */
const HEAD_BLOCKS = 3;
/** How many leading characters of the summary must open a later block. */
const PROBE_LENGTH = 20;
/**
 * An unlabelled summary is a sentence or more; a shorter repeated line is a label or a credit, judged
 * elsewhere. With its label, a summary needs only enough words for the probe.
 */
const MIN_SUMMARY_LENGTH = 40;
const SUMMARY_LABEL =
  /^[【[（(]?\s*(?:摘\s*要|导\s*语|内容提要|提要|核心提示|导读|简介|summary|abstract)\s*[】\])）]?\s*[:：]?\s*/i;

function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The first letter or digit: what `compact(text)` opens with. */
const FIRST_WORD_CHARACTER = /[\p{L}\p{N}]/u;

function opening(text: string): string {
  return FIRST_WORD_CHARACTER.exec(text)?.[0] ?? "";
}

export const stripLeadSummary: BlockFilter = (blocks) => {
  const dropped = new Set<number>();
  // Each block is compacted at most once, and only when it might repeat a summary.
  const compacted: (string | undefined)[] = [];
  const compactAt = (index: number): string => {
    let text = compacted[index];
    if (text === undefined) {
      text = compact(blocks[index]?.text ?? "");
      compacted[index] = text;
    }
    return text;
  };
  for (let index = 0; index < Math.min(HEAD_BLOCKS, blocks.length); index += 1) {
    const text = blocks[index]?.text ?? "";
    const unlabelled = text.replace(SUMMARY_LABEL, "");
    const summary = compact(unlabelled);
    const labelled = unlabelled !== text;
    if (summary.length < (labelled ? PROBE_LENGTH : MIN_SUMMARY_LENGTH)) continue;
    const probe = summary.slice(0, PROBE_LENGTH);
    const probeOpening = opening(probe);
    let repeated = false;
    for (let later = index + 1; later < blocks.length && !repeated; later += 1) {
      // Only a block that opens with the probe's first character can open with the probe.
      if (opening(blocks[later]?.text ?? "") !== probeOpening) continue;
      const text = compactAt(later);
      repeated = text.startsWith(probe) && text.length >= summary.length;
    }
    if (repeated) dropped.add(index);
  }
  return blocks.filter((_block, index) => !dropped.has(index));
};
