/**
 * Says what a response body is before anyone tries to parse it as HTML.
 *
 * The `Content-Type` header is often wrong on the sites caiji crawls: government portals serve PDF
 * attachments as `text/html`, `.html` links lead to Word files, image URLs answer with an HTML error page.
 * So recognisable bytes win over the header: file signatures (`%PDF-`, PNG, JPEG, GIF, ZIP/Office, …), then
 * control bytes no text contains, then markup at the start of the body. Only when the bytes say nothing
 * definite does the header decide.
 *
 * @example
 *   if (classifyBody(page.body, page.headers["content-type"]) !== "html") return skip("not-html");
 */

export type BodyKind = "html" | "pdf" | "image" | "binary" | "empty" | "text";

/** How much of the body the signature and control-byte checks read (WHATWG sniffs 1445 bytes). */
const sniffBytes = 1445;

interface Signature {
  kind: BodyKind;
  /** Byte values; null matches any byte. */
  bytes: ReadonlyArray<number | null>;
  offset?: number;
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** File signatures ("magic numbers") of the non-HTML bodies a crawler meets. */
const signatures: readonly Signature[] = [
  { kind: "pdf", bytes: ascii("%PDF-") },
  { kind: "image", bytes: [0x89, ...ascii("PNG"), 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: "image", bytes: [0xff, 0xd8, 0xff] },
  { kind: "image", bytes: ascii("GIF87a") },
  { kind: "image", bytes: ascii("GIF89a") },
  { kind: "image", bytes: [...ascii("RIFF"), null, null, null, null, ...ascii("WEBP")] },
  { kind: "image", bytes: [...ascii("BM"), null, null, null, null, 0, 0, 0, 0] },
  { kind: "image", bytes: [0, 0, 1, 0] }, // .ico
  { kind: "image", bytes: [...ascii("II"), 0x2a, 0] }, // TIFF, little-endian
  { kind: "image", bytes: [...ascii("MM"), 0, 0x2a] }, // TIFF, big-endian
  { kind: "image", bytes: ascii("ftypavif"), offset: 4 },
  { kind: "image", bytes: ascii("ftypheic"), offset: 4 },
  { kind: "binary", bytes: ascii("ftyp"), offset: 4 }, // MP4 and other ISO media
  { kind: "binary", bytes: [...ascii("PK"), 3, 4] }, // ZIP, docx, xlsx, pptx, odt, epub, jar
  { kind: "binary", bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }, // doc, xls, ppt
  { kind: "binary", bytes: [0x1f, 0x8b] }, // gzip
  { kind: "binary", bytes: [...ascii("Rar!"), 0x1a, 0x07] },
  { kind: "binary", bytes: [...ascii("7z"), 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: "binary", bytes: ascii("{\\rtf") },
  { kind: "binary", bytes: [0x7f, ...ascii("ELF")] },
  { kind: "binary", bytes: ascii("MZ") }, // Windows executables
  { kind: "binary", bytes: [0x00, ...ascii("asm")] }, // WebAssembly
  { kind: "binary", bytes: ascii("ID3") }, // MP3
  { kind: "binary", bytes: ascii("OggS") },
  { kind: "binary", bytes: ascii("fLaC") },
  { kind: "binary", bytes: [0x1a, 0x45, 0xdf, 0xa3] }, // WebM, Matroska
  { kind: "binary", bytes: ascii("wOFF") },
  { kind: "binary", bytes: ascii("wOF2") },
];

/**
 * Tags a body can open with that make it HTML whatever the header says: WHATWG MIME sniffing's list, plus
 * the tags that headless templates and saved fragments start with (`<meta>`, `<form>`, `<span>`, …).
 */
const htmlOpeners =
  /^<(?:!doctype\s+html|html|head|body|meta|link|base|title|script|noscript|style|iframe|frameset|table|div|span|font|center|form|input|img|ul|ol|li|nav|header|section|article|main|h[1-6]|p|a|b|br)(?=[\s/>])/i;

/** Content types whose body is HTML even when it does not open with a tag (fragments, plain markup). */
const htmlTypes = new Set(["text/html", "application/xhtml+xml"]);

/** Content types that are text but not HTML. */
const textTypes =
  /^(?:text\/|application\/(?:json|xml|javascript|ecmascript|x-javascript|rss\+xml|atom\+xml)$|[^/]+\/[^;]*\+(?:json|xml)$)/;

/** Content types that say "some file" without saying which, so the bytes alone decide. */
const unspecificTypes = new Set(["application/octet-stream", "binary/octet-stream", "application/unknown"]);

/**
 * Classifies a body by its bytes first and its `Content-Type` second. Never throws.
 *
 * - `empty`: nothing but whitespace (ASCII, NBSP, U+3000) and perhaps a BOM.
 * - `pdf`, `image`, `binary`: a file signature, or control bytes (NUL and the like) in the first KB.
 * - `html`: opens with markup, or the header says HTML.
 * - `text`: anything else readable (plain text, JSON, XML feeds).
 */
export function classifyBody(body: Uint8Array, contentType?: string | null): BodyKind {
  if (isBlank(body)) return "empty";
  const signature = signatures.find((s) => matchesAt(body, s.bytes, s.offset ?? 0));
  if (signature) return signature.kind;

  const utf16 = utf16Bom(body);
  const sample = body.subarray(0, sniffBytes);
  if (!utf16 && hasBinaryBytes(sample)) return "binary";
  const head = utf16 ? new TextDecoder(utf16).decode(sample) : Buffer.from(sample).toString("latin1");
  if (opensWithHtml(head)) return "html";

  const mime = mimeType(contentType);
  if (mime === null || unspecificTypes.has(mime)) return "text";
  if (htmlTypes.has(mime)) return "html";
  if (mime === "application/pdf") return "pdf";
  if (mime.startsWith("image/")) return "image";
  if (textTypes.test(mime)) return "text";
  return "binary";
}

/** `text/html` from `Text/HTML; charset=gbk`, or null. */
function mimeType(contentType: string | null | undefined): string | null {
  const mime = contentType?.split(";")[0]?.trim().toLowerCase();
  return mime ? mime : null;
}

function matchesAt(body: Uint8Array, bytes: ReadonlyArray<number | null>, offset: number): boolean {
  if (body.length < offset + bytes.length) return false;
  return bytes.every((byte, i) => byte === null || body[offset + i] === byte);
}

function utf16Bom(body: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (body[0] === 0xff && body[1] === 0xfe) return "utf-16le";
  if (body[0] === 0xfe && body[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * Whitespace, in ASCII or as UTF-8 NBSP / ideographic space, and a UTF-8 BOM. Stops at the first other
 * byte, so a large body costs nothing.
 */
function isBlank(body: Uint8Array): boolean {
  let i = 0;
  while (i < body.length) {
    const byte = body[i] as number;
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d) i += 1;
    else if (byte === 0xc2 && body[i + 1] === 0xa0) i += 2;
    else if (byte === 0xe3 && body[i + 1] === 0x80 && body[i + 2] === 0x80) i += 3;
    else if (byte === 0xef && body[i + 1] === 0xbb && body[i + 2] === 0xbf) i += 3;
    else return false;
  }
  return true;
}

/**
 * True when the sample holds a NUL, or when a sizeable share of it is the other control bytes that text
 * never needs (WHATWG's "binary data bytes"). Only a share counts: real portal pages carry a few of them
 * (Yahoo China's ad comments separate fields with U+0002); random binary data is about one byte in ten.
 */
function hasBinaryBytes(sample: Uint8Array): boolean {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f)) {
      control++;
    }
  }
  return control * 20 > sample.length;
}

/**
 * True when the body opens like HTML. A leading comment counts (as in WHATWG sniffing): pages open with
 * `<!-- saved from url=… -->` or ad-server comments. After an XML declaration, only an HTML tag counts,
 * so RSS and other XML stay text.
 */
function opensWithHtml(head: string): boolean {
  let start = head.replace(/^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s*/, "");
  if (start.startsWith("<?xml")) start = start.replace(/^<\?xml[^>]*>(?:\s+|<!--[\s\S]*?-->)*/, "");
  else if (start.startsWith("<!--")) return true;
  return htmlOpeners.test(start);
}
