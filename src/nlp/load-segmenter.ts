/**
 * The one segmenter of the process. A jieba dictionary costs a few hundred milliseconds and tens of MB to
 * load, so it is loaded on first use and then shared by every page.
 *
 * Which binding: the `name` argument, else the `CAIJI_SEGMENTER` environment variable, else the default.
 *
 * @example
 *   const segmenter = loadSegmenter();
 *   const tokens = segmenter.cut(text);
 *   const keywords = segmenter.keywords(text, 10);
 */
import { createNodeRsSegmenter } from "./node-rs-segmenter.js";
import { createNodejsJiebaSegmenter } from "./nodejs-jieba-segmenter.js";
import type { Segmenter } from "./segmenter.js";

export type SegmenterName = "node-rs" | "nodejs-jieba";

const factories: Record<SegmenterName, () => Segmenter> = {
  "node-rs": createNodeRsSegmenter,
  "nodejs-jieba": createNodejsJiebaSegmenter,
};

/**
 * The default binding, chosen by `scripts/bench-segmenter.ts` (provisional until measured).
 */
export const defaultSegmenter: SegmenterName = "node-rs";

/** The environment variable that picks a binding when the caller does not. */
export const segmenterEnvVar = "CAIJI_SEGMENTER";

const loaded = new Map<SegmenterName, Segmenter>();

/**
 * The process-wide segmenter for `name` (or `$CAIJI_SEGMENTER`, or the default), created on first call.
 * Throws on an unknown name: that is a configuration mistake, not a page-level failure.
 */
export function loadSegmenter(name?: SegmenterName): Segmenter {
  const chosen = resolveSegmenterName(name ?? process.env[segmenterEnvVar]);
  let segmenter = loaded.get(chosen);
  if (!segmenter) {
    segmenter = factories[chosen]();
    loaded.set(chosen, segmenter);
  }
  return segmenter;
}

/** Checks a binding name; an empty or missing one means the default. */
export function resolveSegmenterName(name: string | undefined): SegmenterName {
  const trimmed = name?.trim();
  if (!trimmed) return defaultSegmenter;
  if (Object.hasOwn(factories, trimmed)) return trimmed as SegmenterName;
  throw new Error(`unknown segmenter "${trimmed}": expected ${Object.keys(factories).join(" or ")}`);
}
