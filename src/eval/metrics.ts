/**
 * The figures a run reports, in table order, each with the one-line definition that `docs/quality.md`
 * prints beside the tables. A metric is reported for a set only when some page of the set is labelled
 * for it.
 */

export type MetricKey =
  | "bodyF1"
  | "bodyPrecision"
  | "bodyRecall"
  | "title"
  | "published"
  | "authors"
  | "source"
  | "views"
  | "mustContain"
  | "mustNotContain"
  | "bodyStart"
  | "bodyEnd";

export interface MetricDefinition {
  key: MetricKey;
  label: string;
  /** How the figure is computed, for the docs. */
  definition: string;
}

export const metricDefinitions: readonly MetricDefinition[] = [
  {
    key: "bodyF1",
    label: "body F1",
    definition: "2PR/(P+R) from the page-averaged shingle precision P and recall R below (AEB's formula).",
  },
  {
    key: "bodyPrecision",
    label: "body precision",
    definition:
      "4-gram shingles as multisets, per page tp/(tp+fp) after normalising tp+fp+fn to 1, averaged over pages with a non-empty prediction.",
  },
  {
    key: "bodyRecall",
    label: "body recall",
    definition: "per page tp/(tp+fn) on the same shingles, averaged over pages with a non-empty gold body.",
  },
  {
    key: "title",
    label: "title",
    definition:
      "share of labelled pages whose title equals the gold after NFKC, lower-casing and removing whitespace, punctuation and symbols.",
  },
  {
    key: "published",
    label: "publishedAt",
    definition:
      "share of labelled pages whose date agrees with every part the gold states (same day; same minute when the gold has a time; offsets aligned when both sides state one); a page labelled as showing no date needs no date.",
  },
  {
    key: "authors",
    label: "authors",
    definition:
      "share of labelled pages whose set of author names equals the gold set (names split on spaces, 、 , ; / |, bracketed asides dropped, normalised like titles); no author = empty set.",
  },
  {
    key: "source",
    label: "source",
    definition: "share of labelled pages whose 来源 equals the gold, normalised like titles; none = null.",
  },
  {
    key: "views",
    label: "views",
    definition: "share of labelled pages with the exact view count (or none when the page shows none).",
  },
  {
    key: "mustContain",
    label: "must-contain",
    definition:
      "share of gold body snippets found in the body (NFKC, whitespace removed on both sides), counted per snippet.",
  },
  {
    key: "mustNotContain",
    label: "must-not-contain",
    definition: "share of boilerplate snippets absent from the body (same matching), counted per snippet.",
  },
  {
    key: "bodyStart",
    label: "body starts right",
    definition:
      "share of pages whose body opens with the gold's first characters (nothing kept above the article).",
  },
  {
    key: "bodyEnd",
    label: "body ends right",
    definition:
      "share of pages whose body closes with the gold's last characters (nothing kept below the article).",
  },
];

/** The goals: a minimum per set and metric (besides "every figure at least the baseline's"). */
export interface Goal {
  set: string;
  metric: MetricKey;
  min: number;
}

export const goals: readonly Goal[] = [
  { set: "cwced", metric: "bodyF1", min: 0.95 },
  { set: "cleaneval", metric: "bodyF1", min: 0.95 },
  { set: "gne", metric: "title", min: 0.98 },
  { set: "gne", metric: "published", min: 0.97 },
  { set: "gne", metric: "authors", min: 0.93 },
  { set: "gne", metric: "source", min: 0.9 },
  { set: "gne", metric: "views", min: 0.97 },
  { set: "gne", metric: "mustContain", min: 0.97 },
  { set: "gne", metric: "mustNotContain", min: 0.97 },
  { set: "aeb", metric: "bodyF1", min: 0.97 },
];

export function goalFor(set: string, metric: MetricKey): Goal | undefined {
  return goals.find((goal) => goal.set === set && goal.metric === metric);
}
