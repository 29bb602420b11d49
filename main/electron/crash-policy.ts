// Renderer crash → reload; repeated crashes within a window → relaunch the app.
export class CrashPolicy {
  private times: number[] = [];
  constructor(private readonly opts: { windowMs: number; maxReloads: number }) {}

  record(now: number): 'reload' | 'relaunch' {
    this.times = this.times.filter((t) => now - t < this.opts.windowMs);
    this.times.push(now);
    return this.times.length > this.opts.maxReloads ? 'relaunch' : 'reload';
  }
}
