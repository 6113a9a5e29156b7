import { createServer } from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import { chromium } from "playwright";
const mode = process.argv[2] ?? "plain";
const N = 60;
const html = `<!doctype html><html><head><meta charset=utf-8><title>t</title></head><body><h1>Hello</h1><p>${(process.env.TXT ?? "文字").repeat(500)}</p></body></html>`;
const server = createServer((req, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8" }); res.end(html); });
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const port = (server.address() as any).port;
function procs() {
  const children = new Map<number, number[]>(); const info = new Map<number, [string, number]>();
  for (const e of readdirSync("/proc")) { if (!/^\d+$/.test(e)) continue; let s; try { s = readFileSync(`/proc/${e}/stat`, "utf8"); } catch { continue; }
    const f = s.slice(s.lastIndexOf(")") + 2).split(" "); const pid = +e; children.set(+f[1], [...(children.get(+f[1]) ?? []), pid]);
    let cmd = "?"; try { const c = readFileSync(`/proc/${e}/cmdline`, "utf8"); cmd = (/--type=([a-z-]+)/.exec(c)?.[1] ?? "browser") + (/--utility-sub-type=([a-zA-Z.]+)/.exec(c)?.[1] ?? ""); } catch {}
    info.set(pid, [cmd, (+f[11] + +f[12]) * 10]); }
  const out = new Map<number, [string, number]>(); const st = [...(children.get(process.pid) ?? [])];
  for (let p = st.pop(); p !== undefined; p = st.pop()) { out.set(p, info.get(p)!); st.push(...(children.get(p) ?? [])); }
  return out;
}
const extraArgs = (process.env.EXTRA ?? "").split(" ").filter(Boolean);
const browser = await chromium.launch({ executablePath: "/usr/lib/chromium/chromium", args: ["--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync", ...extraArgs] });
const ctx = await browser.newContext();
const page = await ctx.newPage();
if (mode.includes("route")) await ctx.route("**/*", (r) => r.fulfill({ status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: html }));
if (mode.includes("init")) await ctx.addInitScript(() => { (window as any).x = 1; });
const url = (i: number) => `http://127.0.0.1:${port}/p${i}.html`;
await page.goto(url(0));
if (mode.includes("setcontent")) await page.goto(url(0));
const before = procs(); const t0 = performance.now(); const c0 = process.cpuUsage();
for (let i = 1; i <= N; i++) {
  if (mode.includes("setcontent")) await page.setContent(html);
  else if (mode.includes("write")) { await page.evaluate(([u, h]) => new Promise<number>((res) => { const f = document.createElement("iframe"); document.body.appendChild(f); const d = f.contentDocument!; d.open(); f.contentWindow!.history.replaceState(null, "", u); f.contentWindow!.addEventListener("load", () => { const n = d.documentElement.outerHTML.length; f.remove(); res(n); }); d.write(h); d.close(); }), [url(i), html]); continue; }
  else if (mode.includes("iframe")) { await page.evaluate((u) => new Promise<number>((res) => { const f = document.createElement("iframe"); f.onload = () => { const n = f.contentDocument!.documentElement.outerHTML.length; f.remove(); res(n); }; f.src = u; document.body.appendChild(f); }), url(i)); continue; }
  else if (mode.includes("cdp")) { /* none */ }
  else await page.goto(url(i), { waitUntil: mode.includes("commit") ? "commit" : mode.includes("dcl") ? "domcontentloaded" : "load" });
  if (mode.includes("eval")) await page.evaluate(() => document.documentElement.outerHTML.length);
}
const wall = performance.now() - t0; const cu = process.cpuUsage(c0); const after = procs();
const per: Record<string, number> = {};
for (const [pid, [cmd, ms]] of after) per[cmd] = (per[cmd] ?? 0) + ms - (before.get(pid)?.[1] ?? 0);
console.log([...before].filter(([,v])=>v[0]==="renderer").map(([p])=>p).join(","), "->", [...after].filter(([,v])=>v[0]==="renderer").map(([p,v])=>p+":"+v[1]).join(","));
console.log(mode, extraArgs.join(" "), `wall ${(wall / N).toFixed(1)} ms/page`, `node ${((cu.user + cu.system) / 1000 / N).toFixed(1)}`, Object.entries(per).map(([k, v]) => `${k} ${(v / N).toFixed(1)}`).join(", "), `procs ${after.size}`);
await browser.close(); server.close();
