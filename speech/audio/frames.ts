// The 10 ms frames the station's loudness checks work in (the level normaliser,
// the end-pointer, the spotter's stretches of speech): cutting a stream of
// samples into them, a frame's level, and the room-floor rule for "someone is
// speaking". One place, so the checks agree on what a frame and its level are.
// Pure.

/** 10 ms at 16 kHz. */
export const FRAME = 160;
/** A 16-bit sample's full scale. */
export const FULL_SCALE = 32768;

/** A frame's RMS level in dB of full scale (-120 for digital silence). */
export function frameDb(f: Int16Array): number {
  let sum = 0;
  for (let i = 0; i < f.length; i++) sum += f[i]! * f[i]!;
  return 10 * Math.log10(sum / f.length / (FULL_SCALE * FULL_SCALE) + 1e-12);
}

/** Cuts a stream of samples into whole frames; samples short of a frame wait for the next push. */
export class FrameCutter {
  private partial = new Int16Array(0);

  /** The whole frames these samples complete: views, so a caller that keeps one copies it. */
  push(pcm: Int16Array): Int16Array[] {
    const all = this.partial.length > 0 ? concat([this.partial, pcm]) : pcm;
    const frames: Int16Array[] = [];
    let off = 0;
    for (; off + FRAME <= all.length; off += FRAME) frames.push(all.subarray(off, off + FRAME));
    this.partial = all.slice(off);
    return frames;
  }

  /** The samples short of a frame, handed over once: the stream is over. */
  rest(): Int16Array {
    const rest = this.partial;
    this.partial = new Int16Array(0);
    return rest;
  }
}

/**
 * Speech is a frame well above the room, the room being the quietest frame so far (the microphone
 * opens before anyone speaks), and loud enough in any case: a microphone that delivers digital
 * silence puts the room at -120 dB, and rounding noise must not pass for a voice.
 */
export class RoomFloor {
  private floorDb = Number.POSITIVE_INFINITY;

  constructor(
    private readonly marginDb: number,
    private readonly minDb: number,
  ) {}

  /** Takes the frame's level into the floor; whether the frame is speech. */
  isSpeech(db: number): boolean {
    this.floorDb = Math.min(this.floorDb, db);
    return db > this.floorDb + this.marginDb && db > this.minDb;
  }
}

export function concat(parts: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
