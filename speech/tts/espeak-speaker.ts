// espeak-ng Speaker: renders a prompt to WAV on stdout. Uses the cmn-latn-pinyin
// voice: Debian's plain `cmn` voice reads Chinese as English-spelled pinyin.
import { spawn } from 'node:child_process';
import { fixWavSizes, SpeakerError, wavDurationMs, type SpeakOptions, type Speaker, type SpokenClip } from '../speaker.js';

export interface EspeakOptions {
  voice: string;
  /** Words per minute at rate 1. */
  wordsPerMinute: number;
  /** Amplitude 0-200 at volume 1. */
  amplitude?: number;
  binary?: string;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function createEspeakSpeaker(opts: EspeakOptions): Speaker {
  const binary = opts.binary ?? 'espeak-ng';
  return {
    synthesize(text: string, o: SpeakOptions = {}): Promise<SpokenClip> {
      const wpm = Math.round(clamp(opts.wordsPerMinute * (o.rate ?? 1), 80, 450));
      const amp = Math.round(clamp((opts.amplitude ?? 100) * (o.volume ?? 1), 0, 200));
      return new Promise((resolve, reject) => {
        const child = spawn(binary, ['-v', opts.voice, '-s', String(wpm), '-a', String(amp), '--stdout'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks: Buffer[] = [];
        let err = '';
        child.stdout.on('data', (c: Buffer) => chunks.push(c));
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('error', (e: NodeJS.ErrnoException) =>
          reject(new SpeakerError(e.code === 'ENOENT' ? 'engine-missing' : 'engine-failed', `espeak-ng: ${e.message}`)),
        );
        child.on('close', (code) => {
          if (/voice.*(not|does not exist)|unknown voice/i.test(err)) return reject(new SpeakerError('voice-missing', `espeak-ng has no voice ${opts.voice}`));
          if (code !== 0) return reject(new SpeakerError('engine-failed', `espeak-ng exited ${code}: ${err.trim().slice(0, 200)}`));
          const wav = fixWavSizes(Buffer.concat(chunks));
          if (wav.length <= 44) return reject(new SpeakerError('engine-failed', 'espeak-ng produced no audio'));
          resolve({ wav, durationMs: wavDurationMs(wav) });
        });
        // Text goes through stdin so it never appears in a process listing.
        child.stdin.end(text);
      });
    },
    async dispose() {},
  };
}
