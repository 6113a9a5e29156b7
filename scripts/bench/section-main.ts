/**
 * Runs one benchmark section in this process and writes its result as JSON to `--result`. `run.ts` starts
 * each section in a child process of its own, so that one section's heap, JIT state and peak memory never
 * count against another's (the frontier's million URLs would otherwise sit under the memory figures).
 *
 *   npx jiti scripts/bench/section-main.ts extract --corpus ../shared/corpus --result /tmp/extract.json [--quick]
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { SectionResult } from "./measure.js";
import { type SectionName, sectionNames } from "./sections.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: "string", default: "../shared/corpus" },
    result: { type: "string" },
    quick: { type: "boolean", default: false },
  },
});
const name = positionals[0] as SectionName;
if (!sectionNames.includes(name))
  throw new Error(`unknown section "${name}" (known: ${sectionNames.join(", ")})`);

const options = { corpus: values.corpus ?? "../shared/corpus", quick: values.quick ?? false };
let result: SectionResult;
switch (name) {
  case "extract":
    result = await (await import("./extract-bench.js")).runExtractBench(options);
    break;
  case "crawl":
    result = await (await import("./crawl-bench.js")).runCrawlBench(options);
    break;
  case "frontier":
    result = await (await import("./frontier-bench.js")).runFrontierBench(options);
    break;
  case "render":
    result = await (await import("./render-bench.js")).runRenderBench(options);
    break;
  case "memory":
    result = await (await import("./memory-bench.js")).runMemoryBench(options);
    break;
}
const json = JSON.stringify(result);
if (values.result) writeFileSync(values.result, json);
else process.stdout.write(`${json}\n`);
// Sections may leave servers, browsers or worker pools behind on failure; the result is written.
process.exit(0);
