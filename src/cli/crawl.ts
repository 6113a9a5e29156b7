/** `caiji crawl` — placeholder until the crawl loop lands (issue 3). */
import type { Command } from "commander";

export function registerCrawl(program: Command): void {
  program
    .command("crawl")
    .description("crawl sites into JSONL (not yet available)")
    .argument("<seeds...>")
    .action(() => {
      throw new Error("crawl is not implemented yet");
    });
}
