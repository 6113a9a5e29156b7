/**
 * `defineConfig` for `caiji.config.ts`: returns its argument unchanged and exists for the types, so an
 * editor completes and checks every job setting as it is typed. It is also what `import … from "caiji"`
 * means inside a config file (the loader maps the name here), which is why this module imports types only:
 * loading a config must not load the crawler a second time.
 *
 * @example
 * // caiji.config.ts
 * import { defineConfig } from "caiji";
 * export default defineConfig({
 *   jobs: {
 *     news: {
 *       seeds: ["https://news.example.cn/"],
 *       schedule: { cron: "0 *\/2 * * *", timezone: "Asia/Shanghai" },
 *       out: "output/{job}/{date}.jsonl",
 *     },
 *   },
 * });
 */
import type { ConfigInput, JobInput } from "./config-schema.js";

export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}

export type { ConfigInput as CaijiConfig, JobInput as CaijiJob };
