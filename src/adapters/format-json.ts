/**
 * JSON written the way the repository's formatter (Biome) writes it, so a generated contract is already
 * formatted: objects one key per line, arrays on one line when they fit in the line width, one element per
 * line otherwise. A generated file that the linter would rewrite is a diff nobody asked for.
 */

/** Biome's `lineWidth` in this repository. */
const LINE_WIDTH = 110;
const INDENT = "  ";

export function formatJson(value: unknown): string {
  return `${format(value, "", 0)}\n`;
}

/** `prefixLength`: characters on the line before the value (indent and key). */
function format(value: unknown, indent: string, prefixLength: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inline = `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
    const scalarOnly = value.every((item) => item === null || typeof item !== "object");
    // +1 for a trailing comma the value may get.
    if (scalarOnly && prefixLength + displayWidth(inline) + 1 <= LINE_WIDTH) return inline;
    const inner = indent + INDENT;
    return `[\n${value.map((item) => inner + format(item, inner, inner.length)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return "{}";
    const inner = indent + INDENT;
    const lines = entries.map(([key, item]) => {
      const prefix = `${inner}${JSON.stringify(key)}: `;
      return prefix + format(item, inner, displayWidth(prefix));
    });
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** East Asian wide and full-width characters take two columns, as the formatter counts them. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

export function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}
