/**
 * What an adapter file gets from `import … from "caiji"` when caiji loads it: `defineAdapter` and its types.
 *
 * The loader maps `caiji` here rather than to the whole public API (`src/index.ts`) on purpose: an adapter
 * runs inside caiji and needs nothing else, and loading the full API a second time through the TypeScript
 * loader (jsdom, Readability, jieba) costs seconds per process, against well under one for this module.
 * Types are the same either way, so an adapter type-checks against the installed package as usual.
 */

export type { Page } from "../fetch/page.js";
export {
  type Adapter,
  type AdapterDefinition,
  defineAdapter,
  type FieldHooks,
  type FieldSpec,
  type HookContext,
  isAdapter,
  type LinkContext,
  type LinkRules,
  type PageKind,
  type PageRules,
  type RenderMode,
  type UrlPattern,
} from "./define-adapter.js";
