/**
 * The baseline: what a user gets from the card's libraries alone. Plain @mozilla/readability on jsdom,
 * as the AEB benchmark runs it (`new JSDOM(html, {url})`, `new Readability(document).parse()`), with
 * Readability's own `title`, `byline` (→ authors) and `publishedTime`, and `textContent` as the body.
 * Readability has no source or view count, so those are always null.
 *
 * The bytes are decoded with caiji's `decodeHtml`, so the comparison is about extraction, not charsets.
 * Everything else is deliberately not caiji's: no `parseHtml` retry when jsdom rejects a page's CSS (that
 * page is an empty prediction, as it would be for the user).
 */
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { decodeHtml } from "../fetch/decode-charset.js";
import type { EvalCase } from "./eval-case.js";
import { emptyPrediction, type Prediction } from "./eval-case.js";
import { describeError } from "./predict-caiji.js";

const silentConsole = new VirtualConsole();

export function predictWithReadability(evalCase: EvalCase): Prediction {
  let dom: JSDOM | undefined;
  try {
    const { html } = decodeHtml(evalCase.body, null);
    dom = new JSDOM(html, { url: evalCase.url, virtualConsole: silentConsole });
    const article = new Readability(dom.window.document).parse();
    if (!article) return { ...emptyPrediction, error: "Readability found no article" };
    const byline = article.byline?.trim();
    return {
      text: article.textContent ?? "",
      title: article.title?.trim() || null,
      publishedAt: article.publishedTime?.trim() || null,
      authors: byline ? [byline] : [],
      source: null,
      views: null,
    };
  } catch (error) {
    return { ...emptyPrediction, error: describeError(error) };
  } finally {
    dom?.window.close();
  }
}
