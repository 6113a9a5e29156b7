import { describe, expect, it } from "vitest";
import { crossGoldNote, crossGoldScores } from "./cross-gold-check.js";
import type { EvalCase } from "./eval-case.js";
import { cjkTokens } from "./tokenize.js";

const ARTICLE = "区科技局全年新增高新技术企业一百二十家，科技型中小企业评价入库数量再创新高。";
const COMMENTS = "网友评论：写得很好，支持家乡发展，希望明年继续努力。";

function page(html: string, body: string | undefined, file = "a.html"): EvalCase {
  return { file, url: `http://corpus.local/${file}`, body: new TextEncoder().encode(html), gold: { body } };
}

describe("crossGoldScores", () => {
  it("scores the other set's gold as the output on the pages with the same bytes", () => {
    const withComments = [
      page("<p>1</p>", `${ARTICLE}${COMMENTS}`),
      page("<p>only here</p>", ARTICLE, "b.html"),
    ];
    const articleOnly = [page("<p>1</p>", ARTICLE), page("<p>elsewhere</p>", COMMENTS, "c.html")];
    const scores = crossGoldScores(withComments, articleOnly, cjkTokens);
    expect(scores?.pages).toBe(1);
    expect(scores?.precision).toBe(1);
    expect(scores?.recall).toBeGreaterThan(0.5);
    expect(scores?.recall).toBeLessThan(1);
    expect(
      crossGoldNote(
        "cleaneval",
        "cwced",
        scores ?? { precision: 0, recall: 0, f1: 0, accuracy: 0, pages: 0 },
      ),
    ).toMatch(
      /^gold check: cwced's gold body, scored as the output on the 1 pages both sets hold, gets cleaneval body F1 0\.\d{3} \(P 1\.000, R 0\.\d{3}\)/,
    );
  });

  it("is undefined when the sets share no page", () => {
    expect(
      crossGoldScores([page("<p>x</p>", ARTICLE)], [page("<p>y</p>", ARTICLE)], cjkTokens),
    ).toBeUndefined();
  });
});
