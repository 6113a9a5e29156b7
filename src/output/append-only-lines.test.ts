import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AppendOnlyLines, scanLines, truncateTornTail } from "./append-only-lines.js";

const tempDirs: string[] = [];
function tempFile(name = "out.jsonl"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caiji-lines-"));
  tempDirs.push(dir);
  return path.join(dir, name);
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function linesOf(file: string): string[] {
  const lines: string[] = [];
  scanLines(file, (line) => lines.push(line.toString("utf8")));
  return lines;
}

describe("truncateTornTail", () => {
  it.each([
    ["a whole file", "a\nb\n", "a\nb\n", 0],
    ["a torn last line", 'a\nb\n{"url":"ht', "a\nb\n", 10],
    ["a file that is one torn line", '{"url', "", 5],
    ["an empty file", "", "", 0],
  ])("leaves %s with whole lines only", (_name, content, expected, cut) => {
    const file = tempFile();
    fs.writeFileSync(file, content);
    expect(truncateTornTail(file)).toBe(cut);
    expect(fs.readFileSync(file, "utf8")).toBe(expected);
  });

  it("finds the last newline even when the torn line is longer than a read chunk", () => {
    const file = tempFile();
    const torn = "x".repeat(2.5 * 1024 * 1024);
    fs.writeFileSync(file, `first\n${torn}`);
    expect(truncateTornTail(file)).toBe(torn.length);
    expect(fs.readFileSync(file, "utf8")).toBe("first\n");
  });

  it("does nothing for a missing file", () => {
    expect(truncateTornTail(tempFile())).toBe(0);
  });
});

describe("scanLines", () => {
  it("returns whole lines, including ones longer than a chunk with multi-byte characters across its edge", () => {
    const file = tempFile();
    const long = `${"a".repeat(1024 * 1024 - 1)}采集${"b".repeat(10)}`;
    fs.writeFileSync(file, `短行\n${long}\n\nlast\nunfinished`);
    expect(linesOf(file)).toEqual(["短行", long, "", "last"]);
  });

  it("returns nothing for a missing file", () => {
    expect(linesOf(tempFile())).toEqual([]);
  });
});

describe("AppendOnlyLines", () => {
  it("appends whole lines to what is there, after cutting a torn tail", () => {
    const file = tempFile(path.join("nested", "out.jsonl"));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"n":1}\n{"n":');
    const lines = new AppendOnlyLines(file);
    expect(lines.tornBytes).toBe(5);
    lines.append('{"n":2}');
    lines.append('{"n":"三"}');
    lines.close();
    lines.close();
    expect(fs.readFileSync(file, "utf8")).toBe('{"n":1}\n{"n":2}\n{"n":"三"}\n');
  });

  it("creates missing folders", () => {
    const file = path.join(tempFile(), "..", "a", "b", "out.jsonl");
    const lines = new AppendOnlyLines(file, { syncEachLine: true });
    lines.append("x");
    lines.close();
    expect(fs.readFileSync(file, "utf8")).toBe("x\n");
  });

  it("refuses a line with a newline in it, and writes after close", () => {
    const lines = new AppendOnlyLines(tempFile());
    expect(() => lines.append("a\nb")).toThrow(/newline/);
    lines.close();
    expect(() => lines.append("a")).toThrow(/closed/);
  });
});
