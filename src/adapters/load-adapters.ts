/**
 * Loads site adapters from folders (`crawlers/` and every `--adapters <dir>`), TypeScript included, with no
 * build step: jiti transpiles each file on the fly. A user's adapter writes `import { defineAdapter } from
 * "caiji"`; jiti maps that name to this very package's adapter API (`adapter-api.ts` from source,
 * `adapter-api.js` once built), so it works in a fresh clone, in a project that installed caiji, and in a
 * temp folder with neither.
 *
 * A file that fails (syntax error, a throw at top level, no adapter as default export, a bad definition)
 * becomes an `AdapterLoadFailure` with a one-line message; the other adapters still load.
 *
 * Which files: `*.ts`, `*.mts`, `*.js`, `*.mjs` directly in the folder, except tests (`*.test.*`),
 * declarations (`*.d.ts`) and names starting with `_` or `.` (shared helpers an adapter may import).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";
import { type AdapterLoadFailure, oneLine } from "./adapter-error.js";
import { type Adapter, defineAdapter, isAdapter } from "./define-adapter.js";

export interface LoadedAdapter {
  adapter: Adapter;
  /** The file, relative to the working directory when it is inside it. */
  file: string;
}

export interface LoadResult {
  adapters: LoadedAdapter[];
  failures: AdapterLoadFailure[];
}

export interface LoadAdaptersOptions {
  /** Folders to load; a folder that does not exist is a failure unless it is in `optionalDirs`. */
  dirs: readonly string[];
  /** Folders that may be missing (the default `crawlers/`). */
  optionalDirs?: readonly string[];
  /** @default process.cwd() */
  cwd?: string;
}

const ADAPTER_FILE = /^[^_.][^/]*\.(m?ts|m?js)$/;
const NOT_ADAPTER_FILE = /\.(test|spec)\.[mc]?[jt]s$|\.d\.[mc]?ts$/;

/** What `caiji` means inside an adapter file: `.ts` from source, `.js` once built. */
const adapterApi = fileURLToPath(
  new URL(`./adapter-api${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

export async function loadAdapters(options: LoadAdaptersOptions): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const optional = new Set((options.optionalDirs ?? []).map((dir) => resolve(cwd, dir)));
  const jiti = createJiti(import.meta.url, {
    alias: { caiji: adapterApi },
    // The adapter API is transpiled once and shared by every adapter file; the adapter files themselves
    // are dropped from the cache before each import (see `loadOne`), so an edited adapter is read again.
    moduleCache: true,
    fsCache: true,
    interopDefault: true,
  });
  const result: LoadResult = { adapters: [], failures: [] };
  const seen = new Map<string, string>();
  for (const dir of [...new Set(options.dirs.map((d) => resolve(cwd, d)))]) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      if (!optional.has(dir)) {
        const shown = display(dir, cwd);
        result.failures.push({
          file: shown,
          adapter: "",
          message: `adapters folder ${shown} does not exist`,
        });
      }
      continue;
    }
    for (const name of adapterFiles(dir)) {
      const path = join(dir, name);
      const file = display(path, cwd);
      const loaded = await loadOne(jiti, path, file);
      if ("message" in loaded) {
        result.failures.push(loaded);
        continue;
      }
      const first = seen.get(loaded.adapter.name);
      if (first) {
        result.failures.push({
          file,
          adapter: loaded.adapter.name,
          message: `adapter "${loaded.adapter.name}" in ${file} is already defined in ${first}; ${file} is ignored`,
        });
        continue;
      }
      seen.set(loaded.adapter.name, file);
      result.adapters.push(loaded);
    }
  }
  return result;
}

/** Adapter files of a folder, sorted so that loading (and name clashes) are deterministic. */
export function adapterFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => ADAPTER_FILE.test(name) && !NOT_ADAPTER_FILE.test(name))
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

async function loadOne(
  jiti: ReturnType<typeof createJiti>,
  path: string,
  file: string,
): Promise<LoadedAdapter | AdapterLoadFailure> {
  const fallbackName = basename(path, extname(path));
  const fail = (reason: string): AdapterLoadFailure => ({
    file,
    adapter: fallbackName,
    message: `adapter "${fallbackName}" (${file}) failed to load: ${reason}; its pages get the generic adapter`,
  });
  let exported: unknown;
  try {
    delete jiti.cache[path];
    exported = await jiti.import(path, { default: true });
  } catch (error) {
    return fail(oneLine(error));
  }
  if (isAdapter(exported)) return { adapter: exported, file };
  if (typeof exported === "object" && exported !== null && "name" in exported) {
    // A plain object that was never passed through defineAdapter: check it now, for the same message.
    try {
      return { adapter: defineAdapter(exported as Parameters<typeof defineAdapter>[0]), file };
    } catch (error) {
      return fail(oneLine(error));
    }
  }
  return fail("its default export is not an adapter (write `export default defineAdapter({ ... })`)");
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== "" && !rel.startsWith("..") ? rel : path;
}
