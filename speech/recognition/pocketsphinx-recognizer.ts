// The embedded recognizer: PocketSphinx (Debian's libpocketsphinx3, in-process via
// koffi) with the Mandarin tdt_sc_8k model. Two decoders hear every chunk: one
// runs the step grammar (commands plus a garbage loop), the other a free phone
// loop whose score is the yardstick for the command's confidence. Both are
// streamed, so the final answer costs only the end-of-utterance bookkeeping.
//
// A third decoder runs a loop of hesitation sounds (嗯, 啊, 喂…): alone they are
// forced onto the nearest short command (a lone 嗯 as 不是 at 0.86, a 哦 as 好, a
// yes, at 0.77), and when the loop explains the audio better than the command,
// nothing was said to act on. That rule always holds for a yes at a confirm
// step, where a wrong one submits; with `hesitationCheck` (on unless a station
// turns it off) it holds for every short command. It rejects every hesitation
// clip in the eval and misheard commands with them, and loses a few real ones
// (bench:speech prints both sides). When the audio held only a short sound, the
// result says 'hesitation' (the screen listens on); longer is other speech.
// A hesitation branch inside the command grammar was tried first and let real
// recordings through, so it is a decoder of its own.
import { loadDictionary, type Dictionary } from '../grammar/dictionary.js';
import { renderJsgf } from '../grammar/jsgf.js';
import { buildStepGrammar, type StepGrammar, type StepSpec } from '../grammar/step-grammar.js';
import { createIntentMatcher, type IntentMatcher } from '../intent/match.js';
import { VoicingCounter } from '../audio/voicing.js';
import { LevelNormalizer } from '../audio/level-normalizer.js';
import { decide, defaultThresholds, type DecisionThresholds, type DecodeEvidence } from './decision.js';
import { PocketSphinxDecoder, pocketSphinxModelPaths } from './pocketsphinx-decoder.js';
import { RecognizerError, type RecognitionResult, type RecognitionSession, type Recognizer } from './recognizer.js';
import { recognizerShell } from './recognizer-shell.js';
import { loadPinyinEngineNow } from '../pinyin-engine.js';

export interface PocketSphinxOptions {
  /** Folder holding model/hmm/zh/tdt_sc_8k and model/lm/zh_CN/mandarin_notone.dic. */
  readonly modelDir: string;
  readonly library?: string;
  /** Prior of the garbage branch in the grammar; smaller lets more through to the confidence check. */
  readonly garbageWeight?: number;
  readonly thresholds?: Partial<DecisionThresholds>;
  /** Reject a short command that a loop of hesitation sounds explains better at every step, not only a yes at a confirm step (default true). */
  readonly hesitationCheck?: boolean;
  /** Extra PocketSphinx command-line options (beams, -cmninit…), for tuning. */
  readonly decoderArgs?: readonly string[];
}

const GARBAGE_PREFIX = 'gb_';
/** Sounds people make before answering, or instead of it (all in the model's dictionary). */
export const HESITATIONS = ['嗯', '啊', '哦', '呃', '唉', '哎', '喂'] as const;
// Null transitions of the grammar show up as (NULL); alternate pronunciations as 对的(2).
const baseWord = (w: string) => w.replace(/\(\d+\)$/, '');
const isFiller = (w: string) => w === '(NULL)' || w.startsWith('<') || w.startsWith('[') || w.startsWith('++') || w === 'SIL';

interface Compiled {
  readonly grammar: StepGrammar;
  readonly jsgf: string;
  readonly matcher: IntentMatcher;
}

export function createPocketSphinxRecognizer(opts: PocketSphinxOptions): Recognizer {
  // Free text is matched by sound beyond the app's pinyin table: pinyin-pro comes with the model.
  loadPinyinEngineNow();
  const paths = pocketSphinxModelPaths(opts.modelDir);
  const decoderOpts = { library: opts.library, extraArgs: opts.decoderArgs };
  const command = new PocketSphinxDecoder(paths, decoderOpts);
  const free = new PocketSphinxDecoder(paths, decoderOpts);
  let dict: Dictionary;
  try {
    dict = loadDictionary(paths.dict);
  } catch (e) {
    command.dispose();
    free.dispose();
    throw new RecognizerError('model-corrupt', (e as Error).message);
  }
  const hesitationWords = HESITATIONS.filter((h) => dict.has(h));
  const hesitation = hesitationWords.length > 0 ? new PocketSphinxDecoder(paths, decoderOpts) : null;
  const decoders = hesitation ? [command, free, hesitation] : [command, free];
  const phones = dict.phoneInventory();
  const garbageWords = phones.map((p) => GARBAGE_PREFIX + p);
  for (const d of [command, free]) phones.forEach((p, i) => d.addWord(garbageWords[i]!, p));
  const freeJsgf = `#JSGF V1.0;\ngrammar free;\npublic <free> = <phone>+;\n<phone> = ${garbageWords.join(' | ')};\n`;
  const hesitationJsgf = `#JSGF V1.0;\ngrammar hes;\npublic <hes> = <h>+;\n<h> = ${hesitationWords.join(' | ')};\n`;
  const thresholds: DecisionThresholds = { ...defaultThresholds, ...opts.thresholds };
  const garbageWeight = opts.garbageWeight ?? 0;
  const compile = (spec: StepSpec): Compiled => {
    const grammar = buildStepGrammar(spec, dict);
    return { grammar, jsgf: renderJsgf(grammar, { garbageWords: garbageWeight > 0 ? garbageWords : [], garbageWeight }), matcher: createIntentMatcher(grammar) };
  };

  class Session implements RecognitionSession {
    closed = false;
    private lastPartial = '';
    private readonly voicing = new VoicingCounter();
    /** One loudness for every utterance (see level-normalizer.ts); the voicing check hears the same audio. */
    private readonly level = new LevelNormalizer();
    constructor(private readonly c: Compiled) {
      command.useGrammar(c.jsgf);
      free.useGrammar(freeJsgf);
      hesitation?.useGrammar(hesitationJsgf);
      for (const d of decoders) d.start();
    }

    accept(pcm: Int16Array): RecognitionResult | null {
      if (this.closed) throw new RecognizerError('session-closed', 'This recognition session has ended');
      this.feed(this.level.push(pcm));
      const hyp = command.hypothesis();
      const words = hyp ? hyp.text.split(' ').map(baseWord).filter((w) => w && !isFiller(w)) : [];
      if (words.some((w) => w.startsWith(GARBAGE_PREFIX))) return null; // nothing worth showing yet
      const text = words.join('');
      if (!text || text === this.lastPartial) return null;
      this.lastPartial = text;
      const m = this.c.matcher.match(text);
      const base = { kind: 'partial' as const, text, confidence: 0 };
      if (!m) return base;
      return 'digits' in m ? { ...base, digits: m.digits } : { ...base, intent: m.intent };
    }

    end(): RecognitionResult {
      if (this.closed) throw new RecognizerError('session-closed', 'This recognition session has ended');
      this.feed(this.level.flush());
      this.close();
      const evidence = this.evidence();
      const text = evidence.words.join('');
      const match = evidence.garbageWords === 0 ? this.c.matcher.match(text) : null;
      const unmatched = this.c.grammar.digits && evidence.words.length > 0 && evidence.words.every((w) => this.c.grammar.digits!.words.includes(w)) ? 'bad-length' : 'out-of-grammar';
      return decide(this.c.grammar.kind, evidence, match, thresholds, unmatched, opts.hesitationCheck === false ? 'yes-at-confirm' : 'everywhere');
    }

    /** What the two decoders saw, in the numbers the decision rules use. */
    evidence(): DecodeEvidence {
      const hyp = command.hypothesis();
      const freeHyp = free.hypothesis();
      const hesitationHyp = hesitation?.hypothesis();
      const segs = hyp ? command.segments().map((s) => ({ ...s, word: baseWord(s.word) })) : [];
      const spoken = segs.filter((s) => !isFiller(s.word));
      return {
        words: spoken.filter((s) => !s.word.startsWith(GARBAGE_PREFIX)).map((s) => s.word),
        garbageWords: spoken.filter((s) => s.word.startsWith(GARBAGE_PREFIX)).length,
        speechFrames: spoken.reduce((n, s) => n + s.frames, 0),
        commandScore: hyp?.score ?? 0,
        freeScore: freeHyp?.score ?? 0,
        hesitationScore: hesitationHyp?.score,
        voicedFrames: this.voicing.voicedFrames,
      };
    }

    cancel(): void {
      if (!this.closed) this.close();
    }

    private feed(chunks: readonly Int16Array[]): void {
      for (const c of chunks) {
        for (const d of decoders) d.process(c);
        this.voicing.push(c);
      }
    }

    private close(): void {
      this.closed = true;
      for (const d of decoders) d.end();
    }
  }

  return recognizerShell({ engine: 'pocketsphinx', browserGain: true, compile, open: (c) => new Session(c), free: () => decoders.forEach((d) => d.dispose()) });
}
