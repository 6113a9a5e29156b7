import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { charsetFromContentType, charsetFromMeta, decodeHtml, resolveCharset } from "./decode-charset.js";

const paragraph =
  "2022年是党的二十大召开之年，也是滨湖区太湖湾科创带引领区建设的关键之年、突破之年。" +
  "区科技局全面学习贯彻党的二十大精神，坚定不移实施创新驱动核心战略和产业强区主导战略。";
/** Characters outside GB2312 that real "gb2312" pages contain: only GBK/GB18030 decode them. */
const beyondGb2312 = "镕瑢堃";
const latin = "Le café est une boisson très populaire, à Paris comme à Zürich, même l'été. ";
const japanese = "日本語の文字コードを自動で判別するテストです。東京都の天気は晴れでしょう。";
const traditional = "區科技局以實幹擔當奮力書寫科技創新新篇章，點燃科創引擎，激活澎湃動力。";

function page(head: string, body: string): string {
  return `<!DOCTYPE html><html><head>${head}<title>测试</title></head><body><p>${body}</p></body></html>`;
}

const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

interface Case {
  name: string;
  bytes: Uint8Array;
  contentType?: string | null;
  charset: string;
  text: string;
}

const cases: Case[] = [
  {
    name: "GBK with the charset only in the header",
    bytes: iconv.encode(page("", paragraph + beyondGb2312), "gbk"),
    contentType: "text/html; charset=GBK",
    charset: "gb18030",
    text: paragraph + beyondGb2312,
  },
  {
    name: "GBK with the charset only in <meta charset>",
    bytes: iconv.encode(page('<meta charset="gb2312">', paragraph), "gbk"),
    contentType: "text/html",
    charset: "gb18030",
    text: paragraph,
  },
  {
    name: "GBK with an upper-case http-equiv meta after junk",
    bytes: iconv.encode(
      page(
        `<!-- <meta charset="utf-8"> -->${"<script>var x=1;</script>".repeat(40)}` +
          "<META HTTP-EQUIV=Content-Type CONTENT='text/html; CHARSET=GB2312'>",
        paragraph,
      ),
      "gbk",
    ),
    charset: "gb18030",
    text: paragraph,
  },
  {
    name: "GBK with no charset anywhere",
    bytes: iconv.encode(page("", paragraph.repeat(3)), "gbk"),
    contentType: null,
    charset: "gb18030",
    text: paragraph,
  },
  {
    name: "GBK wrongly declared utf-8 in the header and in meta",
    bytes: iconv.encode(page('<meta charset="utf-8">', paragraph.repeat(3)), "gbk"),
    contentType: "text/html; charset=utf-8",
    charset: "gb18030",
    text: paragraph,
  },
  {
    name: "GBK served with a server-default ISO-8859-1 header",
    bytes: iconv.encode(page("", paragraph.repeat(3)), "gbk"),
    contentType: "text/html; charset=ISO-8859-1",
    charset: "gb18030",
    text: paragraph,
  },
  {
    name: "GBK with a wrong utf-8 header but a right meta",
    bytes: iconv.encode(
      page('<meta http-equiv="Content-Type" content="text/html; charset=gbk">', paragraph),
      "gbk",
    ),
    contentType: "text/html; charset=utf-8",
    charset: "gb18030",
    text: paragraph,
  },
  {
    name: "UTF-8 saved page that still declares gb2312",
    bytes: Buffer.from(
      page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', paragraph),
    ),
    charset: "utf-8",
    text: paragraph,
  },
  {
    name: "UTF-8 with a gb2312 header",
    bytes: Buffer.from(page("", paragraph)),
    contentType: "text/html; charset=gb2312",
    charset: "utf-8",
    text: paragraph,
  },
  {
    name: "UTF-8 with no declaration",
    bytes: Buffer.from(page("", paragraph)),
    charset: "utf-8",
    text: paragraph,
  },
  {
    name: "UTF-8 BOM beats a gbk header",
    bytes: concat(new Uint8Array([0xef, 0xbb, 0xbf]), Buffer.from(page("", paragraph))),
    contentType: "text/html; charset=gbk",
    charset: "utf-8",
    text: paragraph,
  },
  {
    name: "UTF-16LE with a BOM",
    bytes: concat(new Uint8Array([0xff, 0xfe]), iconv.encode(page("", paragraph), "utf16le")),
    charset: "utf-16le",
    text: paragraph,
  },
  {
    name: "UTF-16BE with a BOM",
    bytes: concat(new Uint8Array([0xfe, 0xff]), iconv.encode(page("", paragraph), "utf16be")),
    charset: "utf-16be",
    text: paragraph,
  },
  {
    name: "Big5 declared in meta",
    bytes: iconv.encode(page('<meta charset="big5">', traditional), "big5"),
    charset: "big5",
    text: traditional,
  },
  {
    name: "Big5 with no declaration",
    bytes: iconv.encode(page("", traditional.repeat(4)), "big5"),
    charset: "big5",
    text: traditional,
  },
  {
    name: "UTF-8 truncated in the middle of a character by a size cap",
    bytes: Buffer.from(page("", paragraph)).subarray(0, Buffer.byteLength(page("", paragraph)) - 31),
    contentType: "text/html; charset=utf-8",
    charset: "utf-8",
    text: paragraph.slice(0, 40),
  },
  {
    name: "GBK truncated in the middle of a character by a size cap",
    bytes: iconv.encode(page('<meta charset="gbk">', paragraph), "gbk").subarray(0, 151),
    charset: "gb18030",
    text: "科创带",
  },
  {
    name: "Latin page in windows-1252 stays Latin",
    bytes: iconv.encode(
      page(
        '<meta charset="iso-8859-1">',
        "Le café est une boisson très populaire, à Paris comme à Zürich. ".repeat(4),
      ),
      "win1252",
    ),
    charset: "windows-1252",
    text: "Le café est une boisson très populaire",
  },
  {
    name: "Latin page with a server-default ISO-8859-1 header stays Latin",
    bytes: iconv.encode(page("", latin.repeat(4)), "win1252"),
    contentType: "text/html; charset=ISO-8859-1",
    charset: "windows-1252",
    text: latin,
  },
  {
    name: "Shift_JIS with no declaration",
    bytes: iconv.encode(page("", japanese.repeat(4)), "shift_jis"),
    charset: "shift_jis",
    text: japanese,
  },
];

describe("decodeHtml", () => {
  it.each(cases)("$name", ({ bytes, contentType, charset, text }) => {
    const decoded = decodeHtml(bytes, contentType);
    expect(decoded.charset).toBe(charset);
    expect(decoded.html).toContain(text);
    expect(decoded.html).not.toContain("\uFFFD");
    expect(decoded.html.startsWith("\uFEFF")).toBe(false);
  });

  it("decodes bytes that strict GB18030 rejects as U+FFFD instead of throwing", () => {
    const good = iconv.encode(page('<meta charset="gb2312">', paragraph), "gbk");
    const broken = concat(good.subarray(0, 200), new Uint8Array([0x81, 0x20, 0xff]), good.subarray(200));
    const decoded = decodeHtml(broken, null);
    expect(decoded.charset).toBe("gb18030");
    expect(decoded.html).toContain("\uFFFD");
    expect(decoded.html).toContain(paragraph.slice(0, 20));
  });

  it("keeps a UTF-8 page with a few stray bytes as UTF-8", () => {
    const good = Buffer.from(page("", paragraph.repeat(5)));
    const stray = concat(good.subarray(0, 100), new Uint8Array([0x93]), good.subarray(100));
    const decoded = decodeHtml(stray, "text/html; charset=utf-8");
    expect(decoded.charset).toBe("utf-8");
    expect(decoded.html).toContain(paragraph);
  });

  it("reports utf-8 for an empty or pure-ASCII body", () => {
    expect(decodeHtml(new Uint8Array(0))).toEqual({ html: "", charset: "utf-8" });
    expect(decodeHtml(Buffer.from("<p>hello</p>")).charset).toBe("utf-8");
  });
});

describe("charset labels", () => {
  it.each([
    ["gb2312", "gb18030"],
    ["GBK", "gb18030"],
    ["x-gbk", "gb18030"],
    ["gb_2312-80", "gb18030"],
    ["chinese", "gb18030"],
    ["csgb2312", "gb18030"],
    ["GB18030", "gb18030"],
    [" UTF8 ", "utf-8"],
    ["latin1", "windows-1252"],
    ["Big5", "big5"],
    ["CP932", "shift_jis"],
    ["no-such-charset", null],
  ])("resolveCharset(%j) is %j", (label, expected) => {
    expect(resolveCharset(label)).toBe(expected);
  });

  it.each([
    ["text/html; charset=GBK", "GBK"],
    ['text/html; charset="utf-8"', "utf-8"],
    ["text/html;charset='gb2312';q=1", "gb2312"],
    ["text/html", null],
    [null, null],
  ])("charsetFromContentType(%j) is %j", (header, expected) => {
    expect(charsetFromContentType(header)).toBe(expected);
  });

  it("finds a meta charset only in the first few KB", () => {
    const late = Buffer.from(`<html><head>${" ".repeat(5000)}<meta charset="gbk"></head></html>`);
    expect(charsetFromMeta(late)).toBeNull();
    expect(
      charsetFromMeta(Buffer.from('<meta content="text/html;charset=gb2312" http-equiv="Content-Type">')),
    ).toBe("gb2312");
    expect(charsetFromMeta(Buffer.from('<?xml version="1.0" encoding="GBK"?><html>'))).toBe("GBK");
  });
});
