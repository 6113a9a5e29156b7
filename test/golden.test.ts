/**
 * Golden pages: every folder in `fixtures/pages/` is one real-looking template with the record a human
 * reading it would write down. Each case × field is its own test so a report reads like a checklist of
 * what the extractor gets wrong, and the seed page is re-served as GBK to prove decoding does not change
 * what is extracted.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { extractRecord } from "../src/extract/extract-record.js";
import { type ArticleRecord, articleRecordSchema } from "../src/output/record-schema.js";
import {
  type GoldenCase,
  goldenExpectSchema,
  loadGoldenCase,
  loadGoldenCases,
  pageFromBytes,
  pageFromCase,
  pagesDir,
} from "./support/golden-cases.js";
import { checkGoldenField, goldenFields } from "./support/golden-checks.js";
import { checkGoldenFixture } from "./support/golden-fixture-checks.js";

const cases = loadGoldenCases();

/** One extraction per case, shared by its field tests; a thrown error is kept and rethrown per test. */
const records = new Map<string, { record: ArticleRecord } | { error: unknown }>();

function recordOf(golden: GoldenCase): ArticleRecord {
  let outcome = records.get(golden.name);
  if (outcome === undefined) {
    try {
      outcome = { record: extractRecord(pageFromCase(golden)) };
    } catch (error) {
      outcome = { error };
    }
    records.set(golden.name, outcome);
  }
  if ("error" in outcome) throw outcome.error;
  return outcome.record;
}

/** Fails with the problems spelled out one per line, so the report says what is wrong without a diff. */
function expectNoProblems(problems: string[]): void {
  if (problems.length > 0) expect.fail(problems.join("\n"));
}

test("the golden runner checks every field an expected.json must give", () => {
  expect([...goldenFields].sort()).toEqual(Object.keys(goldenExpectSchema.shape).sort());
});

test("there are golden cases to run", () => {
  expect(cases.length).toBeGreaterThanOrEqual(1);
});

describe.each(cases.map((golden) => [golden.name, golden] as const))("%s", (name, golden) => {
  test("the case is consistent with its own page", () => {
    expectNoProblems(checkGoldenFixture(golden));
  });

  const gbkSource = join(pagesDir, name, "page.utf8.html");
  // Only GBK cases keep a UTF-8 source; the others get no such test rather than a skipped one.
  if (existsSync(gbkSource)) {
    test("page.html is the GBK encoding of page.utf8.html (run generate-gbk.ts)", () => {
      const encoded = iconv.encode(readFileSync(gbkSource, "utf8"), "gbk");
      expect(encoded.equals(Buffer.from(golden.body))).toBe(true);
    });
  }

  test("produces a record that satisfies the record schema", () => {
    const result = articleRecordSchema.safeParse(recordOf(golden));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  test.each(goldenFields)("%s", (field) => {
    expectNoProblems(checkGoldenField(recordOf(golden), field, golden.expect));
  });
});

describe("the seed page served as GBK", () => {
  const seed = loadGoldenCase(pagesDir, "seed-portal-writer-time-browse");
  const seedHtml = new TextDecoder("utf-8").decode(seed.body);
  const metaCharset = /<meta charset="utf-8">/i;

  // gb18030 is a superset of GBK that can also carry the seed's ➥ and ㎡; GBK-labelled pages are decoded
  // as gb18030, so a site writing these bytes under a GBK label is the realistic case.
  function gbkBytes(html: string): Uint8Array {
    return new Uint8Array(iconv.encode(html, "gb18030"));
  }

  const variants = [
    {
      name: "charset only in the Content-Type header",
      body: gbkBytes(seedHtml.replace(metaCharset, "")),
      contentType: "text/html; charset=GBK",
    },
    {
      name: "charset only in <meta>",
      body: gbkBytes(
        seedHtml.replace(metaCharset, '<meta http-equiv="Content-Type" content="text/html; charset=gbk">'),
      ),
      contentType: "text/html",
    },
    {
      name: "charset declared nowhere",
      body: gbkBytes(seedHtml.replace(metaCharset, "")),
      contentType: undefined,
    },
  ];

  test("the variants really differ from the UTF-8 bytes and lost their declaration", () => {
    for (const variant of variants) {
      expect(Buffer.from(variant.body).equals(Buffer.from(seed.body))).toBe(false);
      expect(Buffer.from(variant.body).toString("latin1")).not.toMatch(/charset="?utf-8/i);
    }
  });

  test.each(variants)("$name gives the same record as the UTF-8 page", ({ body, contentType }) => {
    const utf8 = recordOf(seed);
    const gbk = extractRecord(pageFromBytes(seed.url, body, contentType));
    const pick = (record: ArticleRecord) => ({
      title: record.title,
      publishedAt: record.publishedAt,
      authors: record.authors,
      views: record.views,
      text: record.text,
    });
    expect(pick(gbk)).toEqual(pick(utf8));
    expect(gbk.fetch.charset).toBe("gb18030");
    // Guards against both decodings being equally wrong: the UTF-8 record itself must be right.
    expectNoProblems(checkGoldenField(gbk, "title", seed.expect));
    expectNoProblems(checkGoldenField(gbk, "textStartsWith", seed.expect));
  });
});
