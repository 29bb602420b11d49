// Node's own flags, and glibc's malloc settings, for the web host, wherever it
// is started as a station runs it (scripts/start.mjs; the benchmarks through
// tests/support/kiosk-process.ts).
//
// --max-semi-space-size=1: V8's young generation at most 3 × 1 MB instead of
// up to 3 × 16 MB. The host allocates little per second (IPC messages, audio
// frames), so scavenges stay short and rare enough, and the reserved young
// space was ≈ 24 MB of the host's resident memory (169 → 145 MB RSS measured
// with the speech model loaded) that a 1 GB box has better uses for.
export const hostNodeFlags = ['--max-semi-space-size=1'];

// glibc's malloc, read once when the process starts (so set in its environment,
// not from inside). By default every thread that allocates may get an arena of
// its own (up to 8 per core: V8's workers, libuv's pool, the speech engine),
// each keeping what it once held, and the heap's top is given back to the system
// only past a threshold that grows with the largest block ever freed. Two arenas
// for two cores, and freed memory above 128 KB at the top given back: the host
// settled with the speech model loaded, 106–108 → 100–101 MB PSS (2 runs each,
// 2026-12-07; one arena: 100 MB, so two keep threads from queueing on one lock
// for nothing). Chromium, which inherits them, allocates with its own
// PartitionAlloc (its binary defines malloc itself) and does not read them.
export const hostMallocEnv = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' };
