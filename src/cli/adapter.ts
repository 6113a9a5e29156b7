/** `caiji adapter` — placeholder until its issue lands. */
import type { Command } from "commander";

export function registerAdapter(program: Command): void {
  program
    .command("adapter")
    .description("(not yet available)")
    .action(() => {
      throw new Error("adapter is not implemented yet");
    });
}
