// The Speaker interface: turns a prompt into audio. The station core renders and
// the renderer plays, so a Speaker only has to produce WAV bytes — and stopping a
// prompt when the resident starts talking (barge-in) is the player's stop().
export interface SpokenClip {
  readonly wav: Buffer;
  readonly durationMs: number;
}

export interface SpeakOptions {
  /** Multiplies the configured speaking rate (1 = configured, 0.8 = slower). */
  readonly rate?: number;
  /** Multiplies the configured volume (1 = configured). */
  readonly volume?: number;
}

export interface Speaker {
  synthesize(text: string, opts?: SpeakOptions): Promise<SpokenClip>;
  dispose(): Promise<void>;
}

export class SpeakerError extends Error {
  constructor(
    readonly code: 'engine-missing' | 'engine-failed' | 'voice-missing',
    message: string,
  ) {
    super(message);
    this.name = 'SpeakerError';
  }
}

/** Duration of a PCM WAV from its header (fmt + data chunk sizes). */
export function wavDurationMs(wav: Buffer): number {
  let off = 12;
  let byteRate = 0;
  while (off + 8 <= wav.length) {
    const id = wav.toString('ascii', off, off + 4);
    let size = wav.readUInt32LE(off + 4);
    if (id === 'fmt ') byteRate = wav.readUInt32LE(off + 16);
    if (id === 'data') {
      // espeak-ng writes 0x7fffffff as the size when streaming to stdout.
      if (size > wav.length - off - 8) size = wav.length - off - 8;
      return byteRate ? Math.round((size / byteRate) * 1000) : 0;
    }
    off += 8 + size + (size % 2);
  }
  return 0;
}

/** Fixes the RIFF and data sizes a streaming writer left as 0x7fffffff, so every player accepts the file. */
export function fixWavSizes(wav: Buffer): Buffer {
  if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF') return wav;
  const out = Buffer.from(wav);
  out.writeUInt32LE(out.length - 8, 4);
  let off = 12;
  while (off + 8 <= out.length) {
    const id = out.toString('ascii', off, off + 4);
    const size = out.readUInt32LE(off + 4);
    if (id === 'data') {
      out.writeUInt32LE(out.length - off - 8, off + 4);
      break;
    }
    off += 8 + size + (size % 2);
  }
  return out;
}
