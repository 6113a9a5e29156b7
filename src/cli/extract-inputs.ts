/**
 * What `caiji extract` is given, one item per page: a URL, a file, or a folder of saved pages. A folder is
 * walked lazily, in name order and depth first, so an archive of a million pages is never listed in memory
 * at once and the records come out in the same order on every run.
 */
import { opendir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

/** One page to extract: `path` for a saved file, `url` for a page to fetch. */
export type ExtractInput =
  | { kind: "url"; input: string; url: string }
  | { kind: "file"; input: string; path: string; pageUrl?: string }
  | { kind: "unreadable"; input: string; reason: string };

/** The file endings a folder walk takes as saved pages. */
const PAGE_FILE = /\.(html?|shtml|xhtml|php|aspx?|jsp)$/i;

/**
 * Every page the inputs name, in order. The n-th `--url` goes with the n-th file named on the command line
 * (a folder's files get their file: URL). A missing file is yielded as unreadable, not thrown: one bad input
 * costs one line, the others are still extracted.
 */
export async function* expandInputs(
  inputs: readonly string[],
  urls: readonly string[],
): AsyncGenerator<ExtractInput> {
  let fileIndex = 0;
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      yield { kind: "url", input, url: input };
      continue;
    }
    const path = resolve(input);
    const found = await statKind(path);
    if (found === "dir") {
      yield* walkFolder(path);
    } else if (found === "file") {
      yield { kind: "file", input, path, pageUrl: urls[fileIndex++] };
    } else {
      fileIndex++;
      yield { kind: "unreadable", input, reason: found.reason };
    }
  }
}

async function statKind(path: string): Promise<"file" | "dir" | { reason: string }> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? "dir" : "file";
  } catch (error) {
    return { reason: fileProblem(error) };
  }
}

/** A failed stat or read of an input file, in the words of the one-line error. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory";
  return `cannot read (${code})`;
}

async function* walkFolder(dir: string): AsyncGenerator<ExtractInput> {
  const files: string[] = [];
  const dirs: string[] = [];
  // One folder's names at a time: sorting needs them all, but only this level's.
  for await (const entry of await opendir(dir)) {
    if (entry.name.startsWith(".")) continue;
    if (entry.isDirectory()) dirs.push(entry.name);
    else if (entry.isFile() && PAGE_FILE.test(entry.name)) files.push(entry.name);
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const name of files.sort(byName)) {
    const path = join(dir, name);
    yield { kind: "file", input: path, path };
  }
  for (const name of dirs.sort(byName)) yield* walkFolder(join(dir, name));
}
