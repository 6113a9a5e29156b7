/**
 * Every adapter contract in `fixtures/adapters/` as part of `npm test` (the same check as
 * `caiji adapter test`), with the adapters of `crawlers/` loaded the way the CLI loads them: through jiti,
 * from source, with the `caiji` import alias.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { AdapterLoadFailure } from "../../src/adapters/adapter-error.js";
import { AdapterRegistry } from "../../src/adapters/adapter-registry.js";
import { contractAdapters, loadContracts, runContract } from "../../src/adapters/contract.js";
import { formatContractResult } from "../../src/adapters/contract-report.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const contractsDir = `${root}fixtures/adapters`;
const contracts = contractAdapters(contractsDir).flatMap((name) => loadContracts(contractsDir, name));

let registry: AdapterRegistry;
let failures: AdapterLoadFailure[];

beforeAll(async () => {
  ({ registry, failures } = await AdapterRegistry.load({ dirs: ["crawlers"], cwd: root }));
});

describe("adapters in crawlers/", () => {
  it("all load", () => {
    expect(failures.map((failure) => failure.message)).toEqual([]);
  });

  it("each ships with at least one contract", () => {
    const withContracts = new Set(contracts.map((contract) => contract.adapter));
    expect(
      registry
        .list()
        .filter((entry) => !withContracts.has(entry.name))
        .map((entry) => entry.name),
    ).toEqual([]);
  });
});

describe.each(contracts.map((contract) => [`${contract.adapter}/${contract.name}`, contract] as const))(
  "contract %s",
  (_label, contract) => {
    it("passes", () => {
      const result = runContract(registry, contract);
      // The table is the failure message: it says which field is wrong and what came out instead.
      expect(result.passed, formatContractResult(result)).toBe(true);
      expect(result.checks.length).toBeGreaterThan(0);
    });
  },
);

describe("the qinghe fixture site", () => {
  it("is one the generic adapter gets wrong: date and views fail without crawlers/qinghe.ts", () => {
    const contract = contracts.find((c) => c.adapter === "qinghe");
    expect(contract).toBeDefined();
    const generic = runContract(new AdapterRegistry([]), contract as NonNullable<typeof contract>);
    const failed = generic.checks.filter((check) => !check.pass).map((check) => check.field);
    expect(failed).toEqual(expect.arrayContaining(["site", "publishedAt", "views"]));
    expect(generic.passed).toBe(false);
  });
});
