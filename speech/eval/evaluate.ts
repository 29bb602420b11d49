// The evaluation behind `xiangyin speech eval` and `npm run bench:speech`: each
// NAME.wav with NAME.expect (intent id, digit string, a quantity's value or <reject>)
// and NAME.step (home, confirm, digits, or quantity: a count or an amount said as a
// number, 四口人 / 两千五) is streamed through a recognizer in 100 ms chunks, as
// the kiosk's capture path would, and scored.
import fs from 'node:fs';
import path from 'node:path';
import { parseWav } from '../audio/wav.js';
import { measureWordSynonyms } from '../../common/catalogue/voice-synonyms.js';
import type { StepSpec } from '../grammar/step-grammar.js';
import { SAMPLE_RATE, type RecognitionResult, type Recognizer } from '../recognition/recognizer.js';

export const REJECT = '<reject>';
export const STEPS = ['home', 'confirm', 'digits', 'quantity'] as const;
const CHUNK = SAMPLE_RATE / 10;

export interface Clip {
  readonly name: string;
  readonly wav: string;
  readonly expect: string;
  readonly step: (typeof STEPS)[number];
}

export interface ClipOutcome {
  readonly clip: Clip;
  readonly result: RecognitionResult;
  readonly got: string;
  readonly correct: boolean;
  readonly falseAccept: boolean;
  readonly falseConfirm: boolean;
  readonly audioMs: number;
  readonly processMs: number;
  readonly latencyMs: number;
}

export interface EvalSummary {
  clips: number;
  accuracy: number;
  falseAccepts: number;
  falseConfirms: number;
  rtf: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
}

export class EvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalError';
  }
}

/** Finds NAME.wav files with their .expect and .step (recursively); a clip missing either is an error. */
export function listClips(dir: string): Clip[] {
  if (!fs.existsSync(dir)) throw new EvalError(`No such directory: ${dir}`);
  const clips: Clip[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.wav')) {
        const base = full.slice(0, -4);
        const read = (ext: string) => {
          try {
            return fs.readFileSync(base + ext, 'utf8').trim();
          } catch {
            throw new EvalError(`${path.relative(dir, full)} has no ${ext} file`);
          }
        };
        const step = read('.step');
        if (!(STEPS as readonly string[]).includes(step)) throw new EvalError(`${path.relative(dir, base)}.step says '${step}', expected ${STEPS.join(', ')}`);
        clips.push({ name: path.relative(dir, base), wav: full, expect: read('.expect'), step: step as Clip['step'] });
      }
    }
  };
  walk(dir);
  return clips;
}

/** The grammar a clip is heard with: the widest of its kind (a quantity: a count of people or a sum of money). */
export function stepSpec(step: Clip['step']): StepSpec {
  if (step === 'digits') return { kind: 'digits', minLength: 1, maxLength: 18, allowX: true };
  if (step === 'quantity') return { kind: 'quantity', max: 100_000, units: [...measureWordSynonyms('口人'), ...measureWordSynonyms('元')] };
  // A clip at a confirm step is heard as at the read-back, where a yes submits: false confirms count there.
  if (step === 'confirm') return { kind: 'confirm', submits: true };
  return { kind: step };
}

export function evaluateClip(rec: Recognizer, clip: Clip): ClipOutcome {
  const { samples, sampleRate } = parseWav(fs.readFileSync(clip.wav));
  if (sampleRate !== SAMPLE_RATE) throw new EvalError(`${clip.name}.wav is ${sampleRate} Hz; clips must be 16 kHz mono`);
  const t0 = performance.now();
  const session = rec.start(stepSpec(clip.step));
  for (let i = 0; i < samples.length; i += CHUNK) session.accept(samples.subarray(i, i + CHUNK));
  const tEnd = performance.now();
  const result = session.end();
  const t1 = performance.now();
  const got = result.kind === 'final' ? (result.intent ?? result.digits ?? '') : REJECT;
  const accepted = result.kind === 'final';
  return {
    clip,
    result,
    got,
    correct: got === clip.expect,
    falseAccept: clip.expect === REJECT && accepted,
    falseConfirm: clip.step === 'confirm' && got === 'yes' && clip.expect !== 'yes',
    audioMs: (samples.length / SAMPLE_RATE) * 1000,
    processMs: t1 - t0,
    // In the kiosk, audio arrives in real time and is decoded as it comes; what the
    // resident waits for is the work left when they stop: the last chunk plus end().
    latencyMs: t1 - tEnd + (tEnd - t0) / Math.max(1, Math.ceil(samples.length / CHUNK)),
  };
}

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export function summarize(outcomes: readonly ClipOutcome[]): EvalSummary {
  const n = outcomes.length;
  const audio = outcomes.reduce((a, o) => a + o.audioMs, 0);
  const proc = outcomes.reduce((a, o) => a + o.processMs, 0);
  const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    clips: n,
    accuracy: n ? round(outcomes.filter((o) => o.correct).length / n) : 0,
    falseAccepts: outcomes.filter((o) => o.falseAccept).length,
    falseConfirms: outcomes.filter((o) => o.falseConfirm).length,
    rtf: audio ? round(proc / audio) : 0,
    latencyP50Ms: round(percentile(outcomes.map((o) => o.latencyMs), 50), 1),
    latencyP95Ms: round(percentile(outcomes.map((o) => o.latencyMs), 95), 1),
  };
}

export function formatOutcome(o: ClipOutcome): string {
  const r = o.result;
  const heard = r.text ? ` heard「${r.text}」` : '';
  const why = r.reason ? ` (${r.reason})` : '';
  return `${o.correct ? 'ok  ' : 'FAIL'} ${o.clip.name} [${o.clip.step}] expect=${o.clip.expect} got=${o.got}${why}${heard} conf=${r.confidence.toFixed(2)} ${o.latencyMs.toFixed(0)}ms`;
}
