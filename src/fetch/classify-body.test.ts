import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { type BodyKind, classifyBody } from "./classify-body.js";

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(
    Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p)))),
  );
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

const pdf = bytes("%PDF-1.7\n%", [0xe2, 0xe3, 0xcf, 0xd3], "\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], "IHDR");
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF", [0]);
const gif = bytes("GIF89a", [1, 0, 1, 0, 0x80, 0, 0]);
const webp = bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ");
const docx = bytes("PK", [3, 4, 0x14, 0, 6, 0], "[Content_Types].xml");
const xls = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const gzip = bytes([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
const article = utf8(
  '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>科创</title></head></html>',
);
const gbkArticle = new Uint8Array(
  iconv.encode('<html><head><meta charset="gbk"></head><body><p>区科技局以实干担当</p></body></html>', "gbk"),
);

interface Case {
  name: string;
  body: Uint8Array;
  contentType?: string | null;
  kind: BodyKind;
}

const cases: Case[] = [
  {
    name: "an HTML page served as text/html",
    body: article,
    contentType: "text/html; charset=utf-8",
    kind: "html",
  },
  {
    name: "a page opening with a form after a comment",
    body: utf8("\r\n<!-- saved from url=(0042)http://example.cn/ -->\r\n<form id=Form1>"),
    kind: "html",
  },
  { name: "a GBK page with no content type", body: gbkArticle, contentType: null, kind: "html" },
  {
    name: "HTML after a BOM, an XML declaration and a comment",
    body: utf8('\uFEFF<?xml version="1.0"?>\n<!-- saved from url=(0042) -->\n<HTML><BODY>x</BODY></HTML>'),
    kind: "html",
  },
  {
    name: "UTF-16LE HTML with a BOM",
    body: iconv.encode("\uFEFF<html><body>科创</body></html>", "utf16le"),
    kind: "html",
  },
  {
    name: "an HTML fragment served as text/html",
    body: utf8("区科技局以实干担当"),
    contentType: "text/html",
    kind: "html",
  },
  { name: "HTML served as text/plain", body: article, contentType: "text/plain", kind: "html" },
  { name: "an HTML error page at an image URL", body: article, contentType: "image/jpeg", kind: "html" },
  { name: "a PDF served as text/html", body: pdf, contentType: "text/html; charset=gb2312", kind: "pdf" },
  { name: "a PDF served as application/pdf", body: pdf, contentType: "application/pdf", kind: "pdf" },
  { name: "a PDF with no content type", body: pdf, kind: "pdf" },
  { name: "a PNG served as text/html", body: png, contentType: "text/html", kind: "image" },
  { name: "a JPEG", body: jpeg, contentType: "image/jpeg", kind: "image" },
  { name: "a GIF with no content type", body: gif, kind: "image" },
  { name: "a WebP", body: webp, contentType: "application/octet-stream", kind: "image" },
  {
    name: "an SVG served as image/svg+xml",
    body: utf8('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    contentType: "image/svg+xml",
    kind: "image",
  },
  { name: "a .docx behind an .html link", body: docx, contentType: "text/html", kind: "binary" },
  { name: "an old .xls", body: xls, contentType: "application/vnd.ms-excel", kind: "binary" },
  { name: "a gzip body the server forgot to label", body: gzip, contentType: "text/html", kind: "binary" },
  {
    name: "unknown bytes with NULs served as text/html",
    body: bytes("abc", [0, 1, 2, 0], "def"),
    contentType: "text/html",
    kind: "binary",
  },
  { name: "an empty body", body: new Uint8Array(0), contentType: "text/html", kind: "empty" },
  { name: "whitespace only", body: utf8(" \r\n\t\u00a0\u3000\n"), contentType: "text/html", kind: "empty" },
  { name: "a BOM and whitespace", body: utf8("\uFEFF\n\n"), kind: "empty" },
  {
    name: "plain text",
    body: utf8("区科技局以实干担当"),
    contentType: "text/plain; charset=utf-8",
    kind: "text",
  },
  { name: "JSON", body: utf8('{"title":"科创"}'), contentType: "application/json", kind: "text" },
  {
    name: "an RSS feed",
    body: utf8('<?xml version="1.0"?><rss version="2.0"></rss>'),
    contentType: "application/rss+xml",
    kind: "text",
  },
  { name: "text with no content type", body: utf8("点燃科创引擎 激活澎湃动力"), kind: "text" },
  {
    name: "an unknown file type with text-like bytes",
    body: utf8("ABCDEF"),
    contentType: "application/x-foo",
    kind: "binary",
  },
];

describe("classifyBody", () => {
  it.each(cases)("$name is $kind", ({ body, contentType, kind }) => {
    expect(classifyBody(body, contentType)).toBe(kind);
  });

  it("tolerates a few control bytes in an HTML page, as ad-server comments carry", () => {
    const separators = Array.from({ length: 12 }, (_, i) => `f${i}\u0002`).join("");
    const page = bytes(
      `<!-- ad-location:${separators} -->\n<html><body><p>abc`,
      [0x1a],
      `def</p>${"<p>Lorem ipsum dolor sit amet.</p>".repeat(40)}</body></html>`,
    );
    expect(classifyBody(page, null)).toBe("html");
  });

  it("calls a body mostly of control bytes binary even without NULs", () => {
    const noise = Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x41 + (i % 26)));
    expect(classifyBody(bytes(noise), "text/html")).toBe("binary");
  });
});
