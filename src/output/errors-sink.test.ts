import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ErrorsSink, errorsPathFor } from "./errors-sink.js";

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("errorsPathFor", () => {
  it.each([
    ["output/news.jsonl", "output/news.errors.jsonl"],
    ["news.JSONL", "news.errors.jsonl"],
    ["/data/out.json", "/data/out.json.errors.jsonl"],
    ["records", "records.errors.jsonl"],
  ])("%s → %s", (out, expected) => {
    expect(errorsPathFor(out)).toBe(expected);
  });
});

describe("ErrorsSink", () => {
  it("appends one {url, stage, reason, attempts, at} line per failure, after what is there", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caiji-errors-"));
    tempDirs.push(dir);
    const file = errorsPathFor(path.join(dir, "out.jsonl"));
    fs.writeFileSync(file, '{"url":"https://a.example/old","stage":"fetch"}\n{"url":"https://a.exa');
    const sink = new ErrorsSink(file, { now: () => new Date("2023-01-10T02:00:00Z") });
    sink.write({ url: "https://a.example/1", stage: "fetch", reason: "timeout after 30000 ms", attempts: 3 });
    sink.write({
      url: "https://a.example/2",
      referrer: "https://a.example/list.html",
      stage: "extract",
      reason: "no body",
      attempts: 1,
      at: "2023-01-09T00:00:00.000Z",
    });
    expect(sink.written).toBe(2);
    sink.close();

    const lines = fs.readFileSync(file, "utf8").split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      '{"url":"https://a.example/1","stage":"fetch","reason":"timeout after 30000 ms","attempts":3,"at":"2023-01-10T02:00:00.000Z"}',
    );
    expect(JSON.parse(lines[2] ?? "")).toMatchObject({
      referrer: "https://a.example/list.html",
      stage: "extract",
      at: "2023-01-09T00:00:00.000Z",
    });
  });
});
