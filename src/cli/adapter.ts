/**
 * `caiji adapter new|test|list` — site adapters from the command line. Thin: flags in, library calls
 * (`src/adapters/`), lines out. Adapters are loaded from `crawlers/` (when it exists) and every
 * `--adapters <dir>`; contracts live in `fixtures/adapters/<name>/<case>/` (or `--fixtures <dir>`).
 *
 *   caiji adapter new qinghe --url http://www.qinghe-news.cn/news/2023/0110/5821.html
 *   caiji adapter test qinghe        # per-field pass/fail table, exit 1 on any failure
 *   caiji adapter list
 */
import { relative } from "node:path";
import type { Command } from "commander";
import type { AdapterLoadFailure } from "../adapters/adapter-error.js";
import { AdapterRegistry } from "../adapters/adapter-registry.js";
import {
  type ContractResult,
  contractAdapters,
  DEFAULT_CONTRACTS_DIR,
  loadContracts,
  runContract,
} from "../adapters/contract.js";
import { formatContractResult, formatSummary } from "../adapters/contract-report.js";
import { samplePageFromFile, scaffoldAdapter } from "../adapters/scaffold.js";
import { HttpFetcher } from "../fetch/http-fetcher.js";
import type { Page } from "../fetch/page.js";

const DEFAULT_ADAPTERS_DIR = "crawlers";

interface LoadFlags {
  adapters: string[];
  fixtures: string;
}

export function registerAdapter(program: Command): void {
  const adapter = program
    .command("adapter")
    .description("site adapters: scaffold, test against saved pages, list");

  adapter
    .command("new")
    .description(
      "write crawlers/<name>.ts (unless it exists), save the sample page and a contract of what caiji extracts today",
    )
    .argument("<name>", "adapter name: lower-case letters, digits and dashes")
    .requiredOption("--url <url-or-file>", "a sample article page: its URL, or a saved HTML file")
    .option("--page-url <url>", "the address of a saved file (default: its canonical link)")
    .option("--case <name>", "name of the contract case", "article")
    .option("--adapters <dir>", "where to write the adapter", DEFAULT_ADAPTERS_DIR)
    .option("--fixtures <dir>", "where contracts live", DEFAULT_CONTRACTS_DIR)
    .option("--force", "replace an existing case (the adapter file is never overwritten)")
    .action(async (name: string, flags: NewFlags) => {
      const page = await samplePage(flags.url, flags.pageUrl);
      const result = await scaffoldAdapter({
        name,
        page,
        adaptersDir: flags.adapters,
        contractsDir: flags.fixtures,
        caseName: flags.case,
        force: flags.force,
      });
      const show = (path: string) => relative(process.cwd(), path);
      const record = result.observation.record;
      process.stdout.write(
        [
          `${result.adapterCreated ? "wrote" : "kept"} ${show(result.adapterFile)}`,
          `saved ${show(result.pageFile)}`,
          `wrote ${show(result.expectedFile)}`,
          record
            ? `  today: title ${JSON.stringify(record.title)}, publishedAt ${record.publishedAt}, views ${record.views}`
            : `  today: no record (${result.observation.problem})`,
          `next: correct the wrong values in ${show(result.expectedFile)}, then add hooks until \`caiji adapter test ${name}\` passes`,
          "",
        ].join("\n"),
      );
    });

  adapter
    .command("test")
    .description("check adapters against their saved pages; per-field table, exit 1 on any failure")
    .argument("[name]", "only this adapter's contracts")
    .option("--adapters <dir>", "also load adapters from this folder (repeatable)", collect, [])
    .option("--fixtures <dir>", "where contracts live", DEFAULT_CONTRACTS_DIR)
    .action(async (name: string | undefined, flags: LoadFlags) => {
      const { registry, failures } = await loadRegistry(flags);
      const names = name ? [name] : contractAdapters(flags.fixtures);
      const relevant = failures.filter((f) => !name || f.adapter === name || f.adapter === "");
      for (const failure of relevant) process.stderr.write(`caiji: ${failure.message}\n`);
      const contracts = names.flatMap((adapterName) => loadContracts(flags.fixtures, adapterName));
      if (!name) {
        const tested = new Set(contracts.map((contract) => contract.adapter));
        for (const entry of registry.list().filter((e) => !tested.has(e.name))) {
          process.stderr.write(
            `caiji: adapter "${entry.name}" has no contract in ${flags.fixtures}/${entry.name}/\n`,
          );
        }
      }
      if (contracts.length === 0) {
        const where = name ? `${flags.fixtures}/${name}/` : `${flags.fixtures}/`;
        throw new Error(
          `no contracts in ${where} (create one with \`caiji adapter new <name> --url <page>\`)`,
        );
      }
      const results = contracts.map((contract) => withLoadFailure(runContract(registry, contract), failures));
      process.stdout.write(`${results.map(formatContractResult).join("\n\n")}\n\n`);
      process.stdout.write(
        `${formatSummary(
          results,
          relevant.map((f) => f.message),
        )}\n`,
      );
      if (results.some((r) => !r.passed) || relevant.length > 0) process.exitCode = 1;
    });

  adapter
    .command("list")
    .description("show the loaded adapters, what they match and their contracts")
    .option("--adapters <dir>", "also load adapters from this folder (repeatable)", collect, [])
    .option("--fixtures <dir>", "where contracts live", DEFAULT_CONTRACTS_DIR)
    .action(async (flags: LoadFlags) => {
      const { registry, failures } = await loadRegistry(flags);
      const rows = registry.list().map((entry) => {
        const owns = [...entry.hosts, ...entry.urls].join(" ");
        const cases = countContracts(flags.fixtures, entry.name);
        return `${entry.name}\t${owns}\t${entry.file ?? ""}\t${cases} contract${cases === 1 ? "" : "s"}`;
      });
      process.stdout.write(
        rows.length > 0 ? `${rows.join("\n")}\n` : "no adapters (every page gets the generic adapter)\n",
      );
      for (const failure of failures) process.stderr.write(`caiji: ${failure.message}\n`);
      if (failures.length > 0) process.exitCode = 1;
    });
}

interface NewFlags {
  url: string;
  pageUrl?: string;
  case: string;
  adapters: string;
  fixtures: string;
  force?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function loadRegistry(
  flags: LoadFlags,
): Promise<{ registry: AdapterRegistry; failures: AdapterLoadFailure[] }> {
  return AdapterRegistry.load({
    dirs: [DEFAULT_ADAPTERS_DIR, ...flags.adapters],
    optionalDirs: [DEFAULT_ADAPTERS_DIR],
  });
}

/** A contract of an adapter that failed to load fails with the load error, naming its page. */
function withLoadFailure(result: ContractResult, failures: readonly AdapterLoadFailure[]): ContractResult {
  const failure = failures.find((f) => f.adapter === result.contract.adapter);
  if (!failure) return result;
  return {
    ...result,
    passed: false,
    errors: [...result.errors, `${failure.message} (page ${result.contract.file.url})`],
  };
}

function countContracts(fixturesDir: string, name: string): number {
  try {
    return loadContracts(fixturesDir, name).length;
  } catch {
    return 0;
  }
}

async function samplePage(input: string, pageUrl: string | undefined): Promise<Page> {
  if (!/^https?:\/\//i.test(input)) return samplePageFromFile(input, pageUrl);
  const fetcher = new HttpFetcher({});
  try {
    const result = await fetcher.fetch(input);
    if (!result.ok) throw new Error(`cannot fetch ${input}: ${result.reason}`);
    return result.page;
  } finally {
    await fetcher.close();
  }
}
