import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { JsonlSink } from "./jsonl-sink.js";

const tempDirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caiji-sink-"));
  tempDirs.push(dir);
  return path.join(dir, "out.jsonl");
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const record = (url: string, text = "正文", contentHash = "a".repeat(64)) => ({
  url,
  title: "标题",
  text,
  contentHash,
});
const fileLines = (file: string) => fs.readFileSync(file, "utf8").split("\n");

describe("JsonlSink", () => {
  it("writes each record as one JSON line and refuses a second record for the same URL", () => {
    const file = tempFile();
    const sink = new JsonlSink(file);
    expect(sink.existingRecords).toBe(0);
    expect(sink.write(record("https://a.example/1", "第一段\n\n第二段\u2028"))).toBe(true);
    expect(sink.has("https://a.example/1")).toBe(true);
    expect(sink.has("https://A.example/1#top")).toBe(true);
    expect(sink.has("https://a.example/2")).toBe(false);
    expect(sink.write(record("https://a.example/1#again", "changed"))).toBe(false);
    expect(sink.write(record("https://a.example/2"))).toBe(true);
    expect(sink.stats()).toEqual({ written: 2, skippedDuplicates: 1, existing: 0 });
    sink.close();
    const lines = fileLines(file);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(JSON.parse(lines[0] ?? "")).toEqual(record("https://a.example/1", "第一段\n\n第二段\u2028"));
  });

  it("on reopen knows every URL already in the file and never writes it again", () => {
    const file = tempFile();
    const first = new JsonlSink(file);
    for (let i = 0; i < 100; i++) first.write(record(`https://a.example/${i}`));
    first.close();

    const resumed = new JsonlSink(file);
    expect(resumed.existingRecords).toBe(100);
    expect(resumed.has("https://a.example/42")).toBe(true);
    expect(resumed.write(record("https://a.example/42"))).toBe(false);
    expect(resumed.write(record("https://a.example/100"))).toBe(true);
    resumed.close();
    const urls = fileLines(file)
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { url: string }).url);
    expect(urls).toHaveLength(101);
    expect(new Set(urls).size).toBe(101);
  });

  it("cuts a torn last line left by a crash, and the next record starts on its own line", () => {
    const file = tempFile();
    fs.writeFileSync(
      file,
      `${JSON.stringify(record("https://a.example/1"))}\n{"url":"https://a.example/2","te`,
    );
    const sink = new JsonlSink(file);
    expect(sink.tornBytes).toBeGreaterThan(0);
    expect(sink.existingRecords).toBe(1);
    expect(sink.has("https://a.example/2")).toBe(false);
    sink.write(record("https://a.example/2"));
    sink.close();
    const lines = fileLines(file).filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as { url: string }).url)).toEqual([
      "https://a.example/1",
      "https://a.example/2",
    ]);
  });

  it("keeps lines it cannot read, counts them, and still indexes the rest", () => {
    const file = tempFile();
    fs.writeFileSync(
      file,
      `not json\n[1,2]\n{"title":"no url"}\n\n${JSON.stringify(record("https://a.example/1"))}\n`,
    );
    const sink = new JsonlSink(file);
    expect(sink.unreadableLines).toBe(3);
    expect(sink.existingRecords).toBe(1);
    expect(sink.has("https://a.example/1")).toBe(true);
    sink.close();
    expect(fileLines(file)[0]).toBe("not json");
  });

  it("with skipSameContent refuses the same content under another URL, also after reopen", () => {
    const file = tempFile();
    const sink = new JsonlSink(file, { skipSameContent: true });
    expect(sink.write(record("https://a.example/1", "x", "1".repeat(64)))).toBe(true);
    expect(sink.hasContent("1".repeat(64))).toBe(true);
    expect(sink.write(record("https://a.example/print/1", "x", "1".repeat(64)))).toBe(false);
    sink.close();
    const resumed = new JsonlSink(file, { skipSameContent: true });
    expect(resumed.write(record("https://mirror.example/1", "x", "1".repeat(64)))).toBe(false);
    expect(resumed.write(record("https://mirror.example/2", "y", "2".repeat(64)))).toBe(true);
    resumed.close();

    const plain = new JsonlSink(tempFile());
    plain.write(record("https://a.example/1"));
    expect(plain.write(record("https://a.example/2"))).toBe(true);
    plain.close();
  });

  it("leaves only whole lines when the writing process is killed mid-stream", async () => {
    const file = tempFile();
    const modulePath = fileURLToPath(new URL("./jsonl-sink.ts", import.meta.url));
    const script = `
      import { createJiti } from "jiti";
      const { JsonlSink } = await createJiti(process.cwd() + "/").import(${JSON.stringify(modulePath)});
      const sink = new JsonlSink(${JSON.stringify(file)});
      const body = "新闻正文".repeat(50000);
      for (let i = 0; ; i++) {
        sink.write({ url: "https://a.example/" + i, text: body });
        if (i === 3) console.log("writing");
      }
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: path.resolve(path.dirname(modulePath), "../.."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const killed = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("child never started writing")), 30_000);
      child.stdout.once("data", () => {
        setTimeout(() => child.kill("SIGKILL"), 200);
      });
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await killed;

    const sink = new JsonlSink(file);
    expect(sink.existingRecords).toBeGreaterThan(3);
    expect(sink.unreadableLines).toBe(0);
    const next = sink.existingRecords;
    expect(sink.write({ url: `https://a.example/${next}` })).toBe(true);
    expect(sink.write({ url: "https://a.example/0" })).toBe(false);
    sink.close();
    expect(fs.readFileSync(file, "utf8").endsWith("\n")).toBe(true);
  }, 60_000);
});
