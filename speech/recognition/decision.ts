// Deciding whether to accept what the decoder heard. Pure, so the rules can be
// tested without audio. Two signals:
//  - the hypothesis itself: any garbage word in it means the speech was better
//    explained as free speech than as a command → out-of-grammar; audio that a
//    loop of hesitation sounds (嗯, 啊) explains better than a short command is
//    a hesitation (the resident is about to answer, so the screen listens on)
//    or, where the sound lasted long, other speech;
//  - the score gap to a free phone loop decoding the same audio, per frame of
//    speech: a command that was truly said costs little against free phones,
//    unrelated speech forced onto a command costs a lot → confidence.
// A confirm step answered "yes" needs a higher confidence than anything else: it
// is the one place where a wrong guess submits an application. A command heard
// below its bar but above `confirmAgain` comes back as 'confirm-again' with its
// intent: the screen asks 我听着像是…, and only the same command heard so twice
// in a row counts (renderer voice/confirm-again.ts). One stray sound can never
// confirm, and a real 可以 or 只给自己 need not be shouted.
import type { RecognitionResult } from './recognizer.js';
import type { IntentMatch } from '../intent/match.js';

export interface DecisionThresholds {
  /** Minimum confidence for any final result. */
  readonly accept: number;
  /** Minimum confidence for `yes` at a confirm step. */
  readonly confirmYes: number;
  /** Below its bar but at least this: a command worth asking about again ('confirm-again'; not for digits). */
  readonly confirmAgain: number;
  /**
   * Below confirmAgain but at least this, a rejected command still names what it sounded like
   * (`intent` on a 'low-confidence' result; never a yes at a confirm step): heard so twice running,
   * the screen asks about it (renderer/src/voice/confirm-again.ts). One such hearing is a miss.
   */
  readonly sameTwice: number;
  /**
   * Minimum confidence for a digit string or a quantity: a loop of digits fits almost any speech,
   * and numerals misheard are other values (两个 as 四十八个 at 0.88 in the eval), so it needs more.
   */
  readonly digits: number;
  /** Score gap per speech frame that maps to confidence 1/e. */
  readonly gapScale: number;
  /** Fewer speech frames than this (10 ms each) is a cough or a click, not a word. */
  readonly minSpeechFrames: number;
  /** Fewer voiced frames than this is noise: every spoken syllable has a voiced vowel. */
  readonly minVoicedFrames: number;
  /** A yes at a confirm step shorter than this (in characters, one per syllable) is asked about, never taken on one hearing. */
  readonly sureYesSyllables: number;
  /**
   * Beyond a yes at a confirm step, the hesitation check holds only for what was heard as at most
   * this many syllables: a lone 嗯 forced onto the grammar comes out as 不, 主页 or 帮帮我, and four
   * syllables heard mean someone said four (the loop still beat 我要养老资格认证 said in full).
   */
  readonly hesitationMaxSyllables: number;
  /**
   * Audio the hesitation loop wins is a hesitation (reason 'hesitation': the resident is about to
   * answer, not a miss) when it holds at most this many voiced frames (10 ms each); longer is other
   * speech the command does not explain ('out-of-grammar'). Lone 嗯 / 啊 clips had 14-46, a sentence
   * such as 今天天气很好 148 and the real recordings 85-794. (How many sounds the loop heard was
   * tried first: it covered 今天天气很好 with two.)
   */
  readonly hesitationMaxVoicedFrames: number;
}

export const defaultThresholds: DecisionThresholds = { accept: 0.62, confirmYes: 0.7, confirmAgain: 0.5, sameTwice: 0.4, digits: 0.85, gapScale: 40, minSpeechFrames: 15, minVoicedFrames: 8, sureYesSyllables: 2, hesitationMaxSyllables: 3, hesitationMaxVoicedFrames: 80 };

export interface DecodeEvidence {
  readonly words: readonly string[];
  readonly garbageWords: number;
  readonly speechFrames: number;
  /** Path score of the command decoder (log domain, higher is better). */
  readonly commandScore: number;
  /** Path score of the free phone loop over the same audio. */
  readonly freeScore: number;
  /** Path score of a loop of hesitation sounds (嗯, 啊…) over the same audio, where the engine has one. */
  readonly hesitationScore?: number;
  /** Frames with a pitch period (see audio/voicing.ts). */
  readonly voicedFrames: number;
}

export function confidenceOf(e: DecodeEvidence, t: DecisionThresholds): number {
  if (e.speechFrames <= 0) return 0;
  const gap = Math.max(0, e.freeScore - e.commandScore) / e.speechFrames;
  return Math.exp(-gap / t.gapScale);
}

/** Where audio a loop of hesitation sounds explains better than the command is rejected. */
export type HesitationRule = 'yes-at-confirm' | 'everywhere';

/** The one answer that submits: a yes at a confirm step. */
const isYesAtConfirm = (step: string, match: IntentMatch): boolean => step === 'confirm' && match !== null && !('digits' in match) && match.intent === 'yes';

/** `unmatched` says why text the grammar allowed still matched nothing (a digit string of the wrong length). */
export function decide(
  step: string,
  e: DecodeEvidence,
  match: IntentMatch,
  t: DecisionThresholds,
  unmatched: 'bad-length' | 'out-of-grammar' = 'out-of-grammar',
  hesitations: HesitationRule = 'yes-at-confirm',
): RecognitionResult {
  const text = e.words.join('');
  if (e.words.length === 0 && e.garbageWords === 0) return { kind: 'rejected', text: '', confidence: 0, reason: 'no-speech' };
  if (e.garbageWords > 0) return { kind: 'rejected', text: '', confidence: 0, reason: 'out-of-grammar' };
  if (e.speechFrames < t.minSpeechFrames || e.voicedFrames < t.minVoicedFrames) return { kind: 'rejected', text, confidence: 0, reason: 'no-speech' };
  // A lone 嗯 or 哦 forced onto 好 or 首页 (after the noise checks, so noise stays no-speech): someone
  // spoke, but said nothing to act on. Always for a yes at a confirm step, where it would submit;
  // elsewhere (the station's hesitationCheck, on by default) for a short command only.
  const yesAtConfirm = isYesAtConfirm(step, match);
  const hesitant = e.hesitationScore !== undefined && e.hesitationScore > e.commandScore;
  const short = [...text].length <= t.hesitationMaxSyllables;
  // Except 对 / 不是 answering 我听着像是…，对吗？ (or a yes/no question on a form): there a
  // 嗯 is an answer in its own right, and 是 itself lost to the loop through the microphone.
  const answer = step !== 'confirm' && match !== null && 'intent' in match && (match.intent === 'yes' || match.intent === 'no');
  if (hesitant && (yesAtConfirm || (hesitations === 'everywhere' && short && !answer))) {
    // At a confirm step it stays a miss: the check there also takes real 可以 for a 嗯, and a
    // resident who said 可以 should be asked again at once, not met with silence while the kiosk
    // waits for more (the likely reason the voice-submit e2e once stalled in CI).
    const lone = e.voicedFrames <= t.hesitationMaxVoicedFrames && step !== 'confirm';
    return { kind: 'rejected', text, confidence: 0, reason: lone ? 'hesitation' : 'out-of-grammar' };
  }
  const confidence = confidenceOf(e, t);
  if (!match) return { kind: 'rejected', text, confidence, reason: unmatched };
  return judge(step, text, match, confidence, t);
}

/** The engine-independent part: is a matched phrase heard surely enough to act on? */
export function judge(step: string, text: string, match: NonNullable<IntentMatch>, confidence: number, t: DecisionThresholds): RecognitionResult {
  const yesAtConfirm = isYesAtConfirm(step, match);
  const needed = 'digits' in match ? t.digits : yesAtConfirm ? t.confirmYes : t.accept;
  // A lone 啊 is heard as 好, 嗯 as 对, at up to 0.99: a one-syllable yes is exactly what a
  // hesitation sounds like. Heard surely it is still only asked about (我听着像是“是”，对吗？),
  // so a second hearing takes it; 是的, 好的, 可以 are taken at once.
  const shortYes = yesAtConfirm && [...text].length < t.sureYesSyllables;
  if (confidence < needed || shortYes) {
    if (!('digits' in match) && confidence >= t.confirmAgain) return { kind: 'rejected', text, intent: match.intent, confidence, reason: 'confirm-again' };
    const named = !('digits' in match) && !yesAtConfirm && confidence >= t.sameTwice;
    return named ? { kind: 'rejected', text, intent: match.intent, confidence, reason: 'low-confidence' } : { kind: 'rejected', text, confidence, reason: 'low-confidence' };
  }
  return 'digits' in match ? { kind: 'final', text, digits: match.digits, confidence } : { kind: 'final', text, intent: match.intent, confidence };
}
