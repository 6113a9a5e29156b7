import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { extractCanonicalUrl } from "./canonical-url.js";

const ctx = { url: "https://news.example.cn/a/1.html?from=timeline#top", defaultOffset: "+08:00" };

function canonicalOf(head: string): string | null {
  const { document, dispose } = parseHtml(
    `<html><head>${head}</head><body><p>正文</p></body></html>`,
    ctx.url,
  );
  try {
    return extractCanonicalUrl(document, ctx);
  } finally {
    dispose();
  }
}

describe("extractCanonicalUrl", () => {
  test.each([
    [
      "absolute link rel=canonical",
      `<link rel="canonical" href="https://news.example.cn/a/1.html">`,
      "https://news.example.cn/a/1.html",
    ],
    [
      "relative canonical resolved against the page URL",
      `<link rel="canonical" href="/a/1.html">`,
      "https://news.example.cn/a/1.html",
    ],
    [
      "rel with several tokens and upper case",
      `<link rel="Canonical alternate" href="https://m.example.cn/1">`,
      "https://m.example.cn/1",
    ],
    [
      "og:url when there is no link",
      `<meta property="og:url" content="https://news.example.cn/a/1.html">`,
      "https://news.example.cn/a/1.html",
    ],
    [
      "link wins over og:url",
      `<meta property="og:url" content="https://b.example.cn/"><link rel="canonical" href="https://a.example.cn/">`,
      "https://a.example.cn/",
    ],
    [
      "fragment dropped",
      `<link rel="canonical" href="https://news.example.cn/a/1.html#comments">`,
      "https://news.example.cn/a/1.html",
    ],
    ["javascript: is no canonical", `<link rel="canonical" href="javascript:void(0)">`, null],
    [
      "empty href falls through to og:url",
      `<link rel="canonical" href=" "><meta property="og:url" content="/x">`,
      "https://news.example.cn/x",
    ],
    ["none declared", "", null],
  ])("%s", (_name, head, expected) => {
    expect(canonicalOf(head)).toBe(expected);
  });
});
