/**
 * The worker thread behind `ExtractPool`: loads what extraction needs once (segmenter, DOM, the site
 * adapters), then turns each page it is sent into a record, or into the reason there is none. Each message
 * is one page; the answer carries the same id. A hook of a site adapter that fails on a page is reported
 * back (the record then comes from the generic adapter, as on the main thread).
 */
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { AdapterRegistry } from "../adapters/adapter-registry.js";
import type { Page } from "../fetch/page.js";
import { loadSegmenter } from "../nlp/load-segmenter.js";
import type { ExtractJob, ExtractWorkerData, WorkerAnswer } from "./extract-pool.js";
import { extractRecord } from "./extract-record.js";

const data = workerData as ExtractWorkerData;
const port = parentPort;
if (!port) throw new Error("extract-worker.ts runs as a worker thread of ExtractPool");

async function main(port: MessagePort): Promise<void> {
  // Loaded before the first page, so no page pays for it.
  const segmenter = loadSegmenter();
  const registry = data.adapters
    ? (
        await AdapterRegistry.load({
          dirs: data.adapters.dirs,
          optionalDirs: data.adapters.optionalDirs,
          onError: (error) =>
            port.postMessage({ type: "adapter-error", url: error.url, message: error.message }),
        })
      ).registry
    : null;

  port.on("message", (job: ExtractJob) => {
    const page: Page = job.page;
    let answer: WorkerAnswer;
    try {
      const laterPages = job.laterPages?.length ? { laterPages: job.laterPages } : {};
      const record = registry
        ? registry.resolve(page.url).extract(page, { segmenter, ...laterPages })
        : extractRecord(page, { ...job.options, segmenter, ...laterPages });
      answer = { type: "done", id: job.id, record };
    } catch (error) {
      const kind = (error as { kind?: unknown }).kind;
      answer = {
        type: "failed",
        id: job.id,
        kind: typeof kind === "string" ? kind : "error",
        message: error instanceof Error ? error.message : String(error),
      };
    }
    port.postMessage(answer);
  });
  port.postMessage({ type: "ready" });
}

void main(port);
