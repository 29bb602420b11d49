// Minimal espeak-ng Speaker: renders a prompt to WAV on stdout. Uses the
// cmn-latn-pinyin voice: Debian's plain `cmn` voice reads Chinese as English-spelled pinyin.
import { spawn } from 'node:child_process';
import { SpeakerError, wavDurationMs, type Speaker, type SpokenClip } from '../speaker.js';

export interface EspeakOptions {
  voice: string;
  /** Words per minute at rate 1. */
  wordsPerMinute: number;
  binary?: string;
}

export function createEspeakSpeaker(opts: EspeakOptions): Speaker {
  const binary = opts.binary ?? 'espeak-ng';
  return {
    synthesize(text: string, o: { rate?: number } = {}): Promise<SpokenClip> {
      const wpm = Math.round(opts.wordsPerMinute * (o.rate ?? 1));
      return new Promise((resolve, reject) => {
        const child = spawn(binary, ['-v', opts.voice, '-s', String(wpm), '--stdout'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks: Buffer[] = [];
        let err = '';
        child.stdout.on('data', (c: Buffer) => chunks.push(c));
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('error', (e: NodeJS.ErrnoException) =>
          reject(new SpeakerError(e.code === 'ENOENT' ? 'engine-missing' : 'engine-failed', `espeak-ng: ${e.message}`)),
        );
        child.on('close', (code) => {
          if (code !== 0) return reject(new SpeakerError('engine-failed', `espeak-ng exited ${code}: ${err.trim().slice(0, 200)}`));
          const wav = Buffer.concat(chunks);
          resolve({ wav, durationMs: wavDurationMs(wav) });
        });
        // Text goes through stdin so it never appears in a process listing.
        child.stdin.end(text);
      });
    },
    async dispose() {},
  };
}
