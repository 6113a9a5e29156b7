import { describe, expect, it } from "vitest";
import type { Page } from "../fetch/page.js";
import { PageDocuments } from "./page-documents.js";

function page(html: string | Uint8Array, contentType = "text/html; charset=utf-8"): Page {
  const body = typeof html === "string" ? new TextEncoder().encode(html) : html;
  return {
    requestedUrl: "https://news.example.cn/a/1.html",
    url: "https://news.example.cn/a/1.html",
    status: 200,
    headers: { "content-type": contentType },
    body,
    fetchedAt: new Date(0),
    rendered: false,
  };
}

describe("PageDocuments", () => {
  it("parses a page once for every reader", () => {
    const documents = new PageDocuments();
    const fetched = page("<title>标题</title><p>正文</p>");
    const first = documents.read(fetched);
    expect(documents.read(fetched)).toBe(first);
    expect(first.title).toBe("标题");
  });

  it("hands the document over once: after take, a reader gets a fresh parse", () => {
    const documents = new PageDocuments();
    const fetched = page("<p>正文</p>");
    const read = documents.read(fetched);
    const taken = documents.take(fetched);
    expect(taken.document).toBe(read);
    expect(taken.charset).toBe("utf-8");
    taken.document.body.textContent = "改写";
    expect(documents.read(fetched)).not.toBe(read);
    expect(documents.read(fetched).body.textContent).toBe("正文");
    taken.dispose();
  });

  it("parses again when an adapter forces another charset", () => {
    const documents = new PageDocuments();
    // "新闻" in GBK, served without a charset.
    const fetched = page(new Uint8Array([0xd0, 0xc2, 0xce, 0xc5]), "text/html");
    const detected = documents.read(fetched);
    const forced = documents.take(fetched, "gbk");
    expect(forced.document).not.toBe(detected);
    expect(forced.document.body.textContent).toBe("新闻");
    expect(forced.charset).toMatch(/gb/i);
    forced.dispose();
  });

  it("forgets a released page", () => {
    const documents = new PageDocuments();
    const fetched = page("<p>正文</p>");
    const read = documents.read(fetched);
    documents.release(fetched);
    expect(documents.read(fetched)).not.toBe(read);
  });
});
