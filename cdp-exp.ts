import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { readdirSync, readFileSync } from "node:fs";
const N = 60;
const html = `<!doctype html><html><head><meta charset=utf-8><title>t</title></head><body><h1>Hello</h1><p>${"文字".repeat(500)}</p></body></html>`;
const server = createServer((req, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8" }); res.end(html); });
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const port = (server.address() as any).port;
const extra = (process.env.EXTRA ?? "").split(" ").filter(Boolean);
const child = spawn("/usr/lib/chromium/chromium", ["--headless", "--remote-debugging-pipe", "--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync","--disable-back-forward-cache", ...extra, "about:blank"], { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] });
const out = child.stdio[3] as any, inp = child.stdio[4] as any;
let id = 0; const waiting = new Map<number, (v: any) => void>(); const listeners: Array<(m: any) => void> = [];
let buf = "";
inp.on("data", (d: Buffer) => { buf += d.toString(); let i; while ((i = buf.indexOf("\0")) >= 0) { const m = JSON.parse(buf.slice(0, i)); buf = buf.slice(i + 1); if (m.id && waiting.has(m.id)) { waiting.get(m.id)!(m); waiting.delete(m.id); } else for (const l of listeners) l(m); } });
const send = (method: string, params: any = {}, sessionId?: string) => new Promise<any>((r) => { const i = ++id; waiting.set(i, r); out.write(JSON.stringify({ id: i, method, params, ...(sessionId ? { sessionId } : {}) }) + "\0"); });
const targets = await send("Target.getTargets");
const t = targets.result.targetInfos.find((x: any) => x.type === "page");
const { result: { sessionId } } = await send("Target.attachToTarget", { targetId: t.targetId, flatten: true });
await send("Page.enable", {}, sessionId);
const loaded = () => new Promise<void>((r) => { const l = (m: any) => { if (m.method === "Page.loadEventFired" && m.sessionId === sessionId) { listeners.splice(listeners.indexOf(l), 1); r(); } }; listeners.push(l); });
const per: Record<string, number> = {};
function cpu(sign = 0) { let tot = 0; const ty = new Map<number,string>(); const ch = new Map<number, number[]>(); const tk = new Map<number, number>();
  for (const e of readdirSync("/proc")) { if (!/^\d+$/.test(e)) continue; let s; try { s = readFileSync(`/proc/${e}/stat`, "utf8"); } catch { continue; } const f = s.slice(s.lastIndexOf(")") + 2).split(" "); ch.set(+f[1], [...(ch.get(+f[1]) ?? []), +e]); tk.set(+e, (+f[11] + +f[12]) * 10); try { const c = readFileSync(`/proc/${e}/cmdline`, "utf8"); ty.set(+e, (/--type=([a-z-]+)/.exec(c)?.[1] ?? "browser") + (/--utility-sub-type=([a-zA-Z.]+)/.exec(c)?.[1] ?? "")); } catch {} }
  const st = [...(ch.get(process.pid) ?? [])]; for (let p = st.pop(); p !== undefined; p = st.pop()) { tot += tk.get(p) ?? 0; if (sign) per[ty.get(p)!] = (per[ty.get(p)!] ?? 0) + sign * (tk.get(p) ?? 0); st.push(...(ch.get(p) ?? [])); } return tot; }
let l = loaded(); await send("Page.navigate", { url: `http://127.0.0.1:${port}/0` }, sessionId); await l;
const c0 = cpu(-1); const t0 = performance.now();
for (let i = 1; i <= N; i++) { l = loaded(); await send("Page.navigate", { url: `http://127.0.0.1:${port}/${i}` }, sessionId); await l; }
console.log("raw cdp", extra.join(" "), `wall ${((performance.now() - t0) / N).toFixed(1)} chromium cpu ${((cpu(1) - c0) / N).toFixed(1)} ms/page`, Object.entries(per).map(([k,v])=>`${k} ${(v/N).toFixed(1)}`).join(", "));
child.kill(); server.close(); process.exit(0);
