// Counts voiced frames: frames with a clear pitch period, as every spoken Mandarin
// syllable has in its vowel. Hiss, fan noise and clicks have none, yet to the
// acoustic model white noise looks a lot like 是 (shi) — a fricative followed by a
// vowel it cannot check. Requiring some voicing before accepting a command is what
// keeps noise from ever confirming an application. Streaming and allocation-light.
const FRAME = 400; // 25 ms at 16 kHz
const HOP = 160; // 10 ms
const MIN_LAG = 20; // at 8 kHz after decimation: 400 Hz
const MAX_LAG = 134; // 60 Hz

export class VoicingCounter {
  private buf = new Int16Array(0);
  voicedFrames = 0;
  frames = 0;
  /** The index (10 ms hops from the start) of every voiced frame, for engines that ask where the voice was. */
  readonly voicedAt: number[] = [];

  constructor(
    /** Normalised autocorrelation peak that counts as periodic. */
    private readonly threshold = 0.6,
    /** Frames quieter than this RMS (of 32768) are silence, not unvoiced speech. */
    private readonly minRms = 150,
  ) {}

  push(pcm: Int16Array): void {
    const all = new Int16Array(this.buf.length + pcm.length);
    all.set(this.buf);
    all.set(pcm, this.buf.length);
    let off = 0;
    for (; off + FRAME <= all.length; off += HOP) {
      if (isVoiced(all.subarray(off, off + FRAME), this.threshold, this.minRms)) {
        this.voicedFrames++;
        this.voicedAt.push(this.frames);
      }
      this.frames++;
    }
    this.buf = all.slice(off);
  }
}

/** One frame: decimate to 8 kHz (pitch lives well below 4 kHz), then look for a period. */
export function isVoiced(frame: Int16Array, threshold: number, minRms: number): boolean {
  const n = frame.length >> 1;
  const x = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] = (frame[2 * i]! + frame[2 * i + 1]!) / 2;
  mean /= n;
  let energy = 0;
  for (let i = 0; i < n; i++) {
    x[i]! -= mean;
    energy += x[i]! * x[i]!;
  }
  if (Math.sqrt(energy / n) < minRms) return false;
  // Pre-emphasis whitens rumble: brown noise is strongly correlated at short lags
  // without having any pitch, and must not pass for a vowel.
  for (let i = n - 1; i > 0; i--) x[i]! -= 0.95 * x[i - 1]!;
  x[0] = 0;
  const r = new Float64Array(MAX_LAG + 2);
  for (let lag = MIN_LAG - 1; lag <= MAX_LAG + 1 && lag < n - 20; lag++) {
    let num = 0;
    let e1 = 0;
    let e2 = 0;
    for (let i = 0; i + lag < n; i++) {
      num += x[i]! * x[i + lag]!;
      e1 += x[i]! * x[i]!;
      e2 += x[i + lag]! * x[i + lag]!;
    }
    r[lag] = num / Math.sqrt(e1 * e2 + 1e-9);
  }
  // A pitch period is a peak of the autocorrelation, not the tail of a slope.
  for (let lag = MIN_LAG; lag <= MAX_LAG && lag < n - 21; lag++) {
    if (r[lag]! >= threshold && r[lag]! > r[lag - 1]! && r[lag]! >= r[lag + 1]!) return true;
  }
  return false;
}
