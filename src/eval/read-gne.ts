/**
 * The GNE set (`zh/gne/`): browser-saved news pages from GeneralNewsExtractor's tests, labelled by us in
 * `labels.jsonl` (one JSON object per line, one line per page). Only fields are labelled, not a full
 * body: the body is judged by snippets it must and must not contain and by where it starts and ends.
 * `editor` is recorded in the labels but not scored (caiji has no editor field).
 */
import { z } from "zod";
import { CorpusError, join, readBytes, readText, requireDir, syntheticUrl } from "./corpus-files.js";
import { parseDateParts } from "./date-match.js";
import type { EvalCase, EvalSetData } from "./eval-case.js";

const gneLabelSchema = z.object({
  file: z.string().min(1),
  title: z.string(),
  published: z.string().nullable(),
  author: z.array(z.string()),
  source: z.string().nullable(),
  views: z.number().int().nullable(),
  body_first: z.string().optional(),
  body_last: z.string().optional(),
  must_contain: z.array(z.string()).default([]),
  must_not_contain: z.array(z.string()).default([]),
});

export type GneLabel = z.infer<typeof gneLabelSchema>;

/** Parses `labels.jsonl`; a bad line is a `CorpusError` naming the line. */
export function parseGneLabels(text: string, path = "labels.jsonl"): GneLabel[] {
  const labels: GneLabel[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new CorpusError(`${path}:${index + 1}: not valid JSON`);
    }
    const result = gneLabelSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new CorpusError(`${path}:${index + 1}: ${issue?.path.join(".")} ${issue?.message}`);
    }
    labels.push(result.data);
  });
  return labels;
}

export function readGne(dir: string): EvalSetData {
  requireDir(dir);
  const labels = parseGneLabels(readText(join(dir, "labels.jsonl")), join(dir, "labels.jsonl"));
  const notes: string[] = [];
  const cases: EvalCase[] = labels.map((label) => {
    const caseData: EvalCase = {
      file: label.file,
      url: syntheticUrl("gne", label.file),
      body: readBytes(join(dir, label.file)),
      gold: {
        title: label.title,
        authors: label.author,
        source: label.source,
        views: label.views,
        mustContain: label.must_contain,
        mustNotContain: label.must_not_contain,
      },
    };
    if (label.published === null) {
      caseData.gold.published = null;
      caseData.gold.publishedText = null;
    } else {
      const parts = parseDateParts(label.published);
      if (parts) {
        caseData.gold.published = parts;
        caseData.gold.publishedText = label.published;
      } else {
        notes.push(`${label.file}: gold date "${label.published}" is not a date: date not scored`);
      }
    }
    if (label.body_first) caseData.gold.bodyFirst = label.body_first;
    if (label.body_last) caseData.gold.bodyLast = label.body_last;
    return caseData;
  });
  return { lang: "zh", cases, notes };
}
