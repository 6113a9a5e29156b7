/**
 * `caiji crawl` flag handling: bad input becomes one readable line naming the flag as the user typed it
 * (`src/cli/main.ts` prints it and exits 1); nothing is crawled or created.
 */
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { registerCrawl } from "../../src/cli/crawl.js";

async function run(args: string[]): Promise<unknown> {
  const program = new Command().exitOverride();
  registerCrawl(program);
  try {
    await program.parseAsync(["node", "caiji", "crawl", ...args]);
    return null;
  } catch (error) {
    return error;
  }
}

describe("caiji crawl flags", () => {
  it.each([
    [["ftp://example.cn/"], '<seed-url> "ftp://example.cn/": must be an http(s) URL'],
    [["not a url"], '<seed-url> "not a url": must be an http(s) URL'],
    [["http://example.cn/", "--render", "sometimes"], '--render "sometimes": Invalid option'],
    [["http://example.cn/", "--max-pages", "0"], "--max-pages: Too small"],
    [["http://example.cn/", "--max-depth", "two"], '--max-depth needs a whole number, got "two"'],
    [["http://example.cn/", "--interval-ms", "-5"], '--interval-ms needs a whole number, got "-5"'],
    [["http://example.cn/", "--sitemap", "sitemap.xml"], '--sitemap "sitemap.xml": must be an http(s) URL'],
  ])("rejects %j with one line", async (args, message) => {
    const error = await run(args);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain("\n");
  });
});
