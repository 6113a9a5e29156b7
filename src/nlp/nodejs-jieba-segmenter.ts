/**
 * The `Segmenter` over nodejs-jieba: cppjieba, the C++ jieba, through N-API.
 *
 * nodejs-jieba keeps one dictionary per process inside the addon; `load()` reads it (default dictionary,
 * HMM model, IDF table and stop words from the package's `dict/` folder). The package is CommonJS with a
 * native addon, so it is loaded with `createRequire`, and only when this segmenter is asked for.
 */
import { createRequire } from "node:module";
import type { Keyword } from "../output/record-schema.js";
import { candidateCount, finishKeywords, isWordToken } from "./keyword-filters.js";
import type { Segmenter } from "./segmenter.js";

type NodejsJieba = typeof import("nodejs-jieba");

const require = createRequire(import.meta.url);

/** Creates a segmenter with the package's default dictionaries; costs the dictionary load. */
export function createNodejsJiebaSegmenter(): Segmenter {
  const jieba = require("nodejs-jieba") as NodejsJieba;
  jieba.load();

  return {
    name: "nodejs-jieba",
    cut(text: string): string[] {
      if (text.length === 0) return [];
      return jieba.cut(text, true).filter(isWordToken);
    },
    keywords(text: string, topN: number): Keyword[] {
      if (text.length === 0 || topN <= 0) return [];
      // cppjieba weighs a word by its raw count × IDF. Dividing by the number of words of two characters
      // or more gives the relative frequency that jieba-rs uses, so a weight means the same whichever
      // binding produced it.
      const total = Math.max(1, jieba.cut(text, true).filter((w) => [...w].length >= 2).length);
      const candidates = jieba.extract(text, candidateCount(topN));
      return finishKeywords(
        candidates.map((c) => ({ word: c.word, weight: c.weight / total })),
        topN,
      );
    },
  };
}
