// Brings each utterance to one loudness before the recognizer hears it.
//
// Why: PocketSphinx's live cepstral mean starts every utterance from the model's
// fixed prior (-cmninit), and its noise and silence removal work on absolute
// levels, so the same words said more quietly score far worse. Measured on the
// fixture clips: at -12 dB accuracy fell from 0.56 to 0.38 and a noise clip got
// accepted; peak-normalising the clips first brought it back to 0.53. A quiet
// elderly voice a metre from the kiosk's microphone is exactly that case.
//
// How, while still streaming: audio is held back until the resident has been
// speaking for `decideAfterMs` (or the utterance ends), the gain is chosen from
// the loudest sample seen so far, and from then on samples pass straight through
// with that gain. A gain that moved with the voice would itself disturb the
// cepstral mean, so it only ever goes down, and only when a louder syllable would
// otherwise clip: clipped speech is not just worse, it decoded as a confident
// wrong command (第二个 at 0.8) when a first version let it happen. Speech is
// counted only above an absolute level as well as above the room, because a
// microphone that delivers digital silence puts "the room" at -120 dB and then
// any rounding noise would look like speech. Partial results start a fraction of
// a second later; the final result is not delayed at all. Pure: samples in,
// samples out.

import { FULL_SCALE, FrameCutter, RoomFloor, frameDb } from './frames.js';

export interface LevelNormalizerOptions {
  /** Peak level (fraction of full scale) the loudest sample is brought to. */
  readonly targetPeak: number;
  /** Largest gain: more only lifts room noise into something that looks like words. */
  readonly maxGain: number;
  /** Smallest gain (a resident shouting into the microphone). */
  readonly minGain: number;
  /** Speech heard before the gain is chosen. */
  readonly decideAfterMs: number;
  /** How far (dB) above the quietest frame so far a frame must be to count as speech. */
  readonly speechMarginDb: number;
  /** And how loud (dB of full scale, RMS) it must be in any case. */
  readonly minSpeechDb: number;
}

export const defaultLevelNormalizer: LevelNormalizerOptions = { targetPeak: 0.3, maxGain: 16, minGain: 0.25, decideAfterMs: 300, speechMarginDb: 12, minSpeechDb: -55 };

/** The highest peak a sample may reach after the gain: a little headroom below clipping. */
const CEILING = 0.95 * 32767;

export class LevelNormalizer {
  private held: Int16Array[] = [];
  private peak = 0;
  private speechFrames = 0;
  private readonly frames = new FrameCutter();
  private readonly room: RoomFloor;
  /** The gain in use; null until it has been chosen. */
  gain: number | null = null;

  constructor(private readonly o: LevelNormalizerOptions = defaultLevelNormalizer) {
    this.room = new RoomFloor(o.speechMarginDb, o.minSpeechDb);
  }

  /** Feeds microphone samples; returns what may go to the recognizer now (possibly nothing yet). */
  push(pcm: Int16Array): Int16Array[] {
    if (this.gain !== null) {
      const peak = peakOf(pcm);
      if (peak * this.gain > CEILING) this.gain = CEILING / peak;
      return [applyGain(pcm, this.gain)];
    }
    this.held.push(pcm);
    this.peak = Math.max(this.peak, peakOf(pcm));
    this.countSpeech(pcm);
    return this.speechFrames * 10 >= this.o.decideAfterMs ? this.release() : [];
  }

  /** The utterance is over: whatever is still held, with a gain chosen from all of it. */
  flush(): Int16Array[] {
    return this.gain === null ? this.release() : [];
  }

  private release(): Int16Array[] {
    const wanted = this.peak > 0 ? (this.o.targetPeak * FULL_SCALE) / this.peak : this.o.maxGain;
    this.gain = Math.min(this.o.maxGain, Math.max(this.o.minGain, wanted), this.peak > 0 ? CEILING / this.peak : Infinity);
    const out = this.held.map((c) => applyGain(c, this.gain!));
    this.held = [];
    return out;
  }

  private countSpeech(pcm: Int16Array): void {
    for (const f of this.frames.push(pcm)) if (this.room.isSpeech(frameDb(f))) this.speechFrames++;
  }
}

function peakOf(pcm: Int16Array): number {
  let p = 0;
  for (let i = 0; i < pcm.length; i++) p = Math.max(p, Math.abs(pcm[i]!));
  return p;
}

function applyGain(pcm: Int16Array, gain: number): Int16Array {
  if (gain === 1) return pcm;
  const out = new Int16Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(pcm[i]! * gain)));
  return out;
}
