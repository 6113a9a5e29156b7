/**
 * The baseline: what a user gets from the card's libraries alone. Plain @mozilla/readability on jsdom,
 * as the AEB benchmark runs it (`new JSDOM(html, {url})`, `new Readability(document).parse()`), with
 * Readability's own `title`, `byline` (→ authors) and `publishedTime`, and `textContent` as the body.
 * Readability has no source or view count, so those are always null.
 *
 * Two things are deliberately the same as caiji's, so that the comparison is about extraction and not
 * plumbing: the bytes are decoded with caiji's `decodeHtml`, and when jsdom 27 throws while parsing a
 * page's CSS (its cssstyle rejects some real declarations, e.g. `border: inherit` shorthands), the page is
 * parsed again without `<style>` blocks and `style=` attributes, the same retry `parseHtml` makes for
 * caiji. Such pages are flagged (`parseRetried`) and counted in the output. A page Readability still
 * cannot handle is an empty prediction.
 */
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { decodeHtml } from "../fetch/decode-charset.js";
import type { EvalCase } from "./eval-case.js";
import { emptyPrediction, type Prediction } from "./eval-case.js";
import { describeError } from "./predict-caiji.js";

const silentConsole = new VirtualConsole();

/** Same patterns as `parseHtml`'s fallback. */
function withoutCss(html: string): string {
  return html.replace(/<style[\s\S]*?<\/style>/gi, "").replace(/\sstyle="[^"]*"/gi, "");
}

function construct(html: string, url: string): { dom: JSDOM; retried: boolean } {
  try {
    return { dom: new JSDOM(html, { url, virtualConsole: silentConsole }), retried: false };
  } catch {
    return { dom: new JSDOM(withoutCss(html), { url, virtualConsole: silentConsole }), retried: true };
  }
}

export function predictWithReadability(evalCase: EvalCase): Prediction {
  let dom: JSDOM | undefined;
  let retried = false;
  try {
    const { html } = decodeHtml(evalCase.body, null);
    ({ dom, retried } = construct(html, evalCase.url));
    const flag = retried ? { parseRetried: true } : {};
    const article = new Readability(dom.window.document).parse();
    if (!article) return { ...emptyPrediction, ...flag, error: "Readability found no article" };
    const byline = article.byline?.trim();
    return {
      text: article.textContent ?? "",
      title: article.title?.trim() || null,
      publishedAt: article.publishedTime?.trim() || null,
      authors: byline ? [byline] : [],
      source: null,
      views: null,
      ...flag,
    };
  } catch (error) {
    return { ...emptyPrediction, ...(retried ? { parseRetried: true } : {}), error: describeError(error) };
  } finally {
    dom?.window.close();
  }
}
