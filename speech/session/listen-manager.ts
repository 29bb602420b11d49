// Recognition sessions as the renderer drives them over IPC: start with a step,
// push audio chunks, end (or let end-of-speech detection end it). Owns the
// session ids, the timeouts (a renderer that vanishes mid-utterance must not keep
// the microphone session open), and the fan-out of results to subscribers.
// What residents say is never logged: only session ids, kinds and reasons.
import { randomUUID } from 'node:crypto';
import { Endpointer, defaultEndpointer, type EndpointerOptions } from '../audio/endpointer.js';
import type { StepSpec } from '../grammar/step-grammar.js';
import { RecognizerError, SAMPLE_RATE, type RecognitionResult, type RecognitionSession, type Recognizer } from '../recognition/recognizer.js';

export type ResultEvent = RecognitionResult & { readonly sessionId: string };

export interface ListenManagerOptions {
  /** Returns the recognizer, loading it on first use; throws RecognizerError when unavailable. */
  readonly recognizer: () => Recognizer;
  /** No speech at all for this long ends the session as 'no-speech'. */
  readonly noSpeechTimeoutMs?: number;
  /** Hard cap on one utterance. */
  readonly maxUtteranceMs?: number;
  /** A session that receives nothing for this long (the page went away) is dropped. */
  readonly idleTimeoutMs?: number;
  readonly endpointer?: EndpointerOptions;
}

/**
 * The silence that ends a number said digit by digit. People read a phone or ID number
 * in groups (幺三八，零零幺三，八零零零) and pause between them, longer than between words;
 * the usual 0.8 s would end the number after its first group.
 */
export const DIGITS_TRAILING_SILENCE_MS = 1600;

interface Live {
  readonly session: RecognitionSession;
  readonly endpointer: Endpointer;
  readonly noSpeechTimeoutMs: number;
  idleTimer: ReturnType<typeof setTimeout>;
  final?: ResultEvent;
}

export class ListenManager {
  private readonly live = new Map<string, Live>();
  private readonly finished = new Map<string, ResultEvent>();
  private readonly listeners = new Set<(e: ResultEvent) => void>();

  constructor(private readonly o: ListenManagerOptions) {}

  subscribe(listener: (e: ResultEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a session; `noSpeechTimeoutMs` overrides the station's wait for speech for this one. */
  start(step: StepSpec, opts: { readonly noSpeechTimeoutMs?: number | undefined } = {}): string {
    // One microphone: a new session replaces any open one.
    for (const id of [...this.live.keys()]) this.finish(id, { kind: 'rejected', text: '', confidence: 0, reason: 'cancelled' });
    const session = this.o.recognizer().start(step);
    const sessionId = randomUUID();
    const noSpeechTimeoutMs = opts.noSpeechTimeoutMs ?? this.o.noSpeechTimeoutMs ?? 8000;
    const ep = this.o.endpointer ?? defaultEndpointer;
    const endpointer = new Endpointer(step.kind === 'digits' ? { ...ep, trailingSilenceMs: Math.max(ep.trailingSilenceMs, DIGITS_TRAILING_SILENCE_MS) } : ep);
    this.live.set(sessionId, { session, endpointer, noSpeechTimeoutMs, idleTimer: this.idleTimer(sessionId) });
    return sessionId;
  }

  audio(sessionId: string, pcm: Int16Array): void {
    const l = this.live.get(sessionId);
    if (!l) {
      if (this.finished.has(sessionId)) return; // chunks still in flight after end-of-speech
      throw new RecognizerError('session-closed', 'No such recognition session');
    }
    clearTimeout(l.idleTimer);
    l.idleTimer = this.idleTimer(sessionId);
    const partial = l.session.accept(pcm);
    if (partial) this.emit({ ...partial, sessionId });
    const ended = l.endpointer.push(pcm);
    const ep = l.endpointer;
    if (ended) this.end(sessionId);
    else if (!ep.heardSpeech && ep.totalMs >= l.noSpeechTimeoutMs) this.finish(sessionId, { kind: 'rejected', text: '', confidence: 0, reason: 'no-speech' });
    else if (ep.totalMs >= (this.o.maxUtteranceMs ?? 15_000)) this.end(sessionId);
  }

  /** Ends the utterance now; a session that already ended returns its result again. */
  end(sessionId: string): ResultEvent {
    const done = this.finished.get(sessionId);
    if (done) return done;
    const l = this.live.get(sessionId);
    if (!l) throw new RecognizerError('session-closed', 'No such recognition session');
    return this.finish(sessionId, l.session.end());
  }

  cancel(sessionId: string): void {
    if (this.live.has(sessionId)) this.finish(sessionId, { kind: 'rejected', text: '', confidence: 0, reason: 'cancelled' });
  }

  dispose(): void {
    for (const id of [...this.live.keys()]) this.cancel(id);
    this.listeners.clear();
  }

  private idleTimer(sessionId: string) {
    const t = setTimeout(() => {
      if (this.live.has(sessionId)) this.finish(sessionId, { kind: 'rejected', text: '', confidence: 0, reason: 'timeout' });
    }, this.o.idleTimeoutMs ?? 20_000);
    t.unref?.();
    return t;
  }

  private finish(sessionId: string, r: RecognitionResult): ResultEvent {
    const l = this.live.get(sessionId);
    if (l) {
      clearTimeout(l.idleTimer);
      if (!l.session.closed) l.session.cancel();
      this.live.delete(sessionId);
    }
    const event: ResultEvent = { ...r, sessionId };
    this.finished.set(sessionId, event);
    // Keep only the last few finished sessions: enough for a late listen-end.
    while (this.finished.size > 8) this.finished.delete(this.finished.keys().next().value!);
    this.emit(event);
    return event;
  }

  private emit(e: ResultEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch {
        // One broken subscriber must not stop the others from hearing the result.
      }
    }
  }
}

export { SAMPLE_RATE };
