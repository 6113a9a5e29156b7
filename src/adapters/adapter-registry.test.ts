import { describe, expect, it } from "vitest";
import { AdapterRegistry } from "./adapter-registry.js";
import { defineAdapter } from "./define-adapter.js";

const registry = new AdapterRegistry([
  defineAdapter({ name: "wide", hosts: ["*.example.cn"], politeness: { intervalMs: 3000 } }),
  defineAdapter({ name: "narrow", hosts: ["*.news.example.cn"] }),
  defineAdapter({
    name: "exact",
    hosts: ["www.news.example.cn"],
    politeness: { intervalMs: 5000, concurrency: 2 },
  }),
  defineAdapter({ name: "exact-sports", hosts: ["www.news.example.cn"], urls: ["/sports/**"] }),
  defineAdapter({ name: "exact-sports-2023", hosts: ["www.news.example.cn"], urls: ["/sports/2023/**"] }),
  defineAdapter({ name: "any-host-gov", urls: [/\/gov\/\d+\.html$/] }),
  defineAdapter({ name: "port", hosts: ["127.0.0.1:8080"] }),
]);

describe("AdapterRegistry.resolve", () => {
  it.each([
    ["http://www.news.example.cn/a.html", "exact"],
    ["http://m.news.example.cn/a.html", "narrow"],
    ["http://www.example.cn/a.html", "wide"],
    ["http://www.news.example.cn/sports/1.html", "exact-sports"],
    ["http://www.news.example.cn/sports/2023/1.html", "exact-sports-2023"],
    ["http://other.org/gov/12.html", "any-host-gov"],
    // A host rule beats a URL-only rule.
    ["http://www.example.cn/gov/12.html", "wide"],
    ["http://127.0.0.1:8080/x", "port"],
    ["http://127.0.0.1:9090/x", "generic"],
    ["http://example.cn/a.html", "generic"],
    ["not a url", "generic"],
  ])("%s → %s", (url, name) => {
    expect(registry.resolve(url).name).toBe(name);
  });

  it("needs every rule an adapter states: hosts and urls both", () => {
    expect(registry.resolve("http://www.other.cn/sports/1.html").name).toBe("generic");
  });

  it("breaks a tie by name, whatever the load order", () => {
    const a = defineAdapter({ name: "a-site", hosts: ["x.cn"] });
    const b = defineAdapter({ name: "b-site", hosts: ["x.cn"] });
    expect(new AdapterRegistry([b, a]).resolve("http://x.cn/").name).toBe("a-site");
    expect(new AdapterRegistry([a, b]).resolve("http://x.cn/").name).toBe("a-site");
  });
});

describe("AdapterRegistry.politenessFor", () => {
  it("takes the politeness of the adapter whose hosts fit the host best", () => {
    expect(registry.politenessFor("www.news.example.cn")).toEqual({ intervalMs: 5000, concurrency: 2 });
    expect(registry.politenessFor("www.example.cn")).toEqual({ intervalMs: 3000 });
    expect(registry.politenessFor("m.news.example.cn")).toBeUndefined();
    expect(registry.politenessFor("other.org")).toBeUndefined();
  });
});

describe("AdapterRegistry.list and get", () => {
  it("lists adapters by name with what they match", () => {
    const list = registry.list();
    expect(list.map((entry) => entry.name)).toEqual([...list.map((entry) => entry.name)].sort());
    expect(list.find((entry) => entry.name === "any-host-gov")?.urls).toEqual(["/\\/gov\\/\\d+\\.html$/"]);
  });

  it("finds an adapter by name, and the generic one as 'generic'", () => {
    expect(registry.get("narrow")?.name).toBe("narrow");
    expect(registry.get("generic")?.isGeneric).toBe(true);
    expect(registry.get("missing")).toBeUndefined();
  });
});
