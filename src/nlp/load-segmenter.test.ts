import { afterEach, describe, expect, it } from "vitest";
import { defaultSegmenter, loadSegmenter, resolveSegmenterName, segmenterEnvVar } from "./load-segmenter.js";

describe("loadSegmenter", () => {
  const saved = process.env[segmenterEnvVar];
  afterEach(() => {
    if (saved === undefined) delete process.env[segmenterEnvVar];
    else process.env[segmenterEnvVar] = saved;
  });

  it("returns the same instance on every call", () => {
    const first = loadSegmenter();
    expect(loadSegmenter()).toBe(first);
    expect(loadSegmenter(defaultSegmenter)).toBe(first);
    expect(first.name).toBe(defaultSegmenter);
  });

  it("takes the binding from the argument, then from the environment", () => {
    process.env[segmenterEnvVar] = "nodejs-jieba";
    expect(loadSegmenter().name).toBe("nodejs-jieba");
    expect(loadSegmenter("node-rs").name).toBe("node-rs");
    expect(loadSegmenter()).toBe(loadSegmenter("nodejs-jieba"));
  });

  it("throws a one-line error for an unknown name", () => {
    process.env[segmenterEnvVar] = "hanlp";
    expect(() => loadSegmenter()).toThrow(/^unknown segmenter "hanlp": expected node-rs or nodejs-jieba$/);
    expect(() => resolveSegmenterName("jieba")).toThrow(Error);
  });

  it("treats an empty environment variable as unset", () => {
    process.env[segmenterEnvVar] = " ";
    expect(resolveSegmenterName(process.env[segmenterEnvVar])).toBe(defaultSegmenter);
  });
});
