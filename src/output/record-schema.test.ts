import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleRecordSchema, publishedAtPattern, recordJsonSchema } from "./record-schema.js";

describe("record schema", () => {
  it("matches the committed schema/record.schema.json (run `npm run schema` when this fails)", () => {
    const committed = JSON.parse(
      readFileSync(new URL("../../schema/record.schema.json", import.meta.url), "utf8"),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(recordJsonSchema())));
  });

  it.each([
    ["2023-01-10", true],
    ["2023-01-10T09:05:00+08:00", true],
    ["2023-01-10T09:05:00Z", true],
    ["2023-01-10 09:05", false],
    ["2023-1-10", false],
    ["2023-01-10T09:05+08:00", false],
  ])("publishedAt %s valid=%s", (value, valid) => {
    expect(publishedAtPattern.test(value)).toBe(valid);
  });

  it("rejects a record with a missing field", () => {
    const result = articleRecordSchema.safeParse({ schemaVersion: 1, url: "http://a/" });
    expect(result.success).toBe(false);
  });
});
