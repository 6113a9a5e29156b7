/**
 * `npm run bench`: caiji's benchmark suite. Runs each section in a child process of its own, prints a table
 * per section with every goal marked ✓ or ✗ beside its figure, and rewrites that section's figures in
 * docs/performance.md (the hand-written analysis around them stays). Timing goals live here, never in tests.
 *
 *   npm run bench [-- --corpus ../shared/corpus] [--only extract|memory|crawl|frontier|render[,…]] [--quick]
 *                 [--doc docs/performance.md | --no-doc]
 *
 * Sections: extract (pages/s and per-stage time on the corpus sets, against plain Readability on jsdom),
 * memory (RSS over a long extraction run), crawl (many local hosts, politeness off and on), frontier (the
 * SQLite queue with a million URLs), render (pages/s with one browser).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { SectionResult } from "./measure.js";
import { consoleReport, updateDoc } from "./report.js";
import { type SectionName, sectionNames } from "./sections.js";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: "../shared/corpus" },
    only: { type: "string" },
    quick: { type: "boolean", default: false },
    doc: { type: "string", default: "docs/performance.md" },
    "no-doc": { type: "boolean", default: false },
  },
});

const selected = (values.only?.split(",").map((name) => name.trim()) ?? [...sectionNames]) as SectionName[];
for (const name of selected) {
  if (!sectionNames.includes(name)) {
    console.error(`--only: unknown section "${name}" (known: ${sectionNames.join(", ")})`);
    process.exit(1);
  }
}
const corpus = resolve(values.corpus ?? "../shared/corpus");
if (selected.some((name) => name === "extract" || name === "memory") && !existsSync(corpus)) {
  console.error(`--corpus: folder not found: ${corpus} (the extraction sections read the shared corpus)`);
  process.exit(1);
}

const here = dirname(fileURLToPath(import.meta.url));
const jitiCli = join(
  dirname(createRequire(import.meta.url).resolve("jiti/package.json")),
  "lib",
  "jiti-cli.mjs",
);
const scratch = mkdtempSync(join(tmpdir(), "caiji-bench-"));
const runLine = `npm run bench --${values.only ? ` --only ${values.only}` : ""}${values.quick ? " --quick" : ""}`;
const docPath = values.doc ?? "docs/performance.md";
let failed = false;

try {
  for (const name of selected) {
    const resultPath = join(scratch, `${name}.json`);
    const args = [jitiCli, join(here, "section-main.ts"), name, "--corpus", corpus, "--result", resultPath];
    if (values.quick) args.push("--quick");
    process.stderr.write(`bench: ${name}…\n`);
    const child = spawnSync(process.execPath, ["--expose-gc", ...args], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (child.status !== 0 || !existsSync(resultPath)) {
      console.error(`bench: section ${name} failed (exit ${child.status ?? child.signal})`);
      failed = true;
      continue;
    }
    const result = JSON.parse(readFileSync(resultPath, "utf8")) as SectionResult;
    process.stdout.write(`\n${consoleReport(result)}`);
    if (!values["no-doc"]) {
      const doc = existsSync(docPath) ? readFileSync(docPath, "utf8") : "# Performance\n";
      writeFileSync(docPath, updateDoc(doc, result, runLine));
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (!values["no-doc"]) process.stderr.write(`bench: figures written to ${docPath}\n`);
process.exitCode = failed ? 1 : 0;
