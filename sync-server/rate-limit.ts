// A token bucket per kiosk for look-ups of residents' records: a kiosk (or a
// stolen kiosk key) cannot walk the residents' table at line speed. Each kiosk
// may burst up to `burst` look-ups, refilled at `perMinute`; beyond that the
// server answers 429 with a Retry-After saying when the next token is there.
export interface RateLimit {
  burst: number;
  perMinute: number;
}

export const DEFAULT_QUERY_RATE: RateLimit = { burst: 20, perMinute: 30 };

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
  ) {}

  /** Takes a token for `key`: 0 when allowed, else the milliseconds until one is there. */
  take(key: string): number {
    const now = this.now();
    const perMs = this.limit.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    b.tokens = Math.min(this.limit.burst, b.tokens + Math.max(0, now - b.at) * perMs);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / perMs);
  }
}
