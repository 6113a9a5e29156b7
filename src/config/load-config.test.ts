/**
 * The config file: found, loaded (TypeScript through jiti, or JSON), checked, its paths read from its own
 * folder; every problem one line naming the file and the setting; flags laid over it in the documented
 * order (defaults < config file < flags).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyOverrides, jobCrawlOptions } from "./job-options.js";
import { ConfigError, loadConfig, parseConfig } from "./load-config.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "caiji-config-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const seed = "https://news.example.cn/";

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The one-line message `parseConfig` throws for a config value. */
function problem(value: unknown): string {
  try {
    parseConfig(value, "caiji.config.ts", dir, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it('loads caiji.config.ts with `import { defineConfig } from "caiji"` and fills in the defaults', async () => {
    write(
      "caiji.config.ts",
      `import { defineConfig } from "caiji";
       const hours: number = 2;
       export default defineConfig({
         jobs: {
           news: {
             seeds: ["${seed}"],
             politeness: { intervalMs: 2000 },
             schedule: { cron: \`0 */\${hours} * * *\`, timezone: "Asia/Shanghai" },
           },
         },
       });`,
    );
    const config = await loadConfig({ cwd: dir });
    expect(config.displayName).toBe("caiji.config.ts");
    const job = config.jobs.news;
    expect(job?.schedule).toEqual({ cron: "0 */2 * * *", timezone: "Asia/Shanghai" });
    expect(job?.politeness).toMatchObject({ intervalMs: 2000, concurrency: 8, robots: true });
    expect(job?.out).toBe("output/{job}/{date}.jsonl");
    expect(job?.state).toBe(".state/news");
  });

  it("reads relative paths from the config file's folder, wherever caiji runs", async () => {
    mkdirSync(join(dir, "etc"));
    const file = write(
      "etc/jobs.json",
      JSON.stringify({ jobs: { gov: { seeds: [seed], out: "../data/{job}.jsonl", adapters: ["sites"] } } }),
    );
    const config = await loadConfig({ file, cwd: join(dir, "etc") });
    expect(config.jobs.gov?.out).toBe(join(dir, "data/{job}.jsonl"));
    expect(config.jobs.gov?.state).toBe(".state/gov");
    expect(config.jobs.gov?.adapters).toEqual(["sites"]);
    mkdirSync(join(dir, "elsewhere"));
    const fromElsewhere = await loadConfig({ file, cwd: join(dir, "elsewhere") });
    expect(fromElsewhere.jobs.gov?.state).toBe(join(dir, "etc/.state/gov"));
  });

  it("prefers caiji.config.ts to caiji.config.json in the working directory", async () => {
    write("caiji.config.json", JSON.stringify({ jobs: { fromJson: { seeds: [seed] } } }));
    expect(Object.keys((await loadConfig({ cwd: dir })).jobs)).toEqual(["fromJson"]);
    write("caiji.config.ts", `export default { jobs: { fromTs: { seeds: ["${seed}"] } } };`);
    expect(Object.keys((await loadConfig({ cwd: dir })).jobs)).toEqual(["fromTs"]);
  });

  it("says in one line what is wrong with the file itself", async () => {
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/^no config file: looked for caiji\.config\.ts/);
    await expect(loadConfig({ cwd: dir, file: "nope.ts" })).rejects.toThrow("nope.ts: no such config file");
    write("bad.json", "{ jobs: ");
    await expect(loadConfig({ cwd: dir, file: "bad.json" })).rejects.toThrow(/^bad\.json: not valid JSON: /);
    write("broken.ts", "export default {{;");
    await expect(loadConfig({ cwd: dir, file: "broken.ts" })).rejects.toThrow(/^broken\.ts: cannot load: /);
    write("empty.ts", "export const x = 1;");
    await expect(loadConfig({ cwd: dir, file: "empty.ts" })).rejects.toThrow(
      /^empty\.ts: no config exported/,
    );
  });
});

describe("config errors name the file and the setting", () => {
  it.each([
    ["a job without seeds", { jobs: { news: {} } }, /^caiji\.config\.ts: jobs\.news\.seeds: /],
    [
      "a seed that is not a URL",
      { jobs: { news: { seeds: ["news.example.cn"] } } },
      "caiji.config.ts: jobs.news.seeds.0: must be an http(s) URL",
    ],
    [
      "a bad cron expression",
      { jobs: { news: { seeds: [seed], schedule: { cron: "* * *" } } } },
      /^caiji\.config\.ts: jobs\.news\.schedule\.cron: invalid cron expression "\* \* \*": /,
    ],
    [
      "an unknown time zone",
      { jobs: { news: { seeds: [seed], schedule: { cron: "@hourly", timezone: "Asia/Beijing" } } } },
      /^caiji\.config\.ts: jobs\.news\.schedule\.timezone: unknown time zone/,
    ],
    [
      "a misspelt setting, with the one meant",
      { jobs: { news: { seeds: [seed], politeness: { intervalMS: 0 } } } },
      "caiji.config.ts: jobs.news.politeness.intervalMS: unknown setting (did you mean intervalMs?)",
    ],
    ["an unknown top-level key", { job: {} }, "caiji.config.ts: job: unknown setting (did you mean jobs?)"],
    [
      "an unknown placeholder in the output pattern",
      { jobs: { news: { seeds: [seed], out: "out/{jobname}.jsonl" } } },
      /^caiji\.config\.ts: jobs\.news\.out: unknown placeholder \{jobname\}/,
    ],
    [
      "a job name that cannot be a folder name",
      { jobs: { "news/today": { seeds: [seed] } } },
      /^caiji\.config\.ts: jobs\.news\/today: a job name is letters/,
    ],
    [
      "two jobs sharing a state folder",
      { jobs: { a: { seeds: [seed], state: "s" }, b: { seeds: [seed], state: "./s" } } },
      'caiji.config.ts: jobs.b.state: "s" is also job a\'s state folder',
    ],
    [
      "a wrong type",
      { jobs: { news: { seeds: [seed], scope: { maxPages: "100" } } } },
      /^caiji\.config\.ts: jobs\.news\.scope\.maxPages: /,
    ],
  ])("%s", (_name, value, expected) => {
    const message = problem(value);
    if (typeof expected === "string") expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });
});

describe("precedence: defaults < config file < flags", () => {
  const job = () =>
    parseConfig(
      {
        jobs: {
          news: { seeds: [seed], politeness: { intervalMs: 200, robots: false }, scope: { maxDepth: 3 } },
        },
      },
      "caiji.config.json",
      dir,
      dir,
    ).news as NonNullable<ReturnType<typeof parseConfig>[string]>;

  it("takes the config over the defaults, and a given flag over the config", () => {
    const fromConfig = jobCrawlOptions(applyOverrides(job(), {}), "out.jsonl");
    expect(fromConfig.politeness).toMatchObject({ intervalMs: 200, robots: false, concurrency: 8 });
    expect(fromConfig.scope.maxDepth).toBe(3);
    expect(fromConfig.out).toBe("out.jsonl");

    const withFlags = jobCrawlOptions(applyOverrides(job(), { intervalMs: 0, maxPages: 5 }), "out.jsonl");
    expect(withFlags.politeness).toMatchObject({ intervalMs: 0, robots: false });
    expect(withFlags.scope).toMatchObject({ maxPages: 5, maxDepth: 3 });
  });

  it("refuses a bad flag value with the crawl options' own message", () => {
    expect(() => jobCrawlOptions(applyOverrides(job(), { concurrency: 0 }), "out.jsonl")).toThrow(
      /^invalid crawl option politeness\.concurrency: /,
    );
  });
});
