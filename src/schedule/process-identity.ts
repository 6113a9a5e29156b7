/**
 * Who holds a job lock, told apart well enough to notice a dead holder. A pid alone is not enough: after a
 * crash and a reboot, or just a busy week, the pid of a killed run may belong to an unrelated process, and a
 * lock that trusts it stays stuck. On Linux the process start time (`/proc/<pid>/stat`, field 22, in clock
 * ticks since boot) is recorded too, and a live pid with another start time is a different process.
 * Elsewhere the pid check is all there is.
 *
 * A holder on another host (a state folder on a network disk) cannot be checked from here and counts as
 * alive: a lock must never be broken on a guess.
 */
import { readFileSync } from "node:fs";
import { hostname } from "node:os";

export interface ProcessIdentity {
  pid: number;
  /** Start time in clock ticks since boot (Linux), or null where unknown. */
  startTicks: string | null;
  host: string;
}

export function currentProcess(): ProcessIdentity {
  return { pid: process.pid, startTicks: startTicksOf(process.pid), host: hostname() };
}

/** True when the process is (as far as this machine can tell) still the one that was recorded. */
export function isAlive(identity: ProcessIdentity): boolean {
  if (identity.host !== hostname()) return true;
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    // EPERM: the pid exists and belongs to another user; it may still be ours under another uid.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (identity.startTicks === null) return true;
  const now = startTicksOf(identity.pid);
  return now === null || now === identity.startTicks;
}

function startTicksOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}
