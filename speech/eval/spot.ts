// The evaluation behind `xiangyin speech spot --dir DIR`: a keyword set laid out as
// ../shared/speech/real-zh-keywords (phrases.txt is the whole vocabulary; each
// NAME.wav must yield exactly the phrases of NAME.expect) streamed through the
// kiosk's own spotter, settings and hit rules in 100 ms chunks. Scored per phrase
// (recall, precision, false alarms) and per clip (exactly right), and per group
// where a manifest.tsv names each clip's group (isolated word, read sentence…).
import fs from 'node:fs';
import path from 'node:path';
import { parseWav } from '../audio/wav.js';
import type { KwsEngine } from '../kws/engine.js';
import { saidHits, voicedHits } from '../kws/hits.js';
import { HeardAudio } from '../kws/heard-audio.js';
import { EvalError } from './evaluate.js';

const CHUNK = 1600;

export interface SpotClip {
  readonly name: string;
  readonly wav: string;
  readonly expect: readonly string[];
  readonly group: string;
}

export interface SpotOutcome {
  readonly clip: SpotClip;
  readonly found: readonly string[];
  readonly audioMs: number;
  readonly processMs: number;
  readonly latencyMs: number;
}

export interface SpotSummary {
  clips: number;
  expected: number;
  found: number;
  recall: number;
  precision: number;
  clipsRight: number;
  falseAlarms: number;
  rtf: number;
  latencyP95Ms: number;
}

export function listSpotSet(dir: string): { phrases: string[]; clips: SpotClip[] } {
  const list = path.join(dir, 'phrases.txt');
  if (!fs.existsSync(list)) throw new EvalError(`${dir} has no phrases.txt`);
  const phrases = [...new Set(fs.readFileSync(list, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean))];
  const groups = new Map<string, string>();
  const manifest = path.join(dir, 'manifest.tsv');
  if (fs.existsSync(manifest)) {
    const [head, ...rows] = fs.readFileSync(manifest, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
    const gi = head!.indexOf('group');
    for (const r of rows) if (gi >= 0) groups.set(r[0]!, r[gi]!);
  }
  const clips = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.wav'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -4);
      const exp = path.join(dir, `${name}.expect`);
      if (!fs.existsSync(exp)) throw new EvalError(`${f} has no .expect file`);
      const expect = fs.readFileSync(exp, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
      const unknown = expect.find((e) => !phrases.includes(e));
      if (unknown) throw new EvalError(`${name}.expect names 「${unknown}」, which phrases.txt lacks`);
      return { name, wav: path.join(dir, f), expect, group: groups.get(name) ?? 'all' };
    });
  return { phrases, clips };
}

/**
 * `pauseS`: seconds of a quiet room (-65 dBFS) before the clip, as a resident who speaks a moment
 * after the microphone opens (the recordings start almost at once).
 */
export function spotClip(engine: KwsEngine, phrases: readonly string[], clip: SpotClip, pauseS = 0): SpotOutcome {
  const wav = parseWav(fs.readFileSync(clip.wav));
  if (wav.sampleRate !== 16000) throw new EvalError(`${clip.name}.wav is ${wav.sampleRate} Hz; clips must be 16 kHz mono`);
  const samples = afterRoom(wav.samples, pauseS);
  const set = engine.keywordSet(phrases.map((p) => ({ intent: p, text: p })));
  const t0 = performance.now();
  const heard = new HeardAudio((l) => engine.stream(set, l));
  const hits = [];
  for (let i = 0; i < samples.length; i += CHUNK) hits.push(...heard.accept(samples.subarray(i, i + CHUNK)));
  const tEnd = performance.now();
  hits.push(...heard.finish());
  const t1 = performance.now();
  const found = [...new Set(saidHits(voicedHits(hits, heard.voicedAt)).map((h) => h.entry.intent))];
  return {
    clip,
    found,
    audioMs: (samples.length / 16000) * 1000,
    processMs: t1 - t0,
    latencyMs: t1 - tEnd + (tEnd - t0) / Math.max(1, Math.ceil(samples.length / CHUNK)),
  };
}

/** `samples` after `seconds` of a quiet room (-65 dBFS): the same pseudo-random hiss every run. */
export function afterRoom(samples: Int16Array, seconds: number): Int16Array {
  const n = Math.round(seconds * 16000);
  if (n === 0) return samples;
  const out = new Int16Array(n + samples.length);
  let seed = 1;
  for (let i = 0; i < n; i++) out[i] = Math.round(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 36);
  out.set(samples, n);
  return out;
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

export function summarizeSpot(outcomes: readonly SpotOutcome[]): SpotSummary {
  let expected = 0;
  let tp = 0;
  let fp = 0;
  let right = 0;
  for (const o of outcomes) {
    const want = new Set(o.clip.expect);
    const hit = o.found.filter((f) => want.has(f)).length;
    expected += want.size;
    tp += hit;
    fp += o.found.length - hit;
    if (hit === want.size && o.found.length === hit) right++;
  }
  const audio = outcomes.reduce((a, o) => a + o.audioMs, 0);
  const proc = outcomes.reduce((a, o) => a + o.processMs, 0);
  const lat = outcomes.map((o) => o.latencyMs).sort((a, b) => a - b);
  return {
    clips: outcomes.length,
    expected,
    found: tp,
    recall: expected ? round(tp / expected) : 0,
    precision: tp + fp ? round(tp / (tp + fp)) : 1,
    clipsRight: right,
    falseAlarms: fp,
    rtf: audio ? round(proc / audio) : 0,
    latencyP95Ms: lat.length ? round(lat[Math.min(lat.length - 1, Math.ceil(0.95 * lat.length) - 1)]!, 1) : 0,
  };
}

export function formatSpot(o: SpotOutcome): string {
  const want = new Set(o.clip.expect);
  const ok = o.found.length === want.size && o.found.every((f) => want.has(f));
  const missed = o.clip.expect.filter((e) => !o.found.includes(e));
  const extra = o.found.filter((f) => !want.has(f));
  return `${ok ? 'ok  ' : 'FAIL'} ${o.clip.name} [${o.clip.group}] found=${o.found.join('、') || '-'}${missed.length ? ` missed=${missed.join('、')}` : ''}${extra.length ? ` extra=${extra.join('、')}` : ''} ${o.latencyMs.toFixed(0)}ms`;
}
