// Microphone audio (usually 48 kHz float) → what the recognizer takes: 16 kHz
// signed 16-bit. A windowed-sinc low-pass keeps everything above 7.2 kHz out
// (aliasing would fold hiss into the speech band the model listens to), with the
// filter taps precomputed for 64 fractional phases so it runs in the audio
// thread without trigonometry per sample. Stateful across blocks, so the block
// boundaries of the audio graph leave no clicks. Pure: no DOM, no audio APIs.
export const TARGET_RATE = 16_000;

const HALF_WIDTH = 16; // input samples either side of each output sample
const PHASES = 64;

export class Resampler {
  private readonly step: number;
  private readonly table: Float32Array[];
  private buf: Float32Array = new Float32Array(0);
  /** Outputs produced and inputs dropped so far: positions are computed from these, not accumulated, so block sizes cannot change the result. */
  private produced = 0;
  private dropped = 0;

  constructor(readonly inRate: number, readonly outRate: number = TARGET_RATE) {
    if (!(inRate >= outRate) || !(outRate > 0)) throw new RangeError(`cannot resample ${inRate} Hz to ${outRate} Hz`);
    this.step = inRate / outRate;
    const fc = (0.9 * outRate) / inRate; // cutoff as a fraction of the input sample rate ×2
    this.table = Array.from({ length: PHASES }, (_, p) => {
      const frac = p / PHASES;
      const taps = new Float32Array(2 * HALF_WIDTH);
      let sum = 0;
      for (let k = 0; k < taps.length; k++) {
        const x = k - HALF_WIDTH + 1 - frac; // distance from the output instant
        const sinc = x === 0 ? 1 : Math.sin(Math.PI * fc * x) / (Math.PI * fc * x);
        const hann = 0.5 + 0.5 * Math.cos((Math.PI * x) / HALF_WIDTH);
        taps[k] = sinc * (Math.abs(x) < HALF_WIDTH ? hann : 0);
        sum += taps[k]!;
      }
      for (let k = 0; k < taps.length; k++) taps[k]! /= sum; // unity gain at DC
      return taps;
    });
    // Start as if preceded by silence, so the first samples are not lost.
    this.buf = new Float32Array(HALF_WIDTH - 1);
  }

  /** Where the next output sample falls, in input samples relative to buf[0]. */
  private position(): number {
    return HALF_WIDTH - 1 + this.produced * this.step - this.dropped;
  }

  /** Feeds one block of samples in [-1, 1]; returns the 16 kHz samples it completes. */
  push(input: Float32Array): Int16Array {
    const all = new Float32Array(this.buf.length + input.length);
    all.set(this.buf);
    all.set(input, this.buf.length);
    const out: number[] = [];
    for (let t = this.position(); Math.floor(t) + HALF_WIDTH < all.length; t = this.position()) {
      const i = Math.floor(t);
      const taps = this.table[Math.min(PHASES - 1, Math.round((t - i) * PHASES))]!;
      let acc = 0;
      const start = i - HALF_WIDTH + 1;
      for (let k = 0; k < taps.length; k++) acc += all[start + k]! * taps[k]!;
      out.push(toInt16(acc));
      this.produced++;
    }
    // Keep what the next outputs still need.
    const keepFrom = Math.max(0, Math.floor(this.position()) - HALF_WIDTH + 1);
    this.buf = all.slice(keepFrom);
    this.dropped += keepFrom;
    return Int16Array.from(out);
  }
}

export function toInt16(x: number): number {
  const c = Math.max(-1, Math.min(1, x));
  return c < 0 ? Math.round(c * 0x8000) : Math.round(c * 0x7fff);
}

/** Little-endian bytes of the samples, base64: what speech:listen-audio carries. */
export function pcmToBase64(samples: Int16Array): string {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((s, i) => view.setInt16(i * 2, s, true));
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
