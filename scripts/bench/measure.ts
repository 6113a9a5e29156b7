/**
 * What every benchmark section shares: a wall + CPU stopwatch, resident-memory sampling, number formatting,
 * and the result shape a section hands back to `run.ts`.
 *
 * The machines we measure on are shared (load averages of 15 on two cores are normal), so wall time alone
 * says little: every rate is reported per wall-second and per CPU-second of this process (user + system,
 * `process.cpuUsage()`), and goals that are about CPU work are judged on the CPU figure.
 */
import { readFileSync } from "node:fs";
import os from "node:os";

export interface Span {
  wallMs: number;
  cpuMs: number;
}

/** Starts a stopwatch; `stop()` gives the wall and CPU time since. */
export function stopwatch(): { stop(): Span } {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  return {
    stop() {
      const cpu = process.cpuUsage(cpuBefore);
      return { wallMs: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
    },
  };
}

/** Adds `b` into `a`. */
export function addSpan(a: Span, b: Span): void {
  a.wallMs += b.wallMs;
  a.cpuMs += b.cpuMs;
}

/** A goal and whether the figure met it; printed as ✓/✗ beside the figure, never asserted in tests. */
export interface GoalCheck {
  goal: string;
  figure: string;
  met: boolean;
}

/** One table of a section's results. */
export interface Table {
  title: string;
  header: string[];
  rows: string[][];
}

/** What a section prints and writes into docs/performance.md. */
export interface SectionResult {
  section: string;
  title: string;
  /** How the figures were taken: pages, settings, machine load. */
  setup: string[];
  tables: Table[];
  goals: GoalCheck[];
  notes: string[];
}

export const mb = (bytes: number): number => bytes / 1024 / 1024;
export const fmtMb = (bytes: number): string => `${mb(bytes).toFixed(0)} MB`;
export const fmt = (value: number, digits = 1): string =>
  Number.isFinite(value)
    ? value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "–";
/** Events per second from a count and milliseconds. */
export const perSecond = (count: number, ms: number): number => (ms > 0 ? (count / ms) * 1000 : 0);

/** The machine and its load, for a section's setup lines. */
export function machineLine(): string {
  const cpus = os.cpus();
  const [load1] = os.loadavg();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, node ${process.version}, load average ${(load1 ?? 0).toFixed(1)}`;
}

/**
 * Tracks peak RSS. Timers do not fire inside synchronous loops, so callers `sample()` as they go; a
 * timer also samples while the loop awaits.
 */
export class RssTracker {
  peak = process.memoryUsage.rss();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 100) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): number {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    return rss;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** Lets the event loop turn (jsdom frees a closed window's memory only then). */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * CPU time of this process's finished children and their own reaped descendants (user + system, ms), from
 * `/proc/self/stat`: a child's figure after it exits includes the browsers it started. Null off Linux.
 */
export function reapedChildrenCpuMs(): number | null {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // Fields after the parenthesised command name; cutime and cstime are fields 16 and 17 (1-based).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/** `getconf CLK_TCK` on every Linux Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;
