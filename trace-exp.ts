import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { chromium } from "playwright";
const html = `<!doctype html><html><head><meta charset=utf-8><title>t</title></head><body><h1>Hello</h1><p>x</p></body></html>`;
const server = createServer((req, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8" }); res.end(html); });
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const port = (server.address() as any).port;
const browser = await chromium.launch({ executablePath: "/usr/lib/chromium/chromium", args: ["--no-sandbox","--disable-gpu"] });
const page = await (await browser.newContext()).newPage();
await page.goto(`http://127.0.0.1:${port}/0`);
await browser.startTracing(page, { path: "/tmp/exp/trace.json", categories: ["toplevel", "disabled-by-default-devtools.timeline", "blink", "v8", "navigation", "loading", "cc", "viz", "gpu", "renderer.scheduler"] });
const N = 20;
for (let i = 1; i <= N; i++) await page.goto(`http://127.0.0.1:${port}/${i}`);
await browser.stopTracing();
await browser.close(); server.close();
const trace = JSON.parse(readFileSync("/tmp/exp/trace.json", "utf8"));
const events = trace.traceEvents as any[];
const names = new Map<string, string>();
for (const e of events) if (e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args.name);
const pnames = new Map<number, string>();
for (const e of events) if (e.name === "process_name") pnames.set(e.pid, e.args.name);
// self CPU time approximations: sum of tdur of top-level X events (depth 0) per thread, and per event name
const byThread = new Map<string, number>(); const byName = new Map<string, number>();
const stacks = new Map<string, number[]>();
const sorted = events.filter((e) => e.ph === "X" && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
for (const e of sorted) {
  const key = `${e.pid}:${e.tid}`; const st = stacks.get(key) ?? []; stacks.set(key, st);
  while (st.length && st[st.length - 1] <= e.ts) st.pop();
  const depth = st.length; st.push(e.ts + e.dur);
  const d = (e.tdur ?? e.dur) / 1000;
  const thread = `${pnames.get(e.pid)}/${names.get(key)}`;
  if (depth === 0) byThread.set(thread, (byThread.get(thread) ?? 0) + d);
  if (depth <= 2) { const k = `${thread} d${depth} ${e.name}`; byName.set(k, (byName.get(k) ?? 0) + d); }
}
console.log([...byThread].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${(v / N).toFixed(1).padStart(6)} ${k}`).join("\n"));
console.log("---");
console.log([...byName].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => `${(v / N).toFixed(1).padStart(6)} ${k}`).join("\n"));
