// The embedded engine: k2-fsa's neural keyword spotter (sherpa-onnx, a streaming
// Zipformer transducer trained on 10,000 h of real Mandarin). Each stretch of
// speech in a listening session is heard by streams holding that step's keywords
// (kws/heard-audio.ts) — every phrase of the
// step grammar (the catalogue's synonyms and the screen's labels), their tone
// sandhi and accent variants, the hesitation sounds, and at a digits or quantity
// step the numerals — and the spotter finds them wherever they are said, so the
// carriers (我要…, 帮我…) are spotted both ways: the phrase inside them, and the
// carrier forms as keywords of their own (measured; see stepKeywords).
// What was found is decided by kws/kws-decision.ts.
import { buildStepGrammar, type StepGrammar, type StepSpec } from '../grammar/step-grammar.js';
import { createIntentMatcher, type IntentMatcher } from '../intent/match.js';
import { NUMERAL_WORDS, QUANTITY_LEADS, QUANTITY_TAILS } from '../grammar/quantity.js';
import type { Dictionary } from '../grammar/dictionary.js';
import { loadKwsEngine, type KwsEngine, type KwsEngineOptions } from '../kws/engine.js';
import { decideKws, defaultKwsRules, HESITATION, NUMERAL, type KwsRules } from '../kws/kws-decision.js';
import type { KeywordPhrase, KeywordSet } from '../kws/keyword-lines.js';
import type { Hit } from '../kws/spot-stream.js';
import { HeardAudio } from '../kws/heard-audio.js';
import { saidHits } from '../kws/hits.js';
import { tokenDictionary } from '../kws/token-dictionary.js';
import { defaultThresholds, type DecisionThresholds } from './decision.js';
import { RecognizerError, type RecognitionResult, type RecognitionSession, type Recognizer } from './recognizer.js';
import { recognizerShell } from './recognizer-shell.js';

export interface SherpaKwsOptions extends KwsEngineOptions {
  readonly thresholdsOfDecision?: Partial<DecisionThresholds>;
  /** Spot numerals at a digits or quantity step (speech config `sherpaKws.spokenNumbers`; default true here, for measuring). */
  readonly spokenNumbers?: boolean;
  readonly rules?: Partial<KwsRules>;
}

/** What people say before an answer, or instead of one. */
const HESITATIONS = ['嗯', '啊', '哦', '呃', '唉', '哎', '喂'];

interface Compiled {
  readonly grammar: StepGrammar;
  readonly matcher: IntentMatcher;
  readonly keywords: KeywordSet;
}

/**
 * A yes that submits (the read-back, StepSpec `submits`) is held to this threshold whatever its
 * length: at the spotter's usual 0.15, 错了 over a quiet room was spotted as 对的 and 好的 (bench:speech,
 * held-out voices at -12 dB and over a room's floor: one false confirm each); at 0.45 none, for a
 * loss of 0.02 in held-out accuracy and none on the real recordings. Other confirm steps (start a
 * service, go on past a notice) keep the usual bar: their yes is undone with 返回, and 可以 at the
 * intro through Chromium's microphone was missed three times running at the stricter one.
 */
export const CONFIRM_YES_THRESHOLD = 0.45;

/** The step grammar as keyword phrases: every phrase, the numerals of a number step (unless left out), the hesitations. */
export function stepKeywords(g: StepGrammar, numbers = true, confirmYes = CONFIRM_YES_THRESHOLD): KeywordPhrase[] {
  const out: KeywordPhrase[] = g.phrases.map((p) => (g.submits && p.intent === 'yes' ? { intent: p.intent, text: p.words.join(''), minThreshold: confirmYes } : { intent: p.intent, text: p.words.join('') }));
  // The carriers (我要…, 帮我…) as keyword forms of their own too. Measured against the spotter
  // simply finding the bare phrase inside them: held-out espeak voices 0.476 → 0.500, at -12 dB
  // 0.463 → 0.500, fixtures 0.651 → 0.667, the real recordings still all rejected; RTF about 0.025
  // → 0.045. A longer keyword carries more evidence than the phrase alone.
  for (const p of g.phrases) if (!p.bare) for (const pre of g.prefixes) out.push({ intent: p.intent, text: pre.join('') + p.words.join(''), optional: true });
  if (!numbers) return [...out, ...HESITATIONS.map((h) => ({ intent: HESITATION, text: h, optional: true }))];
  if (g.digits) for (const w of g.digits.words) out.push({ intent: NUMERAL, text: w });
  if (g.quantity) for (const w of [...NUMERAL_WORDS, ...QUANTITY_LEADS, ...QUANTITY_TAILS, ...g.quantity.units.map((u) => u.join(''))]) out.push({ intent: NUMERAL, text: w, optional: true });
  for (const h of HESITATIONS) out.push({ intent: HESITATION, text: h, optional: true });
  return out;
}

export function createSherpaKwsRecognizer(opts: SherpaKwsOptions): Recognizer {
  const engine: KwsEngine = loadKwsEngine(opts);
  const dict: Dictionary = tokenDictionary(engine.tokens);
  const thresholds: DecisionThresholds = { ...defaultThresholds, ...opts.thresholdsOfDecision };
  const rules: KwsRules = { ...defaultKwsRules, ...opts.rules };
  const compile = (spec: StepSpec): Compiled => {
    const grammar = buildStepGrammar(spec, dict);
    return { grammar, matcher: createIntentMatcher(grammar), keywords: engine.keywordSet(stepKeywords(grammar, opts.spokenNumbers ?? true)) };
  };

  class Session implements RecognitionSession {
    closed = false;
    private readonly heard: HeardAudio;
    private readonly hits: Hit[] = [];
    constructor(private readonly c: Compiled) {
      this.heard = new HeardAudio((l) => engine.stream(c.keywords, l));
    }

    accept(pcm: Int16Array): RecognitionResult | null {
      if (this.closed) throw new RecognizerError('session-closed', 'This recognition session has ended');
      const all = this.heard.accept(pcm);
      this.hits.push(...all);
      // Hesitations are for the decision, not worth showing.
      const fresh = all.filter((h) => h.entry.intent !== HESITATION);
      if (fresh.length === 0) return null;
      // What is being heard, as it is heard: the keywords so far, in the order said.
      // Each keyword once, though both of a stretch's streams may report it (heard-audio.ts).
      const text = saidHits(this.hits).filter((h) => h.entry.intent !== HESITATION).map((h) => h.entry.text).join('');
      const last = fresh[fresh.length - 1]!.entry;
      return last.intent === NUMERAL ? { kind: 'partial', text, confidence: 0 } : { kind: 'partial', text, intent: last.intent, confidence: 0 };
    }

    end(): RecognitionResult {
      if (this.closed) throw new RecognizerError('session-closed', 'This recognition session has ended');
      const all = [...this.hits, ...this.heard.finish()];
      this.close();
      return decideKws(this.c.grammar, this.c.matcher, { hits: all, voicedAt: this.heard.voicedAt }, thresholds, rules);
    }

    cancel(): void {
      if (!this.closed) this.close();
    }

    private close(): void {
      this.closed = true;
    }
  }

  return recognizerShell({ engine: 'sherpa-kws', browserGain: false, compile, open: (c) => new Session(c) });
}
