// `npx xiangyin speech …` — the technician's speech tools.
//   eval --dir DIR [--config FILE] [--quiet]   score NAME.wav/.expect/.step clips; last line is JSON
//   spot --dir DIR [--pause S] [--config FILE] [--quiet]
//                                              keyword sets (phrases.txt + NAME.wav/.expect); last line is JSON;
//                                              --pause: S seconds of a quiet room before each clip, as at the kiosk
//   recognize FILE.wav --step home|confirm|digits|quantity [--config FILE]
//   say TEXT --out FILE.wav [--rate R]
//   provision [--from DIR] [--download]        same as npm run provision:models
import fs from 'node:fs';
import { loadStationConfig } from '../core/config.js';
import { createRecognizer, kwsEngineOptions } from '../../speech/create-recognizer.js';
import { loadKwsEngine } from '../../speech/kws/engine.js';
import { formatSpot, listSpotSet, spotClip, summarizeSpot } from '../../speech/eval/spot.js';
import { evaluateClip, formatOutcome, listClips, summarize, EvalError, STEPS, type Clip } from '../../speech/eval/evaluate.js';
import { RecognizerError } from '../../speech/recognition/recognizer.js';
import { GrammarError } from '../../speech/grammar/dictionary.js';
import { WavError } from '../../speech/audio/wav.js';
import { createEspeakSpeaker } from '../../speech/tts/espeak-speaker.js';

const USAGE = `usage: xiangyin speech eval --dir DIR [--config FILE] [--quiet]
       xiangyin speech spot --dir DIR [--pause S] [--config FILE] [--quiet]
       xiangyin speech recognize FILE.wav --step home|confirm|digits|quantity [--config FILE]
       xiangyin speech say TEXT --out FILE.wav [--rate R]`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function recognizerFor(args: string[]) {
  const config = loadStationConfig(option(args, '--config'));
  const rec = createRecognizer(config.speech.recognition);
  if (!rec) throw new RecognizerError('model-missing', 'recognition is off in the station config (speech.recognition.engine = none)');
  return rec;
}

async function evalCommand(args: string[]): Promise<number> {
  const dir = option(args, '--dir');
  if (!dir) {
    console.error(USAGE);
    return 2;
  }
  const clips = listClips(dir);
  if (clips.length === 0) throw new EvalError(`No NAME.wav clips in ${dir}`);
  const rec = recognizerFor(args);
  try {
    const outcomes = clips.map((c) => {
      const o = evaluateClip(rec, c);
      if (!args.includes('--quiet')) console.log(formatOutcome(o));
      return o;
    });
    console.log(JSON.stringify(summarize(outcomes)));
  } finally {
    rec.dispose();
  }
  return 0;
}

/** The kiosk's own spotter, settings and hit rules on a keyword set (speech/eval/spot.ts). */
function spotCommand(args: string[]): number {
  const dir = option(args, '--dir');
  if (!dir) {
    console.error(USAGE);
    return 2;
  }
  const pauseS = Number(option(args, '--pause') ?? 0);
  if (!Number.isFinite(pauseS) || pauseS < 0 || pauseS > 30) {
    console.error(`--pause takes seconds, 0 to 30\n${USAGE}`);
    return 2;
  }
  const { phrases, clips } = listSpotSet(dir);
  if (clips.length === 0) throw new EvalError(`No NAME.wav clips in ${dir}`);
  const engine = loadKwsEngine(kwsEngineOptions(loadStationConfig(option(args, '--config')).speech.recognition));
  const outcomes = clips.map((c) => {
    const o = spotClip(engine, phrases, c, pauseS);
    if (!args.includes('--quiet')) console.log(formatSpot(o));
    return o;
  });
  console.log(JSON.stringify(summarizeSpot(outcomes)));
  return 0;
}

function recognizeCommand(args: string[]): number {
  const file = args[0];
  const step = option(args, '--step') ?? 'home';
  if (!file || !(STEPS as readonly string[]).includes(step)) {
    console.error(USAGE);
    return 2;
  }
  const rec = recognizerFor(args);
  try {
    const clip: Clip = { name: file, wav: file, expect: '', step: step as Clip['step'] };
    const o = evaluateClip(rec, clip);
    console.log(JSON.stringify({ ...o.result, latencyMs: Math.round(o.latencyMs) }));
  } finally {
    rec.dispose();
  }
  return 0;
}

async function sayCommand(args: string[]): Promise<number> {
  const text = args[0];
  const out = option(args, '--out');
  if (!text || !out) {
    console.error(USAGE);
    return 2;
  }
  const config = loadStationConfig(option(args, '--config'));
  const t = config.speech.tts;
  const clip = await createEspeakSpeaker({ voice: t.voice, wordsPerMinute: t.rate, amplitude: t.volume }).synthesize(text, { rate: Number(option(args, '--rate') ?? 1) });
  fs.writeFileSync(out, clip.wav);
  console.log(`${out}: ${clip.durationMs} ms`);
  return 0;
}

export async function run(args: string[]): Promise<number> {
  const [cmd, ...rest] = args;
  try {
    switch (cmd) {
      case 'eval':
        return await evalCommand(rest);
      case 'spot':
        return spotCommand(rest);
      case 'recognize':
        return recognizeCommand(rest);
      case 'say':
        return await sayCommand(rest);
      default:
        console.error(USAGE);
        return 2;
    }
  } catch (e) {
    if (e instanceof RecognizerError || e instanceof GrammarError || e instanceof EvalError || e instanceof WavError || (e as Error).name === 'ConfigError' || (e as Error).name === 'SpeakerError') {
      console.error(`xiangyin speech ${cmd}: ${(e as Error).message}`);
      return 1;
    }
    throw e;
  }
}
