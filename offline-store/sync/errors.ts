// Typed sync failures. Sync failures are status, not exceptions: the engine
// catches these, shows them in SyncStatus.lastError and decides to retry.
export const syncErrorCodes = [
  'network', // connection refused, reset, DNS: the link is down
  'timeout', // no progress within the request timeout (a stalled server or link)
  'server', // 5xx, 408, 429, or a signed 4xx refusing the request as a whole: retried
  'auth', // 401/403: this kiosk is not registered or its clock is off; retried slowly
  'rejected', // the server's own signed refusal of one attachment (422): the application is rejected
  'unverified', // an answer without a valid signature of the pinned server key: a proxy, a forgery, a replay
  'bad-response', // not JSON, garbage JSON, wrong schema, an error inside a 200, a truncated body
  'too-large', // the answer exceeded the size limit
] as const;
export type SyncErrorCode = (typeof syncErrorCodes)[number];

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly httpStatus: number | null = null,
    /** The server asked to be left alone this long (Retry-After); the engine waits at least that. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  /** Everything but the server's own signed refusal is worth another try later. */
  get retryable(): boolean {
    return this.code !== 'rejected';
  }

  /**
   * Did the server answer at all? Drives the "online" flag from real outcomes.
   * An unverified answer came from something in between (a captive portal, a
   * proxy), not from the server.
   */
  get reachedServer(): boolean {
    return this.code !== 'network' && this.code !== 'timeout' && this.code !== 'unverified';
  }
}

/**
 * The kiosk's sync settings cannot work as given (e.g. a plain http:// server
 * that is not this machine, or no pinned server key). Thrown at start-up, not
 * retried: a technician has to fix the station config.
 */
export class SyncConfigError extends Error {
  constructor(
    readonly code: 'insecure-url' | 'bad-url' | 'no-server-key' | 'bad-server-key',
    message: string,
  ) {
    super(message);
    this.name = 'SyncConfigError';
  }
}
