/**
 * caiji as the evaluation sees it: one page through `extractRecord`, exactly as `caiji extract` runs it,
 * reduced to the scored fields. A page that throws (no content found, not HTML) is an empty prediction,
 * which is what a user would get: no record.
 */
import { extractRecord } from "../extract/extract-record.js";
import type { Page } from "../fetch/page.js";
import type { Segmenter } from "../nlp/segmenter.js";
import { type EvalCase, emptyPrediction, type Prediction } from "./eval-case.js";

/** The `Page` a fetcher would have produced for this saved file: status 200, no headers. */
export function pageFor(evalCase: EvalCase): Page {
  return {
    requestedUrl: evalCase.url,
    url: evalCase.url,
    status: 200,
    headers: {},
    body: evalCase.body,
    fetchedAt: new Date(),
    rendered: false,
  };
}

export function predictWithCaiji(evalCase: EvalCase, segmenter: Segmenter): Prediction {
  try {
    const record = extractRecord(pageFor(evalCase), { segmenter });
    return {
      text: record.text,
      title: record.title,
      publishedAt: record.publishedAt,
      authors: record.authors,
      source: record.source,
      views: record.views,
    };
  } catch (error) {
    return { ...emptyPrediction, error: describeError(error) };
  }
}

export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? "failed";
}
