/**
 * `npm run demo`: caiji end to end in one command, without touching the internet. Serves the fixture portal
 * (`fixtures/portal/`) on 127.0.0.1, crawls it with the built `caiji crawl` command exactly as a user would run
 * it, writes `output/demo.jsonl` (fresh each run: the old output and state are removed first), prints the
 * crawl's summary and a line per record, compares the result with the portal's expected records, and stops
 * the server.
 *
 * The built CLI (`dist/cli/main.js`) is used so the demo exercises what `npx caiji` runs; when `dist/` is
 * missing or older than `src/`, it is rebuilt first, and if that build fails the demo runs the sources
 * through jiti instead (and says so).
 *
 * Usage: `npm run demo` (or `npx jiti scripts/demo.ts`).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { portalDir, startFixturePortal } from "./fixture-portal/server.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const out = "output/demo.jsonl";
const errorsOut = "output/demo.errors.jsonl";
const state = ".state/demo";

/** Newest modification time of any file under `dir`, in ms (0 when the folder is missing). */
function newestMtimeMs(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** The command that runs `caiji`: the built CLI, rebuilt when stale, or the sources when the build fails. */
function caijiCommand(): string[] {
  const built = join(root, "dist/cli/main.js");
  const stale = !existsSync(built) || statSync(built).mtimeMs < newestMtimeMs(join(root, "src"));
  if (stale) {
    process.stdout.write("demo: building dist/ (npm run build)…\n");
    const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) {
      process.stdout.write("demo: the build failed; running caiji from src/ through jiti instead\n");
      return [process.execPath, "--import", "jiti/register", join(root, "src/cli/main.ts")];
    }
  }
  return [process.execPath, built];
}

async function main(): Promise<void> {
  for (const path of [out, errorsOut, state]) rmSync(join(root, path), { recursive: true, force: true });
  const [command, ...prefix] = caijiCommand() as [string, ...string[]];
  const portal = await startFixturePortal();
  process.stdout.write(`demo: fixture portal serving on ${portal.url}\n`);
  const args = [...prefix, "crawl", portal.url, "--out", out, "--state", state, "--interval-ms", "200"];
  process.stdout.write(`demo: caiji crawl ${portal.url} --out ${out} --state ${state} --interval-ms 200\n\n`);

  let code: number | null;
  try {
    const child = spawn(command, args, { cwd: root, stdio: "inherit" });
    const stop = () => child.kill("SIGINT");
    process.once("SIGINT", stop);
    code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
    process.off("SIGINT", stop);
  } finally {
    await portal.close();
  }
  if (code !== 0) {
    process.stdout.write(`demo: caiji crawl exited with ${code}\n`);
    process.exitCode = code ?? 1;
    return;
  }
  report(portal.origin);
}

/** One line per record, then how the records compare with the portal's expected set. */
function report(origin: string): void {
  const lines = readFileSync(join(root, out), "utf8").split("\n").filter(Boolean);
  const records = lines.map(
    (line) => JSON.parse(line) as { url: string; title: string | null; publishedAt: string | null },
  );
  process.stdout.write(`\n${out}:\n`);
  for (const record of records) {
    const path = record.url.startsWith(origin) ? record.url.slice(origin.length) : record.url;
    process.stdout.write(
      `  ${(record.publishedAt ?? "—").padEnd(25)} ${record.title ?? "(no title)"}  ${path}\n`,
    );
  }
  const expected = new Set<string>(
    (JSON.parse(readFileSync(join(portalDir, "expected-records.json"), "utf8")) as { articlePaths: string[] })
      .articlePaths,
  );
  const got = records.map((record) => new URL(record.url).pathname);
  const missing = [...expected].filter((path) => !got.includes(path));
  const unexpected = got.filter((path) => !expected.has(path));
  process.stdout.write(
    `\ndemo: ${got.length - unexpected.length}/${expected.size} expected articles` +
      `${missing.length ? `, missing ${missing.join(" ")}` : ""}` +
      `${unexpected.length ? `, unexpected ${unexpected.join(" ")}` : ""}\n`,
  );
  if (missing.length > 0 || unexpected.length > 0) process.exitCode = 1;
  reportErrors();
}

/**
 * The portal's pages link to sections and articles it does not serve (as real portals do) and to a PDF, so
 * the crawl's error count is expected: say what the errors are, so that a first-time user does not take them
 * for a failure of the demo.
 */
function reportErrors(): void {
  const file = join(root, errorsOut);
  if (!existsSync(file)) return;
  const failures = readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { reason: string; referrer?: string });
  if (failures.length === 0) return;
  const byReason = new Map<string, number>();
  for (const { reason } of failures) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  const counts = [...byReason].map(([reason, count]) => `${count} × ${reason}`).join(", ");
  process.stdout.write(
    `demo: ${failures.length} URLs in ${errorsOut} (${counts}): the portal links pages it does not serve and a PDF; ` +
      "each line names the page that linked it (referrer)\n",
  );
}

await main();
