/**
 * The Article Extraction Benchmark (`en/aeb/`): `html_gz/<id>.html.gz` (gzip, UTF-8) and
 * `ground-truth.json` = `{id: {articleBody, url}}`. `upstream-output/<name>.json.gz` holds the
 * benchmark's own recorded predictions (`{output: {id: {articleBody}}, version}`), which let us check that
 * our scorer reproduces the published rows.
 */
import { existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { CorpusError, join, naturalOrder, readBytes, readJson, requireDir } from "./corpus-files.js";
import type { EvalCase, EvalSetData } from "./eval-case.js";

interface AebEntry {
  articleBody?: string;
  url?: string;
}

function readGroundTruth(dir: string): Record<string, AebEntry> {
  const path = join(dir, "ground-truth.json");
  const data = readJson(path);
  if (typeof data !== "object" || data === null)
    throw new CorpusError(`${path}: expected an object of pages`);
  return data as Record<string, AebEntry>;
}

/** The AEB page id of a case file (`html_gz/<id>.html.gz`). */
export function aebIdOf(file: string): string {
  return file.replace(/^html_gz\//, "").replace(/\.html\.gz$/, "");
}

export function readAeb(dir: string): EvalSetData {
  requireDir(dir);
  const truth = readGroundTruth(dir);
  const cases: EvalCase[] = Object.keys(truth)
    .sort(naturalOrder)
    .map((id) => {
      const entry = truth[id] ?? {};
      const file = `html_gz/${id}.html.gz`;
      return {
        file,
        url: entry.url ?? `http://corpus.local/aeb/${id}`,
        body: gunzipSync(readBytes(join(dir, file))),
        gold: { body: entry.articleBody ?? "" },
      };
    });
  return { lang: "en", cases, notes: [] };
}

/** One upstream extractor's recorded output: its version and `{id → articleBody}`. */
export interface UpstreamOutput {
  name: string;
  version: string;
  bodies: Map<string, string>;
}

/** The recorded upstream predictions present in `upstream-output/` (for the scorer check). */
export function readAebUpstream(dir: string, names: readonly string[]): UpstreamOutput[] {
  const outputs: UpstreamOutput[] = [];
  for (const name of names) {
    const path = join(dir, "upstream-output", `${name}.json.gz`);
    if (!existsSync(path)) continue;
    let data: { output?: Record<string, AebEntry>; version?: string };
    try {
      data = JSON.parse(gunzipSync(readBytes(path)).toString("utf8"));
    } catch (error) {
      throw new CorpusError(`${path}: not gzip JSON (${(error as Error).message.split("\n")[0]})`);
    }
    const bodies = new Map(
      Object.entries(data.output ?? {}).map(([id, entry]) => [id, entry.articleBody ?? ""]),
    );
    outputs.push({ name, version: data.version ?? "?", bodies });
  }
  return outputs;
}

/** The AEB ids with their gold bodies, in the same order as `readAeb` (without reading any HTML). */
export function readAebGold(dir: string): Map<string, string> {
  const truth = readGroundTruth(dir);
  return new Map(
    Object.keys(truth)
      .sort(naturalOrder)
      .map((id) => [id, truth[id]?.articleBody ?? ""]),
  );
}
