// The Speaker interface: turns a prompt into audio. The station core renders and
// the renderer plays, so a Speaker only has to produce WAV bytes.
export interface SpokenClip {
  readonly wav: Buffer;
  readonly durationMs: number;
}

export interface Speaker {
  /** `rate` multiplies the configured speaking rate (1 = configured). */
  synthesize(text: string, opts?: { rate?: number }): Promise<SpokenClip>;
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
