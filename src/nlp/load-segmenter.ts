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
 * The default binding, chosen by measurement (`npx jiti scripts/bench-segmenter.ts`, 300–500 KB of Chinese
 * in 3000-character articles, Node 20, 2 shared cores; ranges over four invocations, best of 3–5 runs):
 *
 * | binding      | load      | RSS after load | cut              | keywords          |
 * |--------------|-----------|----------------|------------------|-------------------|
 * | node-rs      | 0.4–0.7 s | +72 MB         | 0.85–1.7 M chr/s | 1.2–1.7 M chr/s   |
 * | nodejs-jieba | 2.3–3.3 s | +244 MB        | 0.6–1.1 M chr/s  | 0.25–0.46 M chr/s |
 *
 * node-rs wins on every column: it loads 4–6× faster, holds a third of the memory (which matters once per
 * test worker and per crawl process), and cuts faster. nodejs-jieba's `load()` also builds a TextRank
 * extractor caiji never uses. Both give nearly the same tokens (within about 1%) with HMM on.
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
