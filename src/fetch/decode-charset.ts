/**
 * Turns the bytes of an HTML response into text, in one place for every fetcher.
 *
 * Chinese sites are where charset handling goes wrong most: headers and `<meta>` tags say `gb2312` on pages
 * saved as UTF-8, say `utf-8` on pages that are GBK, or say nothing at all; servers default to
 * `ISO-8859-1` for pages written in GBK. So a declaration is a hint the bytes must not contradict:
 *
 *   1. a byte-order mark (it cannot be there by accident);
 *   2. the `Content-Type` header charset, then a `<meta>` charset in the first few KB, each used only when
 *      the bytes agree with it (see `declarationFits`);
 *   3. sniffing: bytes that are valid UTF-8 are UTF-8; otherwise jschardet decides.
 *
 * The GBK family (gb2312, gbk, …) always decodes as GB18030, its superset, so characters outside GB2312
 * that real "gb2312" pages use still come out right. Decoding never throws: bytes that do not fit the
 * chosen charset become U+FFFD, because some real pages hold a few such bytes among thousands of good ones.
 *
 * @example
 *   const { html, charset } = decodeHtml(page.body, page.headers["content-type"]);
 */
import jschardet from "jschardet";

export interface DecodedHtml {
  html: string;
  /** Lower-case WHATWG name of the charset the body was decoded with (`utf-8`, `gb18030`, `big5`, …). */
  charset: string;
}

/** How far into the body a `<meta>` charset is looked for (WHATWG says 1024; real pages put it later). */
const metaScanBytes = 4096;

/** How many bytes jschardet reads; past this its answer no longer changes. */
const sniffBytes = 200_000;

/** WHATWG treats every GBK label as `gbk`; GB18030 decodes all of them and more. */
const gbkFamily = new Set(["gbk", "gb18030"]);

/** Declarations that say "Western single-byte"; servers send them by default, so a CJK sniff beats them. */
const westernDefaults = new Set(["windows-1252", "iso-8859-15", "iso-8859-2"]);

/** jschardet (chardet) names that are not WHATWG labels. */
const chardetAliases: Record<string, string> = {
  cp932: "shift_jis",
  shift_jis_2004: "shift_jis",
  cp949: "euc-kr",
  euc_kr: "euc-kr",
  johab: "euc-kr",
  euc_jis_2004: "euc-jp",
  big5hkscs: "big5",
  "hz-gb-2312": "gb18030",
  iso2022_jp_2: "iso-2022-jp",
  iso2022_jp_2004: "iso-2022-jp",
  iso2022_jp_ext: "iso-2022-jp",
  "utf-8-sig": "utf-8",
  "mac-roman": "macintosh",
  "mac-cyrillic": "x-mac-cyrillic",
  "utf-16-le": "utf-16le",
  "utf-16-be": "utf-16be",
  ascii: "windows-1252",
};

/** Byte-order marks, longest first. */
const boms: ReadonlyArray<{ bytes: number[]; charset: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], charset: "utf-8" },
  { bytes: [0xfe, 0xff], charset: "utf-16be" },
  { bytes: [0xff, 0xfe], charset: "utf-16le" },
];

/**
 * Decodes an HTML body. Never throws.
 *
 * @param contentType the `Content-Type` response header, if any.
 */
export function decodeHtml(body: Uint8Array, contentType?: string | null): DecodedHtml {
  const bom = boms.find((b) => b.bytes.every((byte, i) => body[i] === byte));
  if (bom) return decodeAs(body.subarray(bom.bytes.length), bom.charset);

  const utf8 = measureUtf8(body);
  const declared = [charsetFromContentType(contentType), charsetFromMeta(body)];
  for (const label of declared) {
    const charset = label === null ? null : resolveCharset(label);
    if (charset && declarationFits(body, charset, utf8)) return decodeDeclared(body, charset);
  }
  return decodeAs(body, sniffCharset(body, utf8));
}

/** The `charset` parameter of a `Content-Type` value, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /charset\s*=\s*["']?\s*([^"';,\s]+)/i.exec(contentType);
  return match?.[1] ?? null;
}

/**
 * The charset a `<meta charset>` / `<meta http-equiv="Content-Type" content="…charset=…">` tag (or an
 * `<?xml encoding=…?>` declaration) names in the first few KB, or null. Comments are skipped, since pages
 * keep old, commented-out meta tags.
 */
export function charsetFromMeta(body: Uint8Array): string | null {
  // latin1 maps byte n to U+00nn, so ASCII markup reads the same whatever the real charset is.
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.length, metaScanBytes))
    .toString("latin1")
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const match = /charset\s*=\s*["']?\s*([^"'\s;,/>]+)/i.exec(tag[0]);
    if (match?.[1]) return match[1];
  }
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return xml?.[1] ?? null;
}

/**
 * The WHATWG name for a charset label (`GB2312` → `gb18030`, `latin1` → `windows-1252`), or null when no
 * decoder knows it.
 */
export function resolveCharset(label: string): string | null {
  const cleaned = label.trim().toLowerCase();
  let encoding: string;
  try {
    encoding = new TextDecoder(chardetAliases[cleaned] ?? cleaned).encoding;
  } catch {
    return null;
  }
  return gbkFamily.has(encoding) ? "gb18030" : encoding;
}

interface Utf8Measure {
  /** Characters above U+007F that decoded cleanly. */
  nonAscii: number;
  /** Stretches of bytes that are not UTF-8 (each decodes to one U+FFFD). */
  invalid: number;
}

/**
 * Reads the body as UTF-8: strictly first (the common case, and proof), leniently only to count how much
 * of it is not UTF-8. `stream: true` leaves a sequence cut off by the end of the body undecoded, so a body
 * truncated mid-character by a size cap still counts as valid.
 */
function measureUtf8(bytes: Uint8Array): Utf8Measure {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
    return { nonAscii: countNonAscii(text).nonAscii, invalid: 0 };
  } catch {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes, { stream: true });
    const { nonAscii, replaced } = countNonAscii(text);
    return { nonAscii, invalid: replaced };
  }
}

/**
 * True when the bytes are UTF-8 text with at least some non-ASCII in it. A handful of stray bytes among
 * many good sequences (a pasted Windows quote, a cut-off fragment) does not make a UTF-8 page something
 * else; text in a legacy CJK charset produces stray bytes by the hundred.
 */
function looksLikeUtf8({ nonAscii, invalid }: Utf8Measure): boolean {
  if (nonAscii === 0) return false;
  return invalid === 0 || (nonAscii >= 50 && invalid * 100 <= nonAscii);
}

/** Whether the bytes leave a declared charset standing. */
function declarationFits(body: Uint8Array, charset: string, utf8: Utf8Measure): boolean {
  if (charset === "utf-8") return utf8.invalid === 0 || looksLikeUtf8(utf8);
  // Without a BOM, an ASCII-compatible document that says UTF-16 is wrong (WHATWG treats it as UTF-8).
  if (charset.startsWith("utf-16")) return false;
  // Multi-byte UTF-8 does not happen by chance in GBK, Big5 or Latin text of any length.
  if (looksLikeUtf8(utf8)) return false;
  if (westernDefaults.has(charset)) {
    const sniffed = sniffLegacy(body);
    if (sniffed !== null && isCjk(sniffed)) return false;
  }
  return true;
}

/** The charset the bytes themselves suggest when no declaration held. */
function sniffCharset(body: Uint8Array, utf8: Utf8Measure): string {
  if (utf8.invalid === 0 || looksLikeUtf8(utf8)) return "utf-8";
  return sniffLegacy(body) ?? "gb18030";
}

/**
 * jschardet's best WHATWG-decodable guess, or null when it has none. jschardet drops a multi-byte charset
 * at the first byte that does not fit it, so a GBK page with a few broken bytes comes back as some DOS or
 * Latin code page with a tiny confidence; a lenient trial decode catches those.
 */
function sniffLegacy(body: Uint8Array): string | null {
  // One decodeHtml call may ask twice (to judge a declaration, then to replace it); jschardet is the
  // slowest step, so its answer is kept for as long as the body lives.
  if (sniffCache.has(body)) return sniffCache.get(body) ?? null;
  const charset = sniffLegacyUncached(body);
  sniffCache.set(body, charset);
  return charset;
}

const sniffCache = new WeakMap<Uint8Array, string | null>();

function sniffLegacyUncached(body: Uint8Array): string | null {
  const sample = body.subarray(0, sniffBytes);
  let guess: string | null = null;
  for (const candidate of jschardet.detectAll(sample)) {
    const charset = candidate.encoding ? resolveCharset(candidate.encoding) : null;
    if (charset && charset !== "utf-8") {
      guess = charset;
      break;
    }
  }
  if (guess !== null && isCjk(guess)) return guess;
  return cjkTrialCharsets.find((charset) => readsAsCjk(sample, charset)) ?? guess;
}

/** Tried in this order when jschardet finds no CJK charset: mainland sites first. */
const cjkTrialCharsets = ["gb18030", "big5"];

/**
 * True when decoding with `charset` gives mostly CJK text with almost no undecodable bytes. Latin text
 * read as a double-byte charset fails this: an accented letter followed by a space or a digit is not a
 * valid pair.
 */
function readsAsCjk(bytes: Uint8Array, charset: string): boolean {
  const text = new TextDecoder(charset).decode(bytes);
  const { nonAscii, replaced } = countNonAscii(text);
  const ideographs = text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return nonAscii >= 20 && replaced * 100 <= nonAscii && ideographs * 2 >= nonAscii;
}

function isCjk(charset: string): boolean {
  return ["gb18030", "big5", "shift_jis", "euc-jp", "euc-kr", "iso-2022-jp"].includes(charset);
}

/**
 * Decodes with a declared charset, unless that leaves many bytes undecodable and the sniffed charset leaves
 * fewer (a page declared Big5 that is really GBK).
 */
function decodeDeclared(body: Uint8Array, charset: string): DecodedHtml {
  const declared = decodeAs(body, charset);
  const { nonAscii, replaced } = countNonAscii(declared.html);
  if (replaced < 5 || replaced * 100 <= nonAscii) return declared;
  const sniffed = sniffLegacy(body);
  if (sniffed === null || sniffed === charset) return declared;
  const alternative = decodeAs(body, sniffed);
  return countNonAscii(alternative.html).replaced < replaced ? alternative : declared;
}

/** Characters above U+007F in `text`, split into clean ones and U+FFFD replacements. */
function countNonAscii(text: string): { nonAscii: number; replaced: number } {
  let nonAscii = 0;
  let replaced = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replaced++;
    else if (code > 0x7f) nonAscii++;
  }
  return { nonAscii, replaced };
}

/** `bytes` decoded as `charset` (a WHATWG name), undecodable bytes as U+FFFD. */
export function decodeAs(bytes: Uint8Array, charset: string): DecodedHtml {
  // fatal: false (the default) turns undecodable bytes into U+FFFD; ignoreBOM because a BOM was handled.
  // stream: true leaves out a character cut off by the end of a truncated body instead of a U+FFFD.
  const html = new TextDecoder(charset, { ignoreBOM: true }).decode(bytes, { stream: true });
  return { html, charset };
}
