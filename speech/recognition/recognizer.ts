// The Recognizer interface every engine implements: load a model, take the
// grammar of the current dialog step, stream 16 kHz mono PCM, and answer with a
// partial/final result (with a confidence) or a rejection. Only one session runs
// at a time per recognizer: a kiosk has one microphone.
import type { StepSpec } from '../grammar/step-grammar.js';

export const SAMPLE_RATE = 16_000;

/** 'confirm-again': probably `intent`, not surely enough to act on one hearing (the same twice in a row counts). */
export type RejectReason = 'no-speech' | 'hesitation' | 'out-of-grammar' | 'low-confidence' | 'confirm-again' | 'bad-length' | 'cancelled' | 'timeout';

export interface RecognitionResult {
  readonly kind: 'partial' | 'final' | 'rejected';
  /** What was heard, words joined without spaces ('' when nothing was). */
  readonly text: string;
  /** The intent (or screen option) id of a final result, when it is not a digit string; also on a 'confirm-again'. */
  readonly intent?: string;
  /** The digit string of a final result at a digits step (0-9 and X). */
  readonly digits?: string;
  /** 0..1: how much better the command explains the audio than free speech does. */
  readonly confidence: number;
  readonly reason?: RejectReason;
}

export interface RecognitionSession {
  /** Feeds samples; returns a partial result when the best guess changed. */
  accept(pcm: Int16Array): RecognitionResult | null;
  /** Ends the utterance and returns the final result or a rejection. */
  end(): RecognitionResult;
  /** Drops the utterance (barge-in cancelled, screen changed). */
  cancel(): void;
  readonly closed: boolean;
}

export interface Recognizer {
  readonly engine: 'sherpa-kws' | 'pocketsphinx' | 'vosk';
  /**
   * Whether the browser's automatic gain should shape the microphone for this engine
   * (renderer/src/voice/capture.ts has the measurements): the keyword spotter brings
   * each utterance to one loudness itself and is hurt by the clipping the gain causes;
   * PocketSphinx heard the fake microphone better with it.
   */
  readonly browserGain: boolean;
  /** Checks that the step's grammar builds (throws GrammarError otherwise). */
  prepare(spec: StepSpec): void;
  /** Starts a session; a session still open is cancelled first. */
  start(spec: StepSpec): RecognitionSession;
  dispose(): void;
}

export type RecognizerErrorCode = 'library-missing' | 'model-missing' | 'model-corrupt' | 'decoder-failed' | 'session-closed';

export class RecognizerError extends Error {
  constructor(
    readonly code: RecognizerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RecognizerError';
  }
}
