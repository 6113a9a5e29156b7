/**
 * What a new user does, through the real `caiji` command in a project folder of their own (a temp folder
 * with no node_modules: `import { defineAdapter } from "caiji"` must resolve through caiji itself):
 *   1. `caiji adapter new demo --url <saved page> --page-url <its address>` writes the adapter, the
 *      fixture and a contract of what caiji extracts today, and that contract passes at once;
 *   2. they correct the expectations the generic adapter got wrong → the contract fails, per field;
 *      meanwhile two broken adapters sit in crawlers/ (a syntax error, a throwing hook): each costs one line
 *      naming the adapter and the page, and the other adapters still run;
 *   3. they add two hooks → `caiji adapter test demo` passes.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const mainTs = join(repoRoot, "src/cli/main.ts");
const jitiRegister = import.meta.resolve("jiti/register");
const samplePage = join(repoRoot, "fixtures/adapters/qinghe/article/page.html");
const pageUrl = "http://www.demo-news.cn/news/2023/0110/5821.html";
/** Each step starts a node process that loads TypeScript through jiti: generous on a busy machine. */
const stepTimeoutMs = 300_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function caiji(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", jitiRegister, mainTs, ...args], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "caiji-new-user-"));
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe("a new site, from a saved page to a passing contract", () => {
  it(
    "adapter new writes a ten-line adapter, the fixture and a contract that passes at once",
    async () => {
      const created = await caiji(
        project,
        "adapter",
        "new",
        "demo",
        "--url",
        samplePage,
        "--page-url",
        pageUrl,
      );
      expect(created.stderr).toBe("");
      expect(created.code).toBe(0);
      const adapter = readFileSync(join(project, "crawlers/demo.ts"), "utf8");
      expect(adapter).toContain('from "caiji"');
      expect(adapter).toContain('hosts: ["www.demo-news.cn"]');
      expect(adapter.trim().split("\n").length).toBeLessThanOrEqual(12);
      expect(readFileSync(join(project, "fixtures/adapters/demo/article/page.html"))).toEqual(
        readFileSync(samplePage),
      );
      const contract = JSON.parse(
        readFileSync(join(project, "fixtures/adapters/demo/article/expected.json"), "utf8"),
      );
      expect(contract.url).toBe(pageUrl);
      // What the generic extraction gives today, wrong values included.
      expect(contract.expect).toMatchObject({
        site: "demo",
        kind: "article",
        publishedAt: null,
        views: null,
      });

      const tested = await caiji(project, "adapter", "test", "demo");
      expect(tested.code, tested.stdout + tested.stderr).toBe(0);
      expect(tested.stdout).toContain("PASS  demo/article");
      expect(tested.stdout).toMatch(/ok {4}views\s+null/);
    },
    stepTimeoutMs,
  );

  it(
    "corrected expectations fail per field; broken adapters cost one line each and the rest still run",
    async () => {
      const expectedPath = join(project, "fixtures/adapters/demo/article/expected.json");
      const contract = JSON.parse(readFileSync(expectedPath, "utf8"));
      contract.expect.publishedAt = "2023-01-10";
      contract.expect.views = 1523;
      writeFileSync(expectedPath, JSON.stringify(contract, null, 2));

      writeFileSync(
        join(project, "crawlers/broken.ts"),
        'import { defineAdapter } from "caiji";\nexport default defineAdapter({ name: "broken", hosts: ["www.broken.cn"] \n',
      );
      writeFileSync(
        join(project, "crawlers/thrower.ts"),
        [
          'import { defineAdapter } from "caiji";',
          "export default defineAdapter({",
          '  name: "thrower",',
          '  hosts: ["www.thrower.cn"],',
          '  fields: { views: () => { throw new Error("counter markup changed"); } },',
          "});",
          "",
        ].join("\n"),
      );
      for (const name of ["broken", "thrower"]) {
        const dir = join(project, `fixtures/adapters/${name}/article`);
        mkdirSync(dir, { recursive: true });
        cpSync(samplePage, join(dir, "page.html"));
        const url = `http://www.${name}.cn/news/2023/0110/1.html`;
        writeFileSync(join(dir, "expected.json"), JSON.stringify({ url, expect: { site: name } }));
      }

      const run = await caiji(project, "adapter", "test");
      expect(run.code).toBe(1);
      // The demo contract: the corrected fields fail, each with what came out instead.
      expect(run.stdout).toContain("FAIL  demo/article");
      expect(run.stdout).toMatch(/FAIL {2}publishedAt\s+expected "2023-01-10", got null/);
      expect(run.stdout).toMatch(/FAIL {2}views\s+expected 1523, got null/);
      expect(run.stdout).toMatch(/ok {4}title/);

      // Syntax error: one line on stderr naming adapter and file; its contract fails naming the page.
      const loadLines = run.stderr.split("\n").filter((line) => line.includes('adapter "broken"'));
      expect(loadLines).toHaveLength(1);
      expect(loadLines[0]).toContain("crawlers/broken.ts");
      expect(loadLines[0]).toContain("failed to load");
      expect(run.stdout).toContain("http://www.broken.cn/news/2023/0110/1.html");

      // Throwing hook: one line naming adapter, page and hook; the page fell back to the generic adapter.
      const hookLines = run.stdout.split("\n").filter((line) => line.includes('adapter "thrower" failed on'));
      expect(hookLines).toHaveLength(1);
      expect(hookLines[0]).toContain("http://www.thrower.cn/news/2023/0110/1.html");
      expect(hookLines[0]).toContain("fields.views: counter markup changed");
      expect(run.stdout).toMatch(/FAIL {2}site\s+expected "thrower", got "generic"/);
    },
    stepTimeoutMs,
  );

  it(
    "two hooks in the adapter make the corrected contract pass",
    async () => {
      rmSync(join(project, "crawlers/broken.ts"));
      const adapterPath = join(project, "crawlers/demo.ts");
      const adapter = readFileSync(adapterPath, "utf8").replace(
        '  hosts: ["www.demo-news.cn"],',
        '  hosts: ["www.demo-news.cn"],\n  fields: { views: "span.num", publishedAt: { url: /\\/(\\d{4})\\/(\\d{2})(\\d{2})\\// } },',
      );
      writeFileSync(adapterPath, adapter);
      const run = await caiji(project, "adapter", "test", "demo");
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain("PASS  demo/article");
      expect(run.stdout).toMatch(/ok {4}views\s+1523/);
      expect(run.stderr).toBe("");
      expect(existsSync(join(project, "crawlers/thrower.ts"))).toBe(true);
    },
    stepTimeoutMs,
  );
});
