// CPU seconds spent by the processes of a bench run, from /proc, sampled while
// they run (a process SIGKILLed keeps what it had spent when last sampled). A
// root's own children that ended and were reaped count too (cutime + cstime):
// PostgreSQL's postmaster reaps its backends, so the cluster's total is right.
import fs from 'node:fs';
import { descendants } from '../proc-memory.js';

const TICK = 100; // USER_HZ on Linux

function ticks(pid: number, withReaped: boolean): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14-17 of stat are utime, stime, cutime, cstime; f starts at field 3.
    const own = Number(f[11]) + Number(f[12]);
    return withReaped ? own + Number(f[13]) + Number(f[14]) : own;
  } catch {
    return null;
  }
}

export class CpuMeter {
  private readonly seen = new Map<string, Map<number, number>>();
  private readonly timer: NodeJS.Timeout;

  /** `groups`: a name and the root pids whose trees it counts (read again at every sample). */
  constructor(private readonly groups: () => Record<string, number[]>) {
    this.timer = setInterval(() => this.sample(), 1000);
    this.timer.unref();
  }

  sample(): void {
    for (const [name, roots] of Object.entries(this.groups())) {
      const m = this.seen.get(name) ?? new Map<number, number>();
      for (const root of roots) {
        for (const [pid, reaped] of [[root, true] as const, ...descendants(root).map((p) => [p, false] as const)]) {
          const t = ticks(pid, reaped);
          if (t !== null) m.set(pid, Math.max(m.get(pid) ?? 0, t));
        }
      }
      this.seen.set(name, m);
    }
  }

  /** CPU seconds per group, and the bench process itself. */
  stop(): Record<string, number> {
    this.sample();
    clearInterval(this.timer);
    const out: Record<string, number> = {};
    for (const [name, m] of this.seen) out[name] = Math.round(([...m.values()].reduce((a, b) => a + b, 0) / TICK) * 10) / 10;
    const self = process.cpuUsage();
    out.kiosks = Math.round(((self.user + self.system) / 1e6) * 10) / 10;
    return out;
  }
}
