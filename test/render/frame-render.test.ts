/**
 * What a page's scripts see when rendered in a frame of a host document (`src/fetch/browser-frame.ts`, the
 * default) must be what they see when the tab navigates to it (`frames: false`): every case runs in both.
 * Pages written here; two servers on 127.0.0.1 (two origins) answer the scripts' requests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserFetcher } from "../../src/fetch/browser-fetcher.js";
import type { Page } from "../../src/fetch/page.js";

interface Origin {
  url: string;
  server: Server;
  /** Paths requested, with the cookie header they came with. */
  requests: Array<{ path: string; cookie: string }>;
}

async function startOrigin(): Promise<Origin> {
  const requests: Origin["requests"] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    requests.push({ path, cookie: req.headers.cookie ?? "" });
    if (path.startsWith("/whoami.js")) {
      res.writeHead(200, { "content-type": "application/javascript" });
      res.end(
        `document.getElementById("who").textContent = ${JSON.stringify(req.headers.cookie ?? "none")};`,
      );
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!DOCTYPE html><html><body><p id=out>elsewhere</p></body></html>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

let first: Origin;
let second: Origin;
const fetchers: BrowserFetcher[] = [];

beforeAll(async () => {
  first = await startOrigin();
  second = await startOrigin();
});

afterAll(async () => {
  await Promise.all(fetchers.map((fetcher) => fetcher.close()));
  for (const origin of [first, second]) await new Promise((resolve) => origin.server.close(resolve));
});

function page(
  origin: Origin,
  path: string,
  body: string,
  headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" },
): Page {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
  const url = `${origin.url}${path}`;
  return {
    requestedUrl: url,
    url,
    status: 200,
    headers,
    body: new TextEncoder().encode(html),
    fetchedAt: new Date(),
    rendered: false,
  };
}

async function rendered(fetcher: BrowserFetcher, fetched: Page): Promise<string> {
  const result = await fetcher.render(fetched);
  if (!result.ok) throw new Error(`render failed: ${result.kind}: ${result.reason}`);
  return new TextDecoder().decode(result.page.body);
}

const textOf = (html: string, id: string): string | undefined =>
  new RegExp(`<[a-z]+ id="${id}">([^<]*)<`).exec(html)?.[1];

describe("a site that must not be rendered in a frame (an adapter's renderInFrame: false)", () => {
  it("is navigated to for that render only: its scripts see no parent", async () => {
    const fetcher = new BrowserFetcher({ poolSize: 1 });
    fetchers.push(fetcher);
    const body = `<p id="out"></p><script>document.getElementById("out").textContent = top === self ? "top" : "framed";</script>`;
    const framed = await rendered(fetcher, page(first, "/f1.html", body));
    const result = await fetcher.render(page(first, "/f2.html", body), { frames: false });
    if (!result.ok) throw new Error(result.reason);
    const again = await rendered(fetcher, page(first, "/f3.html", body));
    expect([
      textOf(framed, "out"),
      textOf(new TextDecoder().decode(result.page.body), "out"),
      textOf(again, "out"),
    ]).toEqual(["framed", "top", "framed"]);
  });
});

describe.each([
  { mode: "in a frame", frames: true },
  { mode: "by navigation", frames: false },
])("a page rendered $mode", ({ frames }) => {
  let fetcher: BrowserFetcher;
  beforeAll(() => {
    fetcher = new BrowserFetcher({ frames, poolSize: 1 });
    fetchers.push(fetcher);
  });

  it("starts with a new window: the last page's globals, `let` bindings and timers are gone", async () => {
    const declares = (views: number) =>
      `<p id="out"></p><script>let views = ${views}; const label = "浏览"; var leftover = "set";
       setInterval(function () { document.title = "timer of the page before"; }, 5);
       document.getElementById("out").textContent = label + views + ":" + typeof window.earlier;
       window.earlier = true;</script>`;
    const a = await rendered(fetcher, page(first, "/a.html", declares(11)));
    const b = await rendered(fetcher, page(first, "/b.html", declares(22)));
    expect(textOf(a, "out")).toBe("浏览11:undefined");
    // A page after another would throw on `let views` (already declared) if it shared the window.
    expect(textOf(b, "out")).toBe("浏览22:undefined");
    const after = await rendered(
      fetcher,
      page(
        first,
        "/c.html",
        `<p id="out"></p><script>document.getElementById("out").textContent = typeof leftover + " " + document.title;</script>`,
      ),
    );
    expect(textOf(after, "out")).toBe("undefined t");
  });

  it("has the page's URL as its location and a desktop-sized window", async () => {
    const html = await rendered(
      fetcher,
      page(
        first,
        "/news/12.html?from=list",
        `<p id="where"></p><p id="size"></p><script>
         document.getElementById("where").textContent = location.href + " " + document.URL + " " + new URL("count.php", document.baseURI).pathname;
         document.getElementById("size").textContent = innerWidth >= 800 && innerHeight >= 500 ? "desktop" : innerWidth + "x" + innerHeight;
         </script>`,
      ),
    );
    const url = `${first.url}/news/12.html?from=list`;
    expect(textOf(html, "where")).toBe(`${url} ${url} /news/count.php`);
    expect(textOf(html, "size")).toBe("desktop");
  });

  it("keeps its DOM when a script navigates away or breaks out of frames, and nothing else is fetched", async () => {
    const before = first.requests.length;
    const buster = await rendered(
      fetcher,
      page(
        first,
        "/bust.html",
        `<p id="body">正文第一段</p><p id="views">0</p><script>
         if (top !== self || top.location.href !== self.location.href) top.location = "/framed-elsewhere.html";
         setTimeout(function () { document.getElementById("views").textContent = "1234"; }, 20);
         </script>`,
      ),
    );
    expect(textOf(buster, "body")).toBe("正文第一段");
    expect(textOf(buster, "views")).toBe("1234");
    const redirect = await rendered(
      fetcher,
      page(first, "/go.html", `<p id="out">kept</p><script>location.href = "/mobile/go.html";</script>`),
    );
    expect(textOf(redirect, "out")).toBe("kept");
    // Breaking out by emptying the parent (here: the host, its frame included) leaves the page as it was.
    const emptier = await rendered(
      fetcher,
      page(
        first,
        "/empty-parent.html",
        `<p id="out">正文</p><script>if (window.top !== window) window.top.document.body.innerHTML = "";</script>`,
      ),
    );
    expect(textOf(emptier, "out")).toBe("正文");
    expect(first.requests.slice(before).map((request) => request.path)).toEqual([]);
  });

  it("sends the cookies the page's response set with the page's own requests, HttpOnly ones too", async () => {
    const html = await rendered(
      fetcher,
      page(
        first,
        "/cookies.html",
        `<p id="who"></p><p id="seen"></p><script src="/whoami.js"></script><script>document.getElementById("seen").textContent = document.cookie;</script>`,
        {
          "content-type": "text/html; charset=utf-8",
          "set-cookie": `sid=abc${frames ? 1 : 2}; Path=/, token=t-${frames ? 1 : 2}; Path=/; HttpOnly; Expires=Wed, 21 Oct 2037 07:28:00 GMT`,
        },
      ),
    );
    const sent = textOf(html, "who") ?? "";
    expect(sent).toContain(`sid=abc${frames ? 1 : 2}`);
    expect(sent).toContain(`token=t-${frames ? 1 : 2}`);
    expect(textOf(html, "seen")).toBe(`sid=abc${frames ? 1 : 2}`);
  });

  it("renders pages of two origins in turn, each at its own origin", async () => {
    const where = `<p id="host"></p><script>document.getElementById("host").textContent = location.origin + " " + document.domain;</script>`;
    for (const origin of [second, first, second]) {
      const html = await rendered(fetcher, page(origin, "/host.html", where));
      expect(textOf(html, "host")).toBe(`${origin.url} 127.0.0.1`);
    }
  });

  it("renders XHTML served as XML (by navigation: a frame cannot be written with it)", async () => {
    const xhtml =
      '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head>' +
      '<body><p id="out">static</p><script>document.getElementById("out").textContent = "scripted";</script></body></html>';
    const fetched: Page = {
      ...page(first, "/x.xhtml", ""),
      headers: { "content-type": "application/xhtml+xml; charset=utf-8" },
      body: new TextEncoder().encode(xhtml),
    };
    expect(textOf(await rendered(fetcher, fetched), "out")).toBe("scripted");
  });
});
