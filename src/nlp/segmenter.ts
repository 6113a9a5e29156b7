/**
 * The seam between caiji and a jieba binding. Implementations are loaded once per process (the
 * dictionary costs hundreds of milliseconds and tens to hundreds of MB), see `load-segmenter.ts`.
 */
import type { Keyword } from "../output/record-schema.js";

export interface Segmenter {
  /** `node-rs` (@node-rs/jieba) or `nodejs-jieba`. */
  readonly name: string;
  /** Words of `text` in order, HMM on for unknown words; whitespace and punctuation tokens removed. */
  cut(text: string): string[];
  /** Top `topN` TF-IDF keywords of `text`, highest weight first. */
  keywords(text: string, topN: number): Keyword[];
}
