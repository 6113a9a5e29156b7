/**
 * The JSONL record sink: one article per line in the `--out` file, never half a line, never the same
 * article twice across a resume.
 *
 * Resume works in two halves. The crawl loop marks a URL done in the frontier only after its line is
 * written, so a crash between the two leaves the URL pending and it is fetched again; this sink then refuses
 * the second copy because on open it read the `url` of every line already in the file. It keeps a 12-byte
 * sha1 digest per URL rather than the URL, so memory stays small and bounded per record (measured: 53 bytes
 * of heap per entry, 53 MB for a million articles) whatever the URLs look like. Line discipline is `append-only-lines.ts`.
 *
 * @example
 * const sink = new JsonlSink<ArticleRecord>("output/news.jsonl");
 * if (!sink.has(page.url)) sink.write(record); // write() also refuses a duplicate by itself
 * sink.close();
 */
import { hash } from "node:crypto";
import { normalizeUrl } from "../crawl/normalize-url.js";
import { AppendOnlyLines, type AppendOnlyLinesOptions, scanLines } from "./append-only-lines.js";
import { readTopLevelStrings } from "./top-level-fields.js";

export interface JsonlSinkOptions extends AppendOnlyLinesOptions {
  /**
   * Also refuse a record whose `contentHash` was already written under another URL (mirrors, print
   * versions, the same wire story on two channels). Off by default: pages with an empty or boilerplate-only
   * body share one hash, and skipping them would hide distinct articles. @default false
   */
  skipSameContent?: boolean;
  /**
   * Key lines by URL *and* `contentHash` instead of URL alone: a later revision of an article (its text
   * changed, found by an incremental crawl) is written, while the same text of the same URL is still
   * refused. `has(url)` then answers for no URL; ask `hasRevision`. @default false
   */
  revisions?: boolean;
}

/** What the sink needs of a record: its URL, and a content hash when content dedup is on. */
export interface SinkRecord {
  url: string;
  contentHash?: string;
}

/** URLs are compared in normal form, so `has()` agrees with the frontier on what "the same URL" is. */
function urlKey(url: string): string {
  return digest(`u:${normalizeUrl(url) ?? url}`);
}

function revisionKey(url: string, contentHash: string): string {
  return digest(`r:${normalizeUrl(url) ?? url}\n${contentHash}`);
}

function contentKey(contentHash: string): string {
  return digest(`c:${contentHash}`);
}

/** 96 bits of sha1 as a 12-character one-byte string: a compact Set key with no realistic collisions. */
function digest(key: string): string {
  return hash("sha1", key, "buffer").toString("latin1", 0, 12);
}

export class JsonlSink<T extends SinkRecord = SinkRecord> {
  readonly filePath: string;
  /** Records found in the file when it was opened. */
  readonly existingRecords: number;
  /** Lines in the existing file that are not a JSON object with a string `url` (kept, but not counted). */
  readonly unreadableLines: number;
  /** Bytes of a torn last line cut away on open (a crash in the middle of a write). */
  readonly tornBytes: number;
  #written = 0;
  #skipped = 0;
  readonly #seen = new Set<string>();
  readonly #skipSameContent: boolean;
  readonly #revisions: boolean;
  readonly #file: AppendOnlyLines;

  constructor(filePath: string, options: JsonlSinkOptions = {}) {
    this.filePath = filePath;
    this.#skipSameContent = options.skipSameContent ?? false;
    this.#revisions = options.revisions ?? false;
    // Opening repairs the tail first, so the scan below sees only whole lines.
    this.#file = new AppendOnlyLines(filePath, options);
    this.tornBytes = this.#file.tornBytes;
    let existing = 0;
    let unreadable = 0;
    scanLines(filePath, (line) => {
      if (isBlank(line)) return;
      const record = readSinkFields(line);
      if (record === null) {
        unreadable++;
        return;
      }
      existing++;
      this.#remember(record);
    });
    this.existingRecords = existing;
    this.unreadableLines = unreadable;
  }

  /** True when a record for this URL is already in the file (without `revisions`). */
  has(url: string): boolean {
    return this.#seen.has(urlKey(url));
  }

  /** True when a record of this URL with this `contentHash` is already in the file (`revisions` on). */
  hasRevision(url: string, contentHash: string): boolean {
    return this.#seen.has(revisionKey(url, contentHash));
  }

  /** True when a record with this `contentHash` is already in the file (tracked with `skipSameContent`). */
  hasContent(contentHash: string): boolean {
    return this.#seen.has(contentKey(contentHash));
  }

  /**
   * Appends the record as one line. Returns false, writing nothing, when its URL (with `revisions`: its URL
   * and text hash; with `skipSameContent`, its content) is already in the file.
   */
  write(record: T): boolean {
    if (
      this.#seen.has(this.#recordKey(record)) ||
      (this.#skipSameContent && record.contentHash && this.hasContent(record.contentHash))
    ) {
      this.#skipped++;
      return false;
    }
    this.#file.append(JSON.stringify(record));
    this.#remember(record);
    this.#written++;
    return true;
  }

  /** Counts for this session: lines written and duplicates refused. */
  stats(): { written: number; skippedDuplicates: number; existing: number } {
    return { written: this.#written, skippedDuplicates: this.#skipped, existing: this.existingRecords };
  }

  close(): void {
    this.#file.close();
  }

  #recordKey(record: SinkRecord): string {
    return this.#revisions && record.contentHash
      ? revisionKey(record.url, record.contentHash)
      : urlKey(record.url);
  }

  #remember(record: SinkRecord): void {
    this.#seen.add(this.#recordKey(record));
    if (this.#skipSameContent && record.contentHash) this.#seen.add(contentKey(record.contentHash));
  }
}

const SINK_FIELDS = ["url", "contentHash"] as const;

/** Only `url` (and `contentHash`) are read; the rest of a long record line is skipped, not parsed. */
function readSinkFields(line: Buffer): SinkRecord | null {
  const fields = readTopLevelStrings(line, SINK_FIELDS);
  const url = fields?.get("url");
  if (typeof url !== "string") return null;
  const contentHash = fields?.get("contentHash");
  return typeof contentHash === "string" ? { url, contentHash } : { url };
}

function isBlank(line: Buffer): boolean {
  for (const byte of line) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  return true;
}
