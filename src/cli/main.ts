#!/usr/bin/env node
/**
 * The `caiji` command. Each sub-command lives in its own file and registers itself here; this file only
 * wires them up and turns unexpected failures into one line on stderr (no stack traces for users; set
 * CAIJI_DEBUG=1 to see them).
 */
import { Command } from "commander";
import { registerAdapter } from "./adapter.js";
import { registerCrawl } from "./crawl.js";
import { registerEval } from "./eval.js";
import { registerExtract } from "./extract.js";
import { packageVersion } from "./package-version.js";
import { registerRun } from "./run.js";
import { registerRuns } from "./runs.js";
import { registerSchedule } from "./schedule.js";

const program = new Command();
program
  .name("caiji")
  .description("采集 — crawl Chinese news, portal and government sites into clean JSONL records")
  .version(packageVersion())
  .showHelpAfterError("(run with --help for usage)");

registerExtract(program);
registerCrawl(program);
registerEval(program);
registerAdapter(program);
registerRun(program);
registerSchedule(program);
registerRuns(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`caiji: ${message.split("\n")[0]}\n`);
  if (process.env.CAIJI_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
