/**
 * caiji's public API: what `import … from "caiji"` gives a user's site adapter or script. Adapters need
 * only `defineAdapter` and its types; the rest is here for scripts that extract pages or load adapters
 * themselves. Anything not exported here is internal and may change.
 *
 * @example
 * import { defineAdapter } from "caiji";
 * export default defineAdapter({ name: "example-news", hosts: ["news.example.cn"], fields: { views: "span.num" } });
 */
// The adapter API is the one an adapter file gets when caiji loads it: one list, so the two never drift.
export * from "./adapters/adapter-api.js";
export { AdapterError, type AdapterLoadFailure } from "./adapters/adapter-error.js";
export { AdapterRegistry, type AdapterSummary } from "./adapters/adapter-registry.js";
export type { AdapterLink, ResolvedAdapter } from "./adapters/resolved-adapter.js";
export { type CaijiConfig, type CaijiJob, defineConfig } from "./config/define-config.js";
export { ExtractError, type ExtractOptions, extractRecord } from "./extract/extract-record.js";
export { type ParsedDocument, parseHtml } from "./extract/parse-html.js";
export { type ArticleRecord, articleRecordSchema } from "./output/record-schema.js";
