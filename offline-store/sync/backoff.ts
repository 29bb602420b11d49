// Exponential backoff with full jitter (a uniformly random wait between zero and
// the exponential cap): many kiosks coming back after an outage do not all
// retry in step and flatten the server.
export function fullJitterDelay(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 30));
  return Math.floor(random() * cap);
}
