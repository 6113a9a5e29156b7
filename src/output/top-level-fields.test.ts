import { describe, expect, it } from "vitest";
import { readTopLevelStrings } from "./top-level-fields.js";

const read = (line: string, keys: readonly string[] = ["url", "contentHash"]) => {
  const found = readTopLevelStrings(Buffer.from(line, "utf8"), keys);
  return found === null ? null : Object.fromEntries(found);
};

describe("readTopLevelStrings", () => {
  it.each([
    [
      "a record line",
      '{"schemaVersion":1,"url":"https://a.cn/1","text":"正文","contentHash":"ab"}',
      { url: "https://a.cn/1", contentHash: "ab" },
    ],
    [
      "keys in any order",
      '{"contentHash":"ab","title":null,"url":"https://a.cn/1"}',
      { url: "https://a.cn/1", contentHash: "ab" },
    ],
    ["a missing key", '{"url":"https://a.cn/1","text":"x"}', { url: "https://a.cn/1" }],
    ["no keys at all", "{}", {}],
    ["whitespace around tokens", ' { "url" : "https://a.cn/1" , "n" : 1 } ', { url: "https://a.cn/1" }],
    [
      "escapes in the value",
      '{"url":"https://a.cn/\\u65b0\\u95fb?q=\\"x\\"\\\\"}',
      { url: 'https://a.cn/新闻?q="x"\\' },
    ],
    ["an escaped key", '{"\\u0075rl":"https://a.cn/1"}', { url: "https://a.cn/1" }],
    [
      "a url nested in an earlier object, which is not the record's",
      '{"fetch":{"url":"https://wrong.cn/","status":200},"links":[{"url":"https://wrong.cn/2"}],"url":"https://a.cn/1"}',
      { url: "https://a.cn/1" },
    ],
    [
      "quotes, braces and backslashes inside earlier strings",
      '{"text":"a \\"}\\" {[ b\\\\","html":"<p class=\\"x\\">}</p>","url":"https://a.cn/1"}',
      { url: "https://a.cn/1" },
    ],
    ["a value that is not a string", '{"url":42,"contentHash":null}', { url: null, contentHash: null }],
    [
      "numbers, booleans and arrays before the key",
      '{"n":-1.5e3,"ok":true,"t":["a","b"],"url":"u"}',
      { url: "u" },
    ],
    ["the first of a repeated key", '{"url":"first","url":"second"}', { url: "first" }],
  ])("reads %s", (_name, line, expected) => {
    expect(read(line)).toEqual(expected);
  });

  it.each([
    ["an array", '["url","https://a.cn/1"]'],
    ["a string", '"https://a.cn/1"'],
    ["not JSON", "url=https://a.cn/1"],
    ["an empty line", ""],
    ["a line cut inside a string before the key", '{"text":"abc'],
    ["a line cut inside an object before the key", '{"fetch":{"status":200'],
    ["a missing colon", '{"url" "https://a.cn/1"}'],
    ["a missing comma", '{"a":"b" "url":"https://a.cn/1"}'],
  ])("says null for %s", (_name, line) => {
    expect(read(line)).toBeNull();
  });

  it("stops once every wanted key is found, without reading the rest", () => {
    expect(read('{"url":"https://a.cn/1","text":"cut sho', ["url"])).toEqual({ url: "https://a.cn/1" });
  });

  it("agrees with JSON.parse on a long record", () => {
    const record = {
      schemaVersion: 1,
      url: "https://news.example.cn/a/2023/0110/123.html",
      title: '标题 "引号" \\ 反斜杠',
      tokens: Array.from({ length: 2000 }, (_, i) => `词${i}`),
      text: "正文，".repeat(5000),
      keywords: [{ word: "采集", weight: 0.5 }],
      contentHash: "c".repeat(64),
      fetch: { status: 200, charset: "gb18030", rendered: false },
    };
    expect(read(JSON.stringify(record))).toEqual({ url: record.url, contentHash: record.contentHash });
  });
});
