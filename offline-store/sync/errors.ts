// Typed sync failures. Sync failures are status, not exceptions: the engine
// catches these, shows them in SyncStatus.lastError and decides to retry.
export const syncErrorCodes = [
  'network', // connection refused, reset, DNS: the link is down
  'timeout', // no progress within the request timeout (a stalled server or link)
  'server', // 5xx or 429: the server is there but failing; retried
  'auth', // 401/403: this kiosk is not registered or its clock is off; retried slowly
  'rejected', // another 4xx: the server refused this request for good
  'bad-response', // garbage JSON, wrong schema, an error inside a 200, a truncated body
  'too-large', // the answer exceeded the size limit
] as const;
export type SyncErrorCode = (typeof syncErrorCodes)[number];

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  /** Everything but a definite 4xx refusal is worth another try later. */
  get retryable(): boolean {
    return this.code !== 'rejected';
  }

  /** Did a server answer at all? Drives the "online" flag from real outcomes. */
  get reachedServer(): boolean {
    return this.code !== 'network' && this.code !== 'timeout';
  }
}
