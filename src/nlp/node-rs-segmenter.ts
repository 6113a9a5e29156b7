/**
 * The `Segmenter` over @node-rs/jieba: jieba-rs, a Rust port of jieba, through N-API.
 *
 * The dictionary (`@node-rs/jieba/dict`, 5 MB) and the IDF table (6 MB) are read once, when the segmenter
 * is created. The package is CommonJS with a native addon, so it is loaded with `createRequire`, and only
 * when this segmenter is asked for.
 */
import { createRequire } from "node:module";
import type { Keyword } from "../output/record-schema.js";
import { candidateCount, finishKeywords, isWordToken } from "./keyword-filters.js";
import type { Segmenter } from "./segmenter.js";

type NodeRsJieba = typeof import("@node-rs/jieba");
/** `@node-rs/jieba/dict`: the dictionary and IDF table as bytes (the package has no `exports` for ESM types). */
interface NodeRsDict {
  dict: Uint8Array;
  idf: Uint8Array;
}

const require = createRequire(import.meta.url);

/** Creates a segmenter with jieba's default dictionary and IDF table; costs the dictionary load. */
export function createNodeRsSegmenter(): Segmenter {
  const { Jieba, TfIdf } = require("@node-rs/jieba") as NodeRsJieba;
  const { dict, idf } = require("@node-rs/jieba/dict") as NodeRsDict;
  const jieba = Jieba.withDict(dict);
  const tfIdf = TfIdf.withDict(idf);
  // The default config cuts without HMM, so unknown words such as 科创 fall apart into characters. Stop
  // words are not passed here: the binding fails to convert a `stopWords` set (2.0.3), and
  // `finishKeywords` applies caiji's own list. Term frequency is relative: count / words of 2+ characters.
  tfIdf.setConfig({ minKeywordLength: 2, useHmm: true });

  return {
    name: "node-rs",
    cut(text: string): string[] {
      if (text.length === 0) return [];
      return jieba.cut(text, true).filter(isWordToken);
    },
    keywords(text: string, topN: number): Keyword[] {
      if (text.length === 0 || topN <= 0) return [];
      const candidates = tfIdf.extractKeywords(jieba, text, candidateCount(topN));
      return finishKeywords(
        candidates.map((c) => ({ word: c.keyword, weight: c.weight })),
        topN,
      );
    },
  };
}
