// When a 参保证明 was issued, as printed on it (出具时间, to the minute).
import crypto from 'node:crypto';

/**
 * When a 参保证明 was issued: the first print of one copy of a record fixes it, so
 * that the second and third copies are the same paper (出具时间 is to the minute).
 * Kept by a hash of number and copy, for half an hour; one entry at a time.
 */
export class IssueTimes {
  private last: { key: string; at: Date } | null = null;
  constructor(private readonly now: () => Date) {}
  at(idNumber: string, fetchedAt: string): Date {
    const key = crypto.createHash('sha256').update(`${idNumber}|${fetchedAt}`).digest('hex');
    const now = this.now();
    if (this.last?.key === key && now.getTime() - this.last.at.getTime() < 30 * 60_000) return this.last.at;
    this.last = { key, at: now };
    return now;
  }
}
