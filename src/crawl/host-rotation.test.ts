import { describe, expect, it } from "vitest";
import type { CrawlRequest } from "./frontier.js";
import { HostRotation, type HostRotationOptions } from "./host-rotation.js";

const request = (url: string): CrawlRequest => ({
  url,
  depth: 1,
  referrer: null,
  attempts: 0,
  kind: "article",
});

function rotation(options: Partial<HostRotationOptions> = {}): HostRotation {
  return new HostRotation({
    maxBuffered: 100,
    perHostInFlight: 1,
    leaseTimeoutMs: 60_000,
    intervalMsFor: () => 1000,
    ...options,
  });
}

/** Starts everything `next` will hand out now, returning the URLs. */
function drain(hosts: HostRotation): string[] {
  const started: string[] = [];
  for (let next = hosts.next(); next; next = hosts.next()) started.push(next.url);
  return started;
}

describe("HostRotation", () => {
  it("starts one request per host when the frontier lists each host's links together", () => {
    const hosts = rotation();
    hosts.add([
      ...["1", "2", "3"].map((n) => request(`http://a.cn/${n}.html`)),
      ...["1", "2", "3"].map((n) => request(`http://b.cn/${n}.html`)),
      request("http://c.cn/1.html"),
    ]);
    expect(drain(hosts)).toEqual(["http://a.cn/1.html", "http://b.cn/1.html", "http://c.cn/1.html"]);
    expect(hosts.buffered).toBe(4);
  });

  it("starts a host's next request, in the frontier's order, when one of its requests finishes", () => {
    const hosts = rotation();
    const [first, second] = [request("http://a.cn/1.html"), request("http://a.cn/2.html")];
    hosts.add([first, second, request("http://b.cn/1.html")]);
    expect(drain(hosts)).toEqual(["http://a.cn/1.html", "http://b.cn/1.html"]);
    hosts.finished(first);
    expect(drain(hosts)).toEqual(["http://a.cn/2.html"]);
    expect(hosts.buffered).toBe(0);
  });

  it("lets a host run as many requests at once as it is allowed", () => {
    const hosts = rotation({ perHostInFlight: 2 });
    hosts.add(["1", "2", "3"].map((n) => request(`http://a.cn/${n}.html`)));
    expect(drain(hosts)).toEqual(["http://a.cn/1.html", "http://a.cn/2.html"]);
  });

  it("gives hosts turns: a host that just started waits behind the others that are ready", () => {
    const hosts = rotation({ perHostInFlight: 2 });
    hosts.add([request("http://a.cn/1.html"), request("http://a.cn/2.html"), request("http://b.cn/1.html")]);
    expect(drain(hosts)).toEqual(["http://a.cn/1.html", "http://b.cn/1.html", "http://a.cn/2.html"]);
  });

  it("treats ports as different hosts, as politeness does", () => {
    const hosts = rotation();
    hosts.add([request("http://127.0.0.1:8001/a.html"), request("http://127.0.0.1:8002/a.html")]);
    expect(drain(hosts)).toHaveLength(2);
  });

  it("leases no further than the window", () => {
    const hosts = rotation({ maxBuffered: 5 });
    expect(hosts.roomToLease()).toBe(5);
    hosts.add(["1", "2", "3"].map((n) => request(`http://a.cn/${n}.html`)));
    expect(hosts.roomToLease()).toBe(2);
  });

  it("stops leasing while one host holds more than it can start within half a lease", () => {
    // 1 s per request, 10 s leases: five waiting requests already take half the lease to start.
    const hosts = rotation({ leaseTimeoutMs: 10_000, intervalMsFor: () => 1000 });
    hosts.add(["1", "2", "3", "4"].map((n) => request(`http://a.cn/${n}.html`)));
    expect(hosts.roomToLease()).toBeGreaterThan(0);
    hosts.add([request("http://a.cn/5.html")]);
    expect(hosts.roomToLease()).toBe(0);
    hosts.next();
    expect(hosts.roomToLease()).toBeGreaterThan(0);
  });

  it("never limits hosts without an interval", () => {
    const hosts = rotation({ intervalMsFor: () => 0, leaseTimeoutMs: 10 });
    hosts.add(["1", "2", "3"].map((n) => request(`http://a.cn/${n}.html`)));
    expect(hosts.roomToLease()).toBe(97);
  });
});
