// Microphone samples → what speech:listen-audio takes: 16 kHz mono signed 16-bit
// little-endian PCM in base64. The browser captures at its own rate (usually
// 48 kHz), so samples are averaged down to 16 kHz; averaging over each output
// sample's span is a crude low-pass that keeps aliasing out of the speech band
// the recognizer's 8 kHz model uses. Pure and stateful per utterance, so the
// boundaries between audio blocks do not click.
import { TARGET_RATE, toInt16 } from '../../../voice/resampler.js';

// The 16-bit conversion and the base64 framing are the voice area's (one
// implementation of what speech:listen-audio carries).
export { TARGET_RATE, pcmToBase64 } from '../../../voice/resampler.js';

export class Downsampler {
  private carry = 0; // input samples (fractional) already consumed into the current output sample
  private sum = 0;
  private count = 0;
  private readonly step: number;

  constructor(readonly fromRate: number) {
    if (!(fromRate >= TARGET_RATE)) throw new RangeError(`cannot downsample from ${fromRate} Hz to ${TARGET_RATE} Hz`);
    this.step = fromRate / TARGET_RATE;
  }

  /** Feeds one block of float samples in [-1, 1]; returns the 16-bit samples completed by it. */
  push(input: Float32Array): Int16Array {
    const out: number[] = [];
    for (let i = 0; i < input.length; i++) {
      this.sum += input[i]!;
      this.count++;
      this.carry++;
      if (this.carry >= this.step) {
        out.push(toInt16(this.sum / this.count));
        this.carry -= this.step;
        this.sum = 0;
        this.count = 0;
      }
    }
    return Int16Array.from(out);
  }
}
