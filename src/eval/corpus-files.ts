/**
 * File helpers shared by the set readers. Corpus folders are data from other projects, so every read
 * says which file was wrong when it fails, and a missing folder is one clear line rather than a stack.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** A corpus folder or file that is missing or malformed; the CLI prints its message on one line. */
export class CorpusError extends Error {
  override name = "CorpusError";
}

/** Throws a `CorpusError` unless `dir` is an existing directory. */
export function requireDir(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new CorpusError(`corpus folder not found: ${dir}`);
}

/** A text file as UTF-8 without a byte-order mark; `undefined` when the file does not exist. */
export function readTextIfExists(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  return readFileSync(path, "utf8").replace(/^\uFEFF/, "");
}

/** A text file as UTF-8 without a byte-order mark; a `CorpusError` when it does not exist. */
export function readText(path: string): string {
  const text = readTextIfExists(path);
  if (text === undefined) throw new CorpusError(`corpus file not found: ${path}`);
  return text;
}

export function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorpusError(`${path}: not valid JSON (${(error as Error).message.split("\n")[0]})`);
  }
}

export function readBytes(path: string): Uint8Array {
  if (!existsSync(path)) throw new CorpusError(`corpus file not found: ${path}`);
  return readFileSync(path);
}

/** Names in `dir` ending with `suffix`, sorted so runs and `--limit` are reproducible. */
export function listFiles(dir: string, suffix: string): string[] {
  requireDir(dir);
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort(naturalOrder);
}

/** `2.html` before `10.html`. */
export function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/** The URL given to pages whose set records none: stable, and never a real host. */
export function syntheticUrl(set: string, file: string): string {
  return `http://corpus.local/${set}/${file.split("/").map(encodeURIComponent).join("/")}`;
}

export { join };
