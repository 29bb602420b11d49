// Node's own flags for the web host, wherever it is started as a station runs it
// (scripts/start.mjs; the benchmarks through tests/support/kiosk-process.ts).
//
// --max-semi-space-size=1: V8's young generation at most 3 × 1 MB instead of
// up to 3 × 16 MB. The host allocates little per second (IPC messages, audio
// frames), so scavenges stay short and rare enough, and the reserved young
// space was ≈ 24 MB of the host's resident memory (169 → 145 MB RSS measured
// with the speech model loaded) that a 1 GB box has better uses for.
export const hostNodeFlags = ['--max-semi-space-size=1'];
