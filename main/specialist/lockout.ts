// Login lockout: 5 wrong PINs in a row lock the desk login of this station for
// 15 minutes. Station-wide rather than per specialist, so guessing cannot be
// spread over several names. The state lives in a small file beside the data
// folder, written atomically, so pulling the plug does not lift a lock. It holds
// only a count and times: no PINs, no names.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOCK_AFTER_FAILURES, LOCK_MINUTES } from '../../common/domain/specialist.js';

const stateSchema = z.object({
  failures: z.number().int().min(0),
  lockedUntil: z.string().nullable(),
});
type LockState = z.infer<typeof stateSchema>;

export type FailureOutcome = { locked: false; triesLeft: number } | { locked: true; lockedUntil: Date };

export interface LockoutOptions {
  /** The state file; null keeps the state in memory only (unit tests of other parts). */
  file: string | null;
  now: () => Date;
  maxFailures?: number;
  lockMs?: number;
  /** Told when the file cannot be read or written; the lock still works in memory. */
  onStorageError?: (op: 'read' | 'write', error: Error) => void;
}

export class LoginLockout {
  private state: LockState;
  private readonly maxFailures: number;
  private readonly lockMs: number;

  constructor(private readonly opts: LockoutOptions) {
    this.maxFailures = opts.maxFailures ?? LOCK_AFTER_FAILURES;
    this.lockMs = opts.lockMs ?? LOCK_MINUTES * 60_000;
    this.state = this.read();
  }

  /** When login is locked now, until when; otherwise null (and an expired lock is cleared). */
  lockedUntil(): Date | null {
    if (!this.state.lockedUntil) return null;
    const until = new Date(this.state.lockedUntil);
    if (until.getTime() > this.opts.now().getTime()) return until;
    this.save({ failures: 0, lockedUntil: null });
    return null;
  }

  /**
   * Counts an attempt as failed BEFORE its PIN is checked, so an attempt whose
   * check never finishes (a crash, a hang) still counts, and so the count a
   * concurrent attempt sees already includes this one. Settle it with
   * attemptFailed() or recordSuccess().
   */
  beginAttempt(): { locked: true; lockedUntil: Date } | { locked: false } {
    const already = this.lockedUntil();
    if (already) return { locked: true, lockedUntil: already };
    // A count that reached the limit without a lock (the process died mid-check): lock now.
    if (this.state.failures >= this.maxFailures) return { locked: true, lockedUntil: this.lock() };
    this.save({ failures: this.state.failures + 1, lockedUntil: null });
    return { locked: false };
  }

  /** The attempt begun with beginAttempt() was wrong: locks once the count reaches the limit. */
  attemptFailed(): FailureOutcome {
    const already = this.lockedUntil();
    if (already) return { locked: true, lockedUntil: already };
    if (this.state.failures >= this.maxFailures) return { locked: true, lockedUntil: this.lock() };
    return { locked: false, triesLeft: this.maxFailures - this.state.failures };
  }

  /** One wrong attempt, counted and settled at once. */
  recordFailure(): FailureOutcome {
    const begun = this.beginAttempt();
    return begun.locked ? begun : this.attemptFailed();
  }

  recordSuccess(): void {
    if (this.state.failures !== 0 || this.state.lockedUntil !== null) this.save({ failures: 0, lockedUntil: null });
  }

  private lock(): Date {
    const until = new Date(this.opts.now().getTime() + this.lockMs);
    this.save({ failures: 0, lockedUntil: until.toISOString() });
    return until;
  }

  private read(): LockState {
    const fresh = { failures: 0, lockedUntil: null };
    if (!this.opts.file) return fresh;
    let text: string;
    try {
      text = fs.readFileSync(this.opts.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.opts.onStorageError?.('read', e as Error);
      return fresh;
    }
    try {
      const parsed = stateSchema.parse(JSON.parse(text));
      return parsed;
    } catch (e) {
      // A damaged file must not unlock a locked station: err on the side of a lock.
      this.opts.onStorageError?.('read', e as Error);
      return { failures: 0, lockedUntil: new Date(this.opts.now().getTime() + this.lockMs).toISOString() };
    }
  }

  private save(next: LockState): void {
    this.state = next;
    if (!this.opts.file) return;
    const tmp = `${this.opts.file}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.opts.file), { recursive: true });
      const fd = fs.openSync(tmp, 'w', 0o600);
      try {
        fs.writeFileSync(fd, JSON.stringify(next));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, this.opts.file);
    } catch (e) {
      this.opts.onStorageError?.('write', e as Error);
    }
  }
}
