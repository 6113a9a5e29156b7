/** `caiji eval` — placeholder until its issue lands. */
import type { Command } from "commander";

export function registerEval(program: Command): void {
  program
    .command("eval")
    .description("(not yet available)")
    .action(() => {
      throw new Error("eval is not implemented yet");
    });
}
