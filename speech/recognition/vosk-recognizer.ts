// The Vosk engine (the target for better accuracy): libvosk.so from the `vosk`
// npm package, called through koffi (the package's own ffi-napi binding does not
// build on Node ≥ 20). Vosk takes the step grammar as a JSON list of phrases plus
// "[unk]", which soaks up speech that is not a command. No Vosk Mandarin model can
// be obtained on the development machines: everything up to loading one is tested.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadKoffi } from './koffi-lazy.js';
import { dictionaryFromEntries, type Dictionary } from '../grammar/dictionary.js';
import { buildStepGrammar, type StepGrammar, type StepSpec } from '../grammar/step-grammar.js';
import { NUMERAL_WORDS, QUANTITY_LEADS, QUANTITY_TAILS } from '../grammar/quantity.js';
import { createIntentMatcher, type IntentMatcher } from '../intent/match.js';
import { defaultThresholds, judge, type DecisionThresholds } from './decision.js';
import { RecognizerError, SAMPLE_RATE, type RecognitionResult, type RecognitionSession, type Recognizer } from './recognizer.js';
import { recognizerShell } from './recognizer-shell.js';
import { loadPinyinEngineNow } from '../pinyin-engine.js';

export interface VoskOptions {
  readonly modelDir: string;
  readonly library?: string;
  readonly thresholds?: Partial<DecisionThresholds>;
}

/** The libvosk.so inside node_modules/vosk. */
export function defaultVoskLibrary(): string {
  const pkg = createRequire(import.meta.url).resolve('vosk/package.json');
  return path.join(path.dirname(pkg), 'lib', 'linux-x86_64', 'libvosk.so');
}

/** The files every Vosk model folder has; a folder without them is not a model. */
const REQUIRED = [path.join('am', 'final.mdl'), path.join('conf', 'model.conf')];

export function checkVoskModel(dir: string): void {
  if (!fs.existsSync(dir)) throw new RecognizerError('model-missing', `The Vosk model folder ${dir} does not exist`);
  const missing = REQUIRED.filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length > 0) throw new RecognizerError('model-corrupt', `${dir} is not a Vosk model (missing ${missing.join(', ')})`);
}

interface VoskLib {
  vosk_set_log_level(level: number): void;
  vosk_model_new(dir: string): unknown;
  vosk_model_free(m: unknown): void;
  vosk_model_find_word(m: unknown, w: string): number;
  vosk_recognizer_new_grm(m: unknown, rate: number, grammar: string): unknown;
  vosk_recognizer_set_words(r: unknown, on: number): void;
  vosk_recognizer_accept_waveform_s(r: unknown, data: Int16Array, n: number): number;
  vosk_recognizer_partial_result(r: unknown): string;
  vosk_recognizer_final_result(r: unknown): string;
  vosk_recognizer_free(r: unknown): void;
}

function loadVosk(file: string): VoskLib {
  let so: ReturnType<ReturnType<typeof loadKoffi>['load']>;
  try {
    so = loadKoffi().load(file);
  } catch (e) {
    throw new RecognizerError('library-missing', `Cannot load ${file}: ${(e as Error).message}`);
  }
  const f = (sig: string) => so.func(sig);
  return {
    vosk_set_log_level: f('void vosk_set_log_level(int level)'),
    vosk_model_new: f('void *vosk_model_new(const char *dir)'),
    vosk_model_free: f('void vosk_model_free(void *m)'),
    vosk_model_find_word: f('int vosk_model_find_word(void *m, const char *w)'),
    vosk_recognizer_new_grm: f('void *vosk_recognizer_new_grm(void *m, float rate, const char *grammar)'),
    vosk_recognizer_set_words: f('void vosk_recognizer_set_words(void *r, int on)'),
    vosk_recognizer_accept_waveform_s: f('int vosk_recognizer_accept_waveform_s(void *r, const int16_t *data, int n)'),
    vosk_recognizer_partial_result: f('const char *vosk_recognizer_partial_result(void *r)'),
    vosk_recognizer_final_result: f('const char *vosk_recognizer_final_result(void *r)'),
    vosk_recognizer_free: f('void vosk_recognizer_free(void *r)'),
  } as unknown as VoskLib;
}

/** Vosk's runtime grammar: every phrase with its carriers, space-separated words, plus [unk]. */
export function voskGrammarJson(g: StepGrammar): string {
  const phrases = new Set<string>();
  const pres = [[], ...g.prefixes];
  for (const p of g.phrases) for (const pre of p.bare ? [[]] : pres) phrases.add([...pre, ...p.words].join(' '));
  if (g.digits) for (const d of g.digits.words) phrases.add(d);
  // Single words let Vosk string them together in any order; the matcher reads the value.
  if (g.quantity) for (const w of [...NUMERAL_WORDS, ...QUANTITY_LEADS, ...QUANTITY_TAILS, ...g.quantity.units.map((u) => u.join(' '))]) phrases.add(w);
  return JSON.stringify([...phrases, '[unk]']);
}

export function createVoskRecognizer(opts: VoskOptions): Recognizer {
  // Free text is matched by sound beyond the app's pinyin table: pinyin-pro comes with the model.
  loadPinyinEngineNow();
  checkVoskModel(opts.modelDir);
  const lib = loadVosk(opts.library ?? defaultVoskLibrary());
  lib.vosk_set_log_level(-1);
  const model = lib.vosk_model_new(opts.modelDir);
  if (!model) throw new RecognizerError('model-corrupt', `Vosk could not load the model in ${opts.modelDir}`);
  const t: DecisionThresholds = { ...defaultThresholds, ...opts.thresholds };
  // Vosk models carry their own word list; a Chinese model's words are looked up there.
  const dictFile = path.join(opts.modelDir, 'graph', 'words.txt');
  const dict: Dictionary = fs.existsSync(dictFile)
    ? dictionaryFromEntries(fs.readFileSync(dictFile, 'utf8').split('\n').map((l) => [l.split(/\s+/)[0] ?? '', ''] as [string, string]).filter(([w]) => w))
    : loadDictionaryFromModel(lib, model);
  // Vosk builds its recognizer from the grammar as it opens a session, so a step compiles to its grammar and matcher.
  const compile = (spec: StepSpec): { grammar: StepGrammar; matcher: IntentMatcher } => {
    const grammar = buildStepGrammar(spec, dict);
    return { grammar, matcher: createIntentMatcher(grammar) };
  };
  const open = ({ grammar, matcher }: ReturnType<typeof compile>): RecognitionSession => {
    const rec = lib.vosk_recognizer_new_grm(model, SAMPLE_RATE, voskGrammarJson(grammar));
    if (!rec) throw new RecognizerError('decoder-failed', 'Vosk could not build the step grammar');
    lib.vosk_recognizer_set_words(rec, 1);
    let closed = false;
    let last = '';
    const close = () => {
      closed = true;
      lib.vosk_recognizer_free(rec);
    };
    const session: RecognitionSession = {
      get closed() {
        return closed;
      },
      accept(pcm) {
        if (closed) throw new RecognizerError('session-closed', 'This recognition session has ended');
        lib.vosk_recognizer_accept_waveform_s(rec, pcm, pcm.length);
        const text = ((JSON.parse(lib.vosk_recognizer_partial_result(rec)) as { partial?: string }).partial ?? '').replace(/\s+/g, '');
        if (!text || text === last || text.includes('[unk]')) return null;
        last = text;
        return { kind: 'partial', text, confidence: 0 };
      },
      end(): RecognitionResult {
        if (closed) throw new RecognizerError('session-closed', 'This recognition session has ended');
        const r = JSON.parse(lib.vosk_recognizer_final_result(rec)) as { text?: string; result?: { word: string; conf: number }[] };
        close();
        const words = r.result ?? [];
        const text = (r.text ?? '').replace(/\s+/g, '');
        if (!text) return { kind: 'rejected', text: '', confidence: 0, reason: 'no-speech' };
        if (words.some((w) => w.word === '[unk]')) return { kind: 'rejected', text: '', confidence: 0, reason: 'out-of-grammar' };
        const confidence = words.length ? Math.min(...words.map((w) => w.conf)) : 0;
        const m = matcher.match(text);
        if (!m) return { kind: 'rejected', text, confidence, reason: 'out-of-grammar' };
        return judge(grammar.kind, text, m, confidence, t);
      },
      cancel() {
        if (!closed) close();
      },
    };
    return session;
  };

  return recognizerShell({ engine: 'vosk', browserGain: true, compile, open, free: () => lib.vosk_model_free(model) });
}

/** Models without graph/words.txt: ask the model word by word. */
function loadDictionaryFromModel(lib: VoskLib, model: unknown): Dictionary {
  const known = new Map<string, boolean>();
  const has = (w: string) => {
    let k = known.get(w);
    if (k === undefined) known.set(w, (k = lib.vosk_model_find_word(model, w) >= 0));
    return k;
  };
  const base = dictionaryFromEntries([]);
  return {
    ...base,
    has,
    phones: () => undefined,
    phoneInventory: () => [],
    segment(phrase) {
      const chars = [...phrase.replace(/\s+/g, '')];
      const out: string[] = [];
      for (let i = 0; i < chars.length; ) {
        let n = Math.min(6, chars.length - i);
        while (n > 0 && !has(chars.slice(i, i + n).join(''))) n--;
        if (n === 0) return base.segment(phrase); // throws the unknown-word GrammarError
        out.push(chars.slice(i, i + n).join(''));
        i += n;
      }
      return out;
    },
  };
}
