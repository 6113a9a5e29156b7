/**
 * Finds, loads and checks the config file. `caiji.config.ts` (or `.mts`, `.js`, `.mjs`) is loaded through
 * jiti, so it needs no build step, and `import { defineConfig } from "caiji"` works in it whether or not caiji
 * is installed where the file lives; `caiji.config.json` is read as plain JSON.
 *
 * Every problem is one `ConfigError` line naming the file and the setting:
 * `caiji.config.ts: jobs.news.schedule.cron: invalid cron expression "* * *": …`.
 *
 * Relative paths in a job (`out`, `errorsOut`, `state`, `adapters`) are read from the config file's folder,
 * so `caiji schedule --config /srv/caiji/caiji.config.ts` means the same from any working directory.
 *
 * @example
 *   const config = await loadConfig({ file: flags.config }); // default: ./caiji.config.ts or ./caiji.config.json
 *   const job = config.jobs.news;
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";
import { configSchema, type JobConfig } from "./config-schema.js";
import { unknownKey } from "./unknown-keys.js";

/** Looked for in the working directory, in this order, when no `--config` is given. */
export const DEFAULT_CONFIG_FILES = [
  "caiji.config.ts",
  "caiji.config.mts",
  "caiji.config.js",
  "caiji.config.mjs",
  "caiji.config.json",
] as const;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export interface LoadedConfig {
  /** Absolute path of the file read. */
  file: string;
  /** The file as messages name it: relative to the working directory when inside it. */
  displayName: string;
  /** Jobs by name, defaults filled in, paths resolved against the file's folder. */
  jobs: Record<string, JobConfig>;
}

export interface LoadConfigOptions {
  /** `--config <file>`; without it the default names are tried in `cwd`. */
  file?: string;
  /** @default process.cwd() */
  cwd?: string;
}

/** What `caiji` means inside a config file: `.ts` from source, `.js` once built. */
const configApi = fileURLToPath(
  new URL(`./define-config${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const file = findConfigFile(options.file, cwd);
  const displayName = display(file, cwd);
  const value = await readConfigValue(file, displayName);
  return { file, displayName, jobs: parseConfig(value, displayName, dirname(file), cwd) };
}

/**
 * Checks a loaded config value and resolves its paths; throws one `ConfigError` line for the first problem.
 * Exported for tests and scripts that build a config in code.
 */
export function parseConfig(
  value: unknown,
  displayName: string,
  configDir: string,
  cwd = process.cwd(),
): Record<string, JobConfig> {
  const unknown = unknownKey(value, configSchema);
  if (unknown) {
    const hint = unknown.suggestion ? ` (did you mean ${unknown.suggestion}?)` : "";
    throw new ConfigError(`${displayName}: ${unknown.path.join(".")}: unknown setting${hint}`);
  }
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "(top level)";
    // A bad record key (a job name) carries its reason one level down.
    const nested = (issue as { issues?: Array<{ message?: string }> } | undefined)?.issues?.[0]?.message;
    throw new ConfigError(`${displayName}: ${where}: ${nested ?? issue?.message ?? "invalid"}`);
  }
  const jobs: Record<string, JobConfig> = {};
  for (const [name, job] of Object.entries(parsed.data.jobs)) {
    const at = (path: string) => resolvePath(path, configDir, cwd);
    jobs[name] = {
      ...job,
      out: at(job.out),
      errorsOut: job.errorsOut === undefined ? undefined : at(job.errorsOut),
      state: at(job.state ?? `.state/${name}`),
      adapters: job.adapters.map(at),
    };
  }
  // The state folder holds a job's queue, lock and history: two jobs in one would lock each other out and
  // mix their histories.
  const owners = new Map<string, string>();
  for (const [name, job] of Object.entries(jobs)) {
    const key = resolve(cwd, job.state as string);
    const other = owners.get(key);
    if (other !== undefined) {
      throw new ConfigError(
        `${displayName}: jobs.${name}.state: "${job.state}" is also job ${other}'s state folder`,
      );
    }
    owners.set(key, name);
  }
  return jobs;
}

function findConfigFile(file: string | undefined, cwd: string): string {
  if (file !== undefined) {
    const path = resolve(cwd, file);
    if (!existsSync(path)) throw new ConfigError(`${file}: no such config file`);
    return path;
  }
  for (const name of DEFAULT_CONFIG_FILES) {
    const path = join(cwd, name);
    if (existsSync(path)) return path;
  }
  throw new ConfigError(
    `no config file: looked for caiji.config.ts and caiji.config.json in ${cwd} (or pass --config <file>)`,
  );
}

async function readConfigValue(file: string, displayName: string): Promise<unknown> {
  if (file.endsWith(".json")) {
    try {
      return JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new ConfigError(`${displayName}: not valid JSON: ${firstLine(error)}`);
    }
  }
  const jiti = createJiti(import.meta.url, {
    alias: { caiji: configApi },
    // Read afresh each time: `caiji schedule` reloads nothing, but tests and scripts may load an edited file.
    moduleCache: false,
    fsCache: true,
    interopDefault: true,
  });
  let module: Record<string, unknown>;
  try {
    module = await jiti.import<Record<string, unknown>>(file);
  } catch (error) {
    throw new ConfigError(`${displayName}: cannot load: ${firstLine(error)}`);
  }
  // `in`, not a read: with interopDefault, reading `default` of a module without one gives the module.
  const exported = "default" in module ? module.default : undefined;
  if (typeof exported !== "object" || exported === null) {
    throw new ConfigError(
      `${displayName}: no config exported (write \`export default defineConfig({ jobs: { … } })\`)`,
    );
  }
  return exported;
}

function resolvePath(path: string, configDir: string, cwd: string): string {
  if (isAbsolute(path)) return path;
  const absolute = resolve(configDir, path);
  const rel = relative(cwd, absolute);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : absolute;
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

function firstLine(error: unknown): string {
  return ((error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "").trim();
}
