import { describe, expect, it } from "vitest";
import { type AdapterDefinition, defineAdapter, isAdapter } from "./define-adapter.js";

describe("defineAdapter", () => {
  it("returns the definition, branded, with RegExps and functions as written", () => {
    const pattern = /\/(\d{4})\/(\d{2})(\d{2})\//;
    const views = () => 1;
    const adapter = defineAdapter({
      name: "example-news",
      hosts: ["news.example.cn", "*.example.cn", "127.0.0.1:8080"],
      fields: { publishedAt: { url: pattern }, views },
    });
    expect(isAdapter(adapter)).toBe(true);
    expect(adapter.fields?.views).toBe(views);
    expect(adapter.fields?.publishedAt).toEqual({ url: pattern });
    expect((adapter.fields?.publishedAt as { url: RegExp } | undefined)?.url).toBe(pattern);
  });

  it("recognises an adapter branded by another copy of the module (the global symbol)", () => {
    expect(isAdapter({ [Symbol.for("caiji.adapter")]: true, name: "x" })).toBe(true);
    expect(isAdapter({ name: "x" })).toBe(false);
    expect(isAdapter(null)).toBe(false);
  });

  it.each([
    [
      { name: "Bad Name", hosts: ["a.cn"] },
      'adapter "Bad Name": name: must be lower-case letters, digits and dashes',
    ],
    [{ name: "nothing-owned" }, 'adapter "nothing-owned": needs `hosts` or `urls`'],
    [{ name: "x", hosts: ["http://a.cn/"] }, "hosts.0: must be a host"],
    [{ name: "x", hosts: ["a.cn"], fields: { views: 3 } }, "fields.views"],
    [{ name: "x", hosts: ["a.cn"], fields: { viewz: "span" } }, 'Unrecognized key: "viewz"'],
    [{ name: "x", hosts: ["a.cn"], render: "sometimes" }, "render"],
    [{ name: "x", hosts: ["a.cn"], renderInFrame: "no" }, "renderInFrame"],
    [{ name: "x", hosts: ["a.cn"], timezone: "Mars/Olympus" }, "timezone: must be an offset"],
    [{ name: "x", hosts: ["a.cn"], politeness: { intervalMs: -1 } }, "politeness.intervalMs"],
    [{ name: "x", hosts: ["a.cn"], pages: { kind: "article" } }, "pages.kind: must be a function"],
  ])("refuses %j with one line naming the adapter and the setting", (definition, message) => {
    let thrown: unknown;
    try {
      defineAdapter(definition as unknown as AdapterDefinition);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const text = (thrown as Error).message;
    expect(text).toContain(message);
    expect(text).not.toContain("\n");
  });
});
