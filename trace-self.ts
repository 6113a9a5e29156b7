import { readFileSync } from "node:fs";
const N = 20;
const trace = JSON.parse(readFileSync("/tmp/exp/trace.json", "utf8"));
const events = trace.traceEvents as any[];
const names = new Map<string, string>(); const pnames = new Map<number, string>();
for (const e of events) { if (e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args.name); if (e.name === "process_name") pnames.set(e.pid, e.args.name); }
const want = process.argv[2] ?? "Browser/CrBrowserMain";
const self = new Map<string, number>();
const byThread = new Map<string, any[]>();
for (const e of events) if (e.ph === "X" && e.dur !== undefined) { const t = `${pnames.get(e.pid)}/${names.get(`${e.pid}:${e.tid}`)}`; if (t === want) byThread.set("x", [...(byThread.get("x") ?? []), e]); }
const evs = (byThread.get("x") ?? []).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const stack: any[] = [];
for (const e of evs) {
  while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
  const d = (e.tdur ?? e.dur) / 1000;
  const parent = stack[stack.length - 1];
  const pathName = (parent ? parent.name + " > " : "") + e.name + (e.args?.src_func ? `(${e.args.src_func})` : "");
  self.set(pathName, (self.get(pathName) ?? 0) + d);
  if (parent) { const pp = (stack.length > 1 ? stack[stack.length - 2].name + " > " : "") + parent.name + (parent.args?.src_func ? `(${parent.args.src_func})` : ""); self.set(pp, (self.get(pp) ?? 0) - d); }
  stack.push(e);
}
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${(v / N).toFixed(2).padStart(6)} ${k}`).join("\n"));
