/**
 * The per-field pass/fail table `caiji adapter test` prints: one block per contract, one row per check,
 * the expected value always and the actual one when it differs, so a failing contract says what to fix
 * without opening any file.
 *
 *   sanniu/article  http://www.qinghe-news.cn/news/2023/0110/5821.html
 *     ok    site            "qinghe"
 *     FAIL  views           expected 1523, got null
 */
import type { ContractResult } from "./contract.js";

/** Longest value shown in a row, in characters. */
const MAX_VALUE_CHARS = 70;

export function formatContractResult(result: ContractResult): string {
  const { contract, checks, errors } = result;
  const lines = [
    `${result.passed ? "PASS" : "FAIL"}  ${contract.adapter}/${contract.name}  ${contract.file.url}`,
  ];
  const width = Math.max(12, ...checks.map((c) => c.field.length));
  for (const check of checks) {
    const value = check.pass
      ? show(check.expected)
      : `expected ${show(check.expected)}, got ${show(check.actual)}`;
    lines.push(`  ${check.pass ? "ok  " : "FAIL"}  ${check.field.padEnd(width)}  ${value}`);
  }
  for (const error of errors) lines.push(`  ERROR ${error}`);
  if (checks.length === 0 && errors.length === 0) lines.push("  (the contract states no expectations)");
  return lines.join("\n");
}

export function formatSummary(results: readonly ContractResult[], loadFailures: readonly string[]): string {
  const failed = results.filter((r) => !r.passed).length;
  const checks = results.reduce((sum, r) => sum + r.checks.length, 0);
  const parts = [
    `${results.length} contracts, ${checks} checks: ${results.length - failed} passed, ${failed} failed`,
  ];
  if (loadFailures.length > 0) parts.push(`${loadFailures.length} adapters failed to load`);
  return parts.join("; ");
}

function show(value: unknown): string {
  const text = value === undefined ? "(none)" : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}
