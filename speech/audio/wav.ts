// Reading and writing the one audio format the recognizer takes: 16 kHz mono
// 16-bit PCM WAV. Anything else is refused with a clear error, not resampled
// silently (a 44.1 kHz file decoded as 16 kHz would "recognise" nonsense).
export class WavError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WavError';
  }
}

export interface Pcm16 {
  readonly sampleRate: number;
  readonly samples: Int16Array;
}

export function parseWav(buf: Buffer): Pcm16 {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new WavError('not a RIFF/WAVE file');
  let off = 12;
  let fmt: { format: number; channels: number; rate: number; bits: number } | undefined;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    let size = buf.readUInt32LE(off + 4);
    const body = off + 8;
    if (id === 'fmt ') {
      if (size < 16) throw new WavError('fmt chunk too short');
      fmt = { format: buf.readUInt16LE(body), channels: buf.readUInt16LE(body + 2), rate: buf.readUInt32LE(body + 4), bits: buf.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!fmt) throw new WavError('data chunk before fmt chunk');
      if (fmt.format !== 1 && fmt.format !== 0xfffe) throw new WavError(`not PCM (format ${fmt.format})`);
      if (fmt.channels !== 1 || fmt.bits !== 16) throw new WavError(`need mono 16-bit, got ${fmt.channels} channel(s) × ${fmt.bits} bit`);
      // Streaming writers put 0xffffffff/0x7fffffff here: take what is there.
      size = Math.min(size, buf.length - body);
      const n = Math.floor(size / 2);
      const samples = new Int16Array(n);
      for (let i = 0; i < n; i++) samples[i] = buf.readInt16LE(body + 2 * i);
      return { sampleRate: fmt.rate, samples };
    }
    off = body + size + (size % 2);
  }
  throw new WavError('no data chunk');
}

export function encodeWav(samples: Int16Array, sampleRate = 16_000): Buffer {
  const buf = Buffer.alloc(44 + samples.length * 2);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + samples.length * 2, 4);
  buf.write('WAVEfmt ', 8, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(samples.length * 2, 40);
  for (let i = 0; i < samples.length; i++) buf.writeInt16LE(samples[i]!, 44 + 2 * i);
  return buf;
}
