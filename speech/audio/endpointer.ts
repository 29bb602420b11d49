// End-of-speech detection for hands-free listening: the resident does not press
// anything to say they have finished, so the station ends the utterance after a
// stretch of silence that follows speech. Energy-based with an adaptive noise
// floor (a village hall is not quiet), in 10 ms frames. Pure: samples in, state out.
import { FRAME, frameDb } from './frames.js';

export interface EndpointerOptions {
  /** Silence after speech that ends the utterance. */
  readonly trailingSilenceMs: number;
  /** Speech must last this long to count (a click or a cough does not). */
  readonly minSpeechMs: number;
  /** How far above the noise floor (dB) a frame must be to be speech. */
  readonly marginDb: number;
}

export const defaultEndpointer: EndpointerOptions = { trailingSilenceMs: 800, minSpeechMs: 150, marginDb: 12 };

export class Endpointer {
  private floorDb = Number.NaN;
  private speechMs = 0;
  private silenceMs = 0;
  private leftover: number[] = [];
  heardSpeech = false;
  ended = false;
  totalMs = 0;

  constructor(private readonly o: EndpointerOptions = defaultEndpointer) {}

  /** Feeds samples; returns true once the utterance has ended. */
  push(pcm: Int16Array): boolean {
    const all = this.leftover.length ? Int16Array.from([...this.leftover, ...pcm]) : pcm;
    let i = 0;
    for (; i + FRAME <= all.length && !this.ended; i += FRAME) this.frame(all.subarray(i, i + FRAME));
    this.leftover = Array.from(all.subarray(i));
    return this.ended;
  }

  private frame(f: Int16Array): void {
    this.totalMs += 10;
    const db = frameDb(f);
    // The microphone opens before anyone speaks, so the first frame is the room.
    if (Number.isNaN(this.floorDb)) this.floorDb = db;
    const loud = db > this.floorDb + this.o.marginDb;
    // The floor drops fast to any quieter frame (the gaps between syllables) and
    // creeps up slowly, so a steady noise becomes the floor but speech does not.
    this.floorDb += (db - this.floorDb) * (db < this.floorDb ? 0.2 : loud ? 0.005 : 0.05);
    if (loud) {
      this.speechMs += 10;
      this.silenceMs = 0;
      if (this.speechMs >= this.o.minSpeechMs) this.heardSpeech = true;
    } else {
      if (!this.heardSpeech) this.speechMs = 0;
      this.silenceMs += 10;
      if (this.heardSpeech && this.silenceMs >= this.o.trailingSilenceMs) this.ended = true;
    }
  }
}
