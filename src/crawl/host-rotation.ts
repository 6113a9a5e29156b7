/**
 * Leased requests waiting for their host, handed out so that every host with work has a request running.
 *
 * The frontier leases breadth-first in discovery order, so its next requests usually all belong to the host
 * whose list page was read last. Starting them in that order puts every slot in one host's politeness queue
 * while the other hosts sit idle: measured across 50 local hosts at one request per second each, the crawl
 * reached 0.13 of the politeness limit (docs/performance.md). So the loop leases further ahead into one queue
 * per host and starts a request only for a host with fewer than `perHostInFlight` running, taking hosts in
 * turn.
 *
 * How far ahead is bounded twice: `maxBuffered` requests in all, and no host's queue longer than the host
 * can serve within half a lease (queue length × the host's interval), so a buffered lease never lapses.
 * Within the window the frontier's order is kept per host; across hosts, the host that waited longest goes
 * first.
 *
 * @example
 *   const rotation = new HostRotation({ maxBuffered: 4096, perHostInFlight: 2, leaseTimeoutMs, intervalMsFor });
 *   rotation.add(frontier.lease(rotation.roomToLease(), now).map((lease) => lease.request));
 *   for (let request = rotation.next(); request; request = rotation.next()) start(request); // then finished(request)
 */
import type { CrawlRequest } from "./frontier.js";
import { hostOf } from "./normalize-url.js";

export interface HostRotationOptions {
  /** Leased requests held at most, all hosts together. */
  maxBuffered: number;
  /** Requests of one host running at once (fetching, or waiting in its politeness queue). */
  perHostInFlight: number;
  /** The frontier's lease time: a request must start well within it. */
  leaseTimeoutMs: number;
  /** The host's interval between request starts, Crawl-delay included. */
  intervalMsFor: (url: string) => number;
}

interface HostQueue {
  waiting: CrawlRequest[];
  running: number;
  intervalMs: number;
}

export class HostRotation {
  readonly #options: HostRotationOptions;
  readonly #hosts = new Map<string, HostQueue>();
  /** Hosts with a waiting request and room to run it, in the order they became ready. */
  readonly #ready = new Set<string>();
  #buffered = 0;

  constructor(options: HostRotationOptions) {
    this.#options = options;
  }

  /** Requests leased and not yet started. */
  get buffered(): number {
    return this.#buffered;
  }

  /** How many more requests may be leased now: 0 when the window is full or a host's queue is long enough. */
  roomToLease(): number {
    const halfLeaseMs = this.#options.leaseTimeoutMs / 2;
    for (const queue of this.#hosts.values()) {
      if (queue.waiting.length * queue.intervalMs >= halfLeaseMs) return 0;
    }
    return Math.max(0, this.#options.maxBuffered - this.#buffered);
  }

  add(requests: readonly CrawlRequest[]): void {
    for (const request of requests) {
      const host = hostKey(request.url);
      let queue = this.#hosts.get(host);
      if (!queue) {
        queue = { waiting: [], running: 0, intervalMs: 0 };
        this.#hosts.set(host, queue);
      }
      queue.intervalMs = this.#options.intervalMsFor(request.url);
      queue.waiting.push(request);
      this.#buffered++;
      this.#updateReady(host, queue);
    }
  }

  /** The next request to start (counted as running until `finished`), or null when no host has room. */
  next(): CrawlRequest | null {
    for (const host of this.#ready) {
      const queue = this.#hosts.get(host) as HostQueue;
      const request = queue.waiting.shift() as CrawlRequest;
      this.#buffered--;
      queue.running++;
      // To the back of the line: the other ready hosts go first.
      this.#ready.delete(host);
      this.#updateReady(host, queue);
      return request;
    }
    return null;
  }

  /** A request handed out by `next` has finished (any outcome). */
  finished(request: CrawlRequest): void {
    const host = hostKey(request.url);
    const queue = this.#hosts.get(host);
    if (!queue) return;
    queue.running--;
    if (queue.running <= 0 && queue.waiting.length === 0) {
      this.#hosts.delete(host);
      this.#ready.delete(host);
      return;
    }
    this.#updateReady(host, queue);
  }

  #updateReady(host: string, queue: HostQueue): void {
    if (queue.waiting.length > 0 && queue.running < this.#options.perHostInFlight) this.#ready.add(host);
    else this.#ready.delete(host);
  }
}

function hostKey(url: string): string {
  return hostOf(url) ?? url;
}
