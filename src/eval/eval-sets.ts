/**
 * The sets `caiji eval` knows, where each lives under the corpus root, and how the command-line name
 * (`cwced`, `meta/htmldate`, `meta`, `all`) maps to them.
 */
import { CorpusError, join, requireDir } from "./corpus-files.js";
import type { EvalSetData } from "./eval-case.js";
import { readAeb } from "./read-aeb.js";
import { readCleanEval } from "./read-cleaneval.js";
import { readCwced } from "./read-cwced.js";
import { readGne } from "./read-gne.js";
import { readMetaHtmldate, readMetaReadability, readMetaTrafilatura } from "./read-meta.js";

export interface EvalSetSpec {
  id: string;
  /** Folder under the corpus root. */
  folder: string;
  /** One line for the table header. */
  description: string;
  /** The gold was produced by the baseline itself (Readability's own test expectations). */
  goldIsBaselineOutput?: boolean;
  read(dir: string): EvalSetData;
}

export const evalSets: readonly EvalSetSpec[] = [
  {
    id: "cwced",
    folder: "zh/cwced",
    description: "Chinese web pages, hand-copied body, authors, date",
    read: readCwced,
  },
  {
    id: "cleaneval",
    folder: "zh/cleaneval",
    description: "CleanEval 2007 zh, official body gold",
    read: readCleanEval,
  },
  { id: "gne", folder: "zh/gne", description: "Chinese news pages, our field labels", read: readGne },
  { id: "aeb", folder: "en/aeb", description: "Article Extraction Benchmark, English bodies", read: readAeb },
  {
    id: "meta/readability",
    folder: "zh/meta/readability",
    description: "Readability's Chinese test pages: its expected title and byline",
    goldIsBaselineOutput: true,
    read: readMetaReadability,
  },
  {
    id: "meta/trafilatura",
    folder: "zh/meta/trafilatura",
    description: "trafilatura's Chinese eval pages: title, author, date, with/without",
    read: readMetaTrafilatura,
  },
  {
    id: "meta/htmldate",
    folder: "zh/meta/htmldate",
    description: "htmldate's Chinese pages: date",
    read: readMetaHtmldate,
  },
];

/** A set name the command does not know; the CLI prints the message on one line. */
export class UnknownSetError extends Error {
  override name = "UnknownSetError";
  constructor(name: string) {
    super(`unknown set "${name}" (known: ${[...evalSets.map((set) => set.id), "meta", "all"].join(", ")})`);
  }
}

/** The sets a command-line name stands for, in table order. */
export function resolveSets(name: string): EvalSetSpec[] {
  if (name === "all") return [...evalSets];
  if (name === "meta") return evalSets.filter((set) => set.id.startsWith("meta/"));
  const set = evalSets.find((candidate) => candidate.id === name);
  if (!set) throw new UnknownSetError(name);
  return [set];
}

/** Reads a set from the corpus root; a missing root or set folder is a one-line `CorpusError`. */
export function readSet(spec: EvalSetSpec, corpusRoot: string): EvalSetData {
  requireDir(corpusRoot);
  const dir = join(corpusRoot, spec.folder);
  try {
    requireDir(dir);
  } catch {
    throw new CorpusError(`set ${spec.id}: folder ${spec.folder} not found under ${corpusRoot}`);
  }
  return spec.read(dir);
}
