/**
 * `caiji runs <job>`: the job's run history from its state folder, newest first: start, end, status,
 * pages, records (new and revised), unchanged articles, errors and the output file. `--json` prints one
 * JSON object per run instead, for scripts. A run whose process died without a word shows as `killed`.
 */
import type { Command } from "commander";
import { loadConfig } from "../config/load-config.js";
import { formatDuration, formatTime } from "../schedule/log-format.js";
import { type RunEntry, RunHistory } from "../schedule/run-history.js";
import { jobNamed } from "./run.js";

interface RunsFlags {
  config?: string;
  state?: string;
  limit: string;
  json?: boolean;
}

export function registerRuns(program: Command): void {
  program
    .command("runs")
    .description("list a job's runs: start, end, status, pages, records, errors")
    .argument("<job>", "job name, as in the config file's `jobs`")
    .option("--config <file>", "config file (default: ./caiji.config.ts, else ./caiji.config.json)")
    .option("--state <dir>", "the job's state folder, if not the config's")
    .option("--limit <n>", "newest runs to show", "20")
    .option("--json", "one JSON object per run")
    .action(async (name: string, flags: RunsFlags) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit <= 0)
        throw new Error(`--limit needs a whole number, got "${flags.limit}"`);
      const state =
        flags.state ?? jobNamed(await loadConfig({ file: flags.config }), name).state ?? `.state/${name}`;
      const history = RunHistory.open(state);
      let runs: RunEntry[];
      try {
        runs = history.list(limit);
      } finally {
        history.close();
      }
      if (flags.json) {
        for (const run of runs) process.stdout.write(`${JSON.stringify(jsonOf(run))}\n`);
        return;
      }
      process.stdout.write(
        runs.length === 0 ? `no runs of ${name} yet (state: ${state})\n` : formatRuns(runs),
      );
    });
}

/** The history as an aligned table. */
export function formatRuns(runs: readonly RunEntry[]): string {
  const header = [
    "run",
    "started",
    "took",
    "status",
    "pages",
    "records",
    "new",
    "revised",
    "unchanged",
    "errors",
    "out",
  ];
  const rows = runs.map((run) => [
    `#${run.id}`,
    formatTime(run.startedAt),
    run.endedAt === null ? "-" : formatDuration(run.endedAt - run.startedAt),
    run.status === "failed" && run.message ? `failed: ${run.message}` : run.status,
    String(run.pages),
    String(run.records),
    String(run.newRecords),
    String(run.revised),
    String(run.unchanged),
    String(run.errors),
    run.out ?? "-",
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}

function jsonOf(run: RunEntry) {
  return {
    ...run,
    startedAt: new Date(run.startedAt).toISOString(),
    endedAt: run.endedAt === null ? null : new Date(run.endedAt).toISOString(),
  };
}
