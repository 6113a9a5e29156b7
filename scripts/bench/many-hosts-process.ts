/**
 * The many-hosts site (`many-hosts-site.ts`) in a process of its own, for the crawl benchmark.
 *
 * In the crawler's process the servers share its event loop: a request arriving while the loop extracts a
 * page is logged only when the loop is free again, up to a hundred milliseconds late on a loaded machine,
 * which reads as two requests closer than the crawler sent them, and the servers' CPU counts as the
 * crawler's. Here the request times are taken on the server's own loop and clock, and fetched after a run.
 *
 * @example
 *   const site = await startManyHostsProcess({ hosts: 50, articlesPerHost: 20 });
 *   await site.setResponseDelay(300);
 *   // crawl site.roots …
 *   const times = await site.takeRequestTimes(); // root → arrival times (ms) since the last take
 *   await site.close();
 */
import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ManyHostsSite, type ManyHostsSiteOptions, startManyHostsSite } from "./many-hosts-site.js";

export interface ManyHostsProcess {
  roots: string[];
  articleBytes: number;
  setResponseDelay(ms: number): Promise<void>;
  /** Arrival times per root since the previous take (or the start), in the server's ms. */
  takeRequestTimes(): Promise<Map<string, number[]>>;
  close(): Promise<void>;
}

type Command =
  | { id: number; kind: "delay"; ms: number }
  | { id: number; kind: "take" }
  | { id: number; kind: "close" };
type Reply =
  | { kind: "ready"; roots: string[]; articleBytes: number }
  | { id: number; kind: "done"; times?: Array<[string, number[]]> };

const CHILD_FLAG = "CAIJI_MANY_HOSTS_CHILD";

export async function startManyHostsProcess(options: ManyHostsSiteOptions): Promise<ManyHostsProcess> {
  const jitiCli = join(
    dirname(createRequire(import.meta.url).resolve("jiti/package.json")),
    "lib",
    "jiti-cli.mjs",
  );
  const child: ChildProcess = fork(jitiCli, [fileURLToPath(import.meta.url), JSON.stringify(options)], {
    env: { ...process.env, [CHILD_FLAG]: "1" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, (reply: Reply) => void>();
  let nextId = 1;
  const ready = new Promise<Extract<Reply, { kind: "ready" }>>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`many-hosts site exited (${code})`)));
    child.on("message", (reply: Reply) => {
      if (reply.kind === "ready") resolve(reply);
      else pending.get(reply.id)?.(reply);
    });
  });
  const ask = (command: Omit<Command, "id">): Promise<Reply> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ ...command, id });
    });
  const { roots, articleBytes } = await ready;
  return {
    roots,
    articleBytes,
    setResponseDelay: async (ms) => {
      await ask({ kind: "delay", ms } as Omit<Command, "id">);
    },
    takeRequestTimes: async () => {
      const reply = await ask({ kind: "take" });
      return new Map(reply.kind === "done" ? (reply.times ?? []) : []);
    },
    close: async () => {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      await ask({ kind: "close" });
      await exited;
    },
  };
}

async function serveInChild(options: ManyHostsSiteOptions): Promise<void> {
  const site: ManyHostsSite = await startManyHostsSite(options);
  const send = (reply: Reply) => process.send?.(reply);
  process.on("message", async (command: Command) => {
    if (command.kind === "delay") {
      site.responseDelayMs = command.ms;
      send({ id: command.id, kind: "done" });
    } else if (command.kind === "take") {
      const times = [...site.requestTimes].map(
        ([root, list]) => [root, list.splice(0)] as [string, number[]],
      );
      send({ id: command.id, kind: "done", times });
    } else {
      await site.close();
      send({ id: command.id, kind: "done" });
      process.disconnect?.();
      process.exit(0);
    }
  });
  send({ kind: "ready", roots: site.roots, articleBytes: site.articleBytes });
}

if (process.env[CHILD_FLAG] === "1" && process.send) {
  await serveInChild(JSON.parse(process.argv.at(-1) ?? "{}") as ManyHostsSiteOptions);
}
