/**
 * A line-oriented file that survives crashes: the append discipline shared by the record and error sinks.
 *
 * - The file is opened in append mode and each line goes out as one `write` of the complete line, so
 *   whatever kills the process, the file holds whole lines plus at most one torn line at the very end.
 * - On open, a torn last line (no `\n` at the end of the file) is cut away, so the next line starts clean.
 * - `scan` reads existing lines in fixed-size chunks, so a multi-gigabyte output never sits in memory whole.
 *
 * Not for two writers at once: one crawl owns its output (the frontier's state-dir lock enforces that).
 */
import fs from "node:fs";
import path from "node:path";

const NEWLINE = 0x0a;
const CHUNK_BYTES = 1 << 20;

export interface AppendOnlyLinesOptions {
  /** fdatasync after every line: survives a power cut, at a large cost in speed. @default false */
  syncEachLine?: boolean;
}

/** Bytes of a torn last line cut from `filePath` (0 when the file is whole or missing). */
export function truncateTornTail(filePath: string): number {
  let fd: number;
  try {
    fd = fs.openSync(filePath, "r+");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  try {
    const size = fs.fstatSync(fd).size;
    let end = size;
    const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, Math.max(size, 1)));
    // Walk back from the end to the last newline; everything after it is the torn line.
    while (end > 0) {
      const start = Math.max(0, end - buffer.length);
      const read = fs.readSync(fd, buffer, 0, end - start, start);
      const at = buffer.subarray(0, read).lastIndexOf(NEWLINE);
      if (at !== -1) {
        end = start + at + 1;
        break;
      }
      end = start;
    }
    if (end !== size) fs.ftruncateSync(fd, end);
    return size - end;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Calls `onLine` with the bytes of each complete line of `filePath` (without its `\n`), reading 1 MiB at a
 * time. The buffer is only valid during the call (it is a view into the read buffer): copy what you keep.
 */
export function scanLines(filePath: string, onLine: (line: Buffer) => void): void {
  let fd: number;
  try {
    fd = fs.openSync(filePath, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    // Pieces of a line that crosses a chunk edge; a newline byte never occurs inside a UTF-8 sequence.
    let carry: Buffer[] = [];
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      let from = 0;
      for (let at = buffer.indexOf(NEWLINE, 0); at !== -1 && at < read; at = buffer.indexOf(NEWLINE, from)) {
        const piece = buffer.subarray(from, at);
        onLine(carry.length === 0 ? piece : Buffer.concat([...carry, piece]));
        carry = [];
        from = at + 1;
      }
      if (from < read) carry.push(Buffer.from(buffer.subarray(from, read)));
    }
  } finally {
    fs.closeSync(fd);
  }
}

export class AppendOnlyLines {
  readonly filePath: string;
  /** Bytes of a torn last line removed when the file was opened. */
  readonly tornBytes: number;
  readonly #fd: number;
  readonly #syncEachLine: boolean;
  #closed = false;

  constructor(filePath: string, options: AppendOnlyLinesOptions = {}) {
    this.filePath = filePath;
    this.#syncEachLine = options.syncEachLine ?? false;
    fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
    this.tornBytes = truncateTornTail(filePath);
    this.#fd = fs.openSync(filePath, "a");
  }

  /** Appends `line` and a newline. `line` must not contain a newline (JSON.stringify output never does). */
  append(line: string): void {
    if (this.#closed) throw new Error(`append to closed file ${this.filePath}`);
    if (line.includes("\n")) throw new Error("a line must not contain a newline");
    const bytes = Buffer.from(`${line}\n`, "utf8");
    let written = fs.writeSync(this.#fd, bytes);
    // A regular file takes the whole buffer in one write; the loop only matters on a full disk or a pipe.
    while (written < bytes.length) written += fs.writeSync(this.#fd, bytes, written);
    if (this.#syncEachLine) fs.fdatasyncSync(this.#fd);
  }

  /** Flushes to disk and closes. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    fs.fsyncSync(this.#fd);
    fs.closeSync(this.#fd);
  }
}
