/**
 * Finds the first key in a config value that its zod schema does not know, at any depth. zod's plain objects
 * drop unknown keys silently, and the crawl options (shared with `caiji crawl`, where flags cannot be
 * misspelt) are plain objects; in a hand-written config file a misspelt setting (`intervalMS`) would quietly
 * fall back to its default. With a near miss among the known keys, the answer says which one was meant.
 *
 * Walks zod 4's schema definitions (`_zod.def`): objects, records, arrays and the wrappers around them.
 *
 * @example
 *   unknownKey({ politeness: { intervalMS: 0 } }, jobSchema);
 *   // { path: ["politeness", "intervalMS"], suggestion: "intervalMs" }
 */
import type { z } from "zod";

export interface UnknownKey {
  path: Array<string | number>;
  /** A known key at that place that looks like the one written, if any. */
  suggestion: string | null;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
}

const WRAPPERS = new Set(["default", "prefault", "optional", "nullable", "readonly", "catch", "nonoptional"]);

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function unknownKey(
  value: unknown,
  schema: z.ZodType,
  path: Array<string | number> = [],
): UnknownKey | null {
  let def = defOf(schema);
  while (WRAPPERS.has(def.type) && def.innerType) def = defOf(def.innerType);
  if (def.type === "pipe" && def.in) return unknownKey(value, def.in, path);
  if (def.type === "object" && def.shape && isPlainObject(value)) {
    const shape = def.shape;
    for (const [key, child] of Object.entries(value)) {
      const childSchema = shape[key];
      if (!childSchema) return { path: [...path, key], suggestion: nearestKey(key, Object.keys(shape)) };
      const found = unknownKey(child, childSchema, [...path, key]);
      if (found) return found;
    }
  }
  if (def.type === "record" && def.valueType && isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const found = unknownKey(child, def.valueType, [...path, key]);
      if (found) return found;
    }
  }
  if (def.type === "array" && def.element && Array.isArray(value)) {
    for (const [index, child] of value.entries()) {
      const found = unknownKey(child, def.element, [...path, index]);
      if (found) return found;
    }
  }
  return null;
}

/** The known key equal ignoring case, or within two edits; null when none is that close. */
function nearestKey(key: string, known: string[]): string | null {
  const lower = key.toLowerCase();
  const sameCase = known.find((candidate) => candidate.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}
