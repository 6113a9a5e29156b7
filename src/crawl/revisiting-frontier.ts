/**
 * A frontier wrapper for incremental cycles: a finished URL that is linked again is pending again, once per
 * cycle. That is how a later run re-reads seeds and list pages (the loop adds the seeds at start; they were
 * done last time) and re-checks the articles they link to, without a second list of "pages to revisit": the
 * site's own links say what is still current.
 *
 * Links found on an article page are only added, never revisited: an article's "related" and 上一篇/下一篇
 * links would otherwise walk the whole archive every cycle. Whether the page being read is an article is
 * told by `linksFromArticle` (the loop reads a page, then queues its links, with no await in between).
 *
 * Every other method passes straight through, so the loop cannot tell the difference.
 */
import type { AddInit, Frontier, FrontierStats, Lease, Outcome, Validators } from "./frontier.js";
import type { RevisitStore } from "./revisit-store.js";

export class RevisitingFrontier implements Frontier {
  /** URLs made pending again in this process (for the run's notice line). */
  revisited = 0;

  constructor(
    private readonly inner: Frontier,
    private readonly store: RevisitStore,
    private readonly cycle: number,
    /** True when `referrer` is the article page whose links are being queued. */
    private readonly linksFromArticle: (referrer: string) => boolean,
  ) {}

  add(url: string, init: AddInit = {}): boolean {
    return this.addMany([{ url, ...init }]) === 1;
  }

  /**
   * Adds new URLs as usual; a URL not yet scheduled in this cycle that was finished before is requeued
   * (attempts reset, at the end of its depth). Returns how many were new or requeued.
   */
  addMany(requests: ReadonlyArray<{ url: string } & AddInit>): number {
    const referrer = requests[0]?.referrer;
    if (requests.length === 0 || (referrer && this.linksFromArticle(referrer))) {
      return this.inner.addMany(requests);
    }
    const fresh = new Set(
      this.store.unstamped(
        requests.map((request) => request.url),
        this.cycle,
      ),
    );
    const batch = requests.filter((request) => fresh.has(request.url));
    let queued = this.inner.addMany(batch);
    // Requeue before stamping: a kill in between costs one extra visit on resume, never a missed one.
    for (const { url, ...init } of batch) {
      if (this.inner.requeue(url, init)) {
        queued++;
        this.revisited++;
      }
    }
    this.store.stamp([...fresh], this.cycle);
    // The same URL twice in one batch is stamped once: `fresh` holds it once.
    return queued;
  }

  has(url: string): boolean {
    return this.inner.has(url);
  }
  markAlias(alias: string): boolean {
    return this.inner.markAlias(alias);
  }
  lease(max: number, nowMs: number): Lease[] {
    return this.inner.lease(max, nowMs);
  }
  complete(url: string, outcome: Outcome): void {
    this.inner.complete(url, outcome);
  }
  release(url: string, notBeforeMs?: number): void {
    this.inner.release(url, notBeforeMs);
  }
  isEmpty(nowMs: number): boolean {
    return this.inner.isEmpty(nowMs);
  }
  isFinished(): boolean {
    return this.inner.isFinished();
  }
  requeue(url: string, init?: AddInit): boolean {
    return this.inner.requeue(url, init);
  }
  getValidators(url: string): Validators | null {
    return this.inner.getValidators(url);
  }
  setValidators(url: string, validators: Partial<Validators>): boolean {
    return this.inner.setValidators(url, validators);
  }
  getMeta(key: string): string | null {
    return this.inner.getMeta(key);
  }
  setMeta(key: string, value: string): void {
    this.inner.setMeta(key, value);
  }
  stats(): FrontierStats {
    return this.inner.stats();
  }
  close(): void {
    this.inner.close();
  }
}
