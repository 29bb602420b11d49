// The voice hook every voice-enabled screen uses: push-to-talk (the big
// microphone button, the remote's Voice key) and hands-free listening after a
// spoken question, for the grammar of the step on screen. It exposes what the UI
// shows — listening or not, what was heard (big text), the recognised intent or
// digits, the rejection — and counts consecutive failures so the screen can ask
// again in other words and, after two, offer the buttons and call the specialist.
// Pressing to talk stops any prompt being read (barge-in); so does the resident
// starting to speak while hands-free listening overlaps a prompt.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpeechResultEvent, StepSpecInput } from '../../../common/ipc/channels/speech.js';
import { useApi } from '../api/ApiContext.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { VoiceError, VoiceSession, type VoiceFailure } from './voice-session.js';
import { createConfirmAgain } from './confirm-again.js';
import { AFTER_HESITATION_NO_SPEECH_MS, afterHesitation, isHesitation, LISTEN_PAST_HESITATIONS } from './hesitation.js';

export type VoiceState = 'idle' | 'starting' | 'listening' | 'deciding';

export interface UseVoiceOptions {
  /** The grammar of the step on screen; null turns voice off for this screen. */
  step: StepSpecInput | null;
  /** A final result (intent id, choice option id, or digits) the screen should act on. */
  onResult?(result: SpeechResultEvent): void;
  /** A rejected or low-confidence attempt; `failures` counts them since the last success. */
  onRejected?(result: SpeechResultEvent, failures: number): void;
  /** `intent` heard once, not surely enough: say what it sounded like and listen again (see confirm-again.ts). */
  onConfirmAgain?(intent: string): void;
  /** 不是 to 我听着像是“…”，对吗？: the guess `intent` was wrong; ask once more (not a miss). */
  onDenied?(intent: string): void;
  /** After this many consecutive failures `offerButtons` turns true (default 2). */
  maxFailures?: number;
  /** How many lone 嗯 / 啊 in a row are listened past, silently and not as misses (hesitation.ts); 0: each is a miss. */
  listenPastHesitations?: number;
}

export interface Voice {
  readonly state: VoiceState;
  readonly listening: boolean;
  /** What was heard so far (partial) or in the end (final), '' when nothing. */
  readonly heard: string;
  readonly result: SpeechResultEvent | null;
  readonly rejection: SpeechResultEvent | null;
  readonly failures: number;
  /** Two failures in a row: show the buttons and call the specialist. */
  readonly offerButtons: boolean;
  /** Why voice cannot be used right now (no microphone, recognizer not provisioned…). */
  readonly unavailable: VoiceFailure | null;
  /** Push-to-talk pressed (mic button down, Voice key down). */
  press(): void;
  /** Push-to-talk released: decide now. */
  release(): void;
  /** Hands-free: listen once (after a spoken question); the station ends it at end of speech. */
  listen(opts?: { bargeIn?: boolean }): Promise<SpeechResultEvent | null>;
  cancel(): void;
  /** Treat `intent`, just heard, as heard only fairly well: onConfirmAgain asks about it, and a 是 or the same again takes it. */
  askAbout(intent: string): void;
}

export function useVoice(o: UseVoiceOptions): Voice {
  const api = useApi();
  const readAloud = useReadAloud();
  const [state, setState] = useState<VoiceState>('idle');
  const [heard, setHeard] = useState('');
  const [result, setResult] = useState<SpeechResultEvent | null>(null);
  const [rejection, setRejection] = useState<SpeechResultEvent | null>(null);
  const [failures, setFailures] = useState(0);
  const [unavailable, setUnavailable] = useState<VoiceFailure | null>(null);
  const session = useRef<VoiceSession | null>(null);
  const failureCount = useRef(0);
  const hesitations = useRef(0);
  /** The session the resident ended by letting go of the Voice key. */
  const released = useRef<VoiceSession | null>(null);
  const [confirmAgain] = useState(createConfirmAgain);
  const latest = useRef(o);
  latest.current = o;
  const stepKey = JSON.stringify(o.step);

  // A new step is a new question: forget the old answer and the failure count.
  useEffect(() => {
    setHeard('');
    setResult(null);
    setRejection(null);
    setFailures(0);
    failureCount.current = 0;
    hesitations.current = 0;
    confirmAgain.reset();
    return () => session.current?.cancel(); // leaving the screen releases the microphone
  }, [stepKey, confirmAgain]);

  const run = useCallback(
    /** `hesitated`: this listen follows a hesitation (the 嗯 it heard), listened past. */
    async (bargeIn: boolean, hesitated: SpeechResultEvent | null = null): Promise<SpeechResultEvent | null> => {
      const step = latest.current.step;
      if (!step) return null;
      session.current?.cancel();
      const s = new VoiceSession(api, {
        onPartial: (r) => setHeard(r.text),
        onSpeech: () => bargeIn && readAloud.stop(),
      });
      session.current = s;
      setState('starting');
      setHeard('');
      try {
        await s.start(confirmAgain.listenStep(step), hesitated ? { noSpeechMs: AFTER_HESITATION_NO_SPEECH_MS } : {});
      } catch (e) {
        if (session.current === s) setState('idle');
        if (e instanceof VoiceError) {
          setUnavailable(e.code);
          return null;
        }
        throw e;
      }
      if (session.current !== s) return s.result; // superseded while starting: the newer one owns the state
      setUnavailable(null);
      setState('listening');
      const heardNow = await s.result;
      if (session.current !== s) return heardNow; // superseded: a newer press owns the state
      const r = hesitated ? afterHesitation(hesitated, heardNow) : heardNow;
      session.current = null;
      setState('idle');
      if (r.reason === 'cancelled') return r;
      let verdict = confirmAgain.judge(r, step);
      if (verdict.kind === 'hesitation') {
        // 嗯…: the answer is still coming, so listen on — but not after the Voice key was let go
        // (the resident chose when to stop), and only so often in a row; then it is a miss. So is
        // a 嗯 followed by silence (r is that 嗯 again): it was the answer (hesitation.ts).
        if (r !== hesitated && released.current !== s && hesitations.current < (latest.current.listenPastHesitations ?? LISTEN_PAST_HESITATIONS)) {
          hesitations.current++;
          return run(bargeIn, r);
        }
        confirmAgain.reset();
        verdict = { kind: 'miss', result: r };
      }
      hesitations.current = 0;
      setHeard(isHesitation(r) ? '' : r.text); // what a 嗯 was forced onto means nothing to show
      if (verdict.kind === 'result') {
        setResult(verdict.result);
        setRejection(null);
        setFailures((failureCount.current = 0));
        latest.current.onResult?.(verdict.result);
        return verdict.result;
      }
      if (verdict.kind === 'denied') {
        setRejection(null);
        latest.current.onDenied?.(verdict.intent);
        return r;
      }
      setRejection(r);
      if (verdict.kind === 'ask-again') latest.current.onConfirmAgain?.(verdict.intent);
      else {
        setFailures(++failureCount.current);
        latest.current.onRejected?.(r, failureCount.current);
      }
      return r;
    },
    [api, readAloud, confirmAgain],
  );

  const press = useCallback(() => {
    readAloud.stop(); // barge-in: the resident wants to talk now
    void run(false);
  }, [readAloud, run]);

  const release = useCallback(() => {
    const s = session.current;
    if (!s) return;
    released.current = s;
    setState('deciding');
    void s.end();
  }, []);

  const listen = useCallback((opts: { bargeIn?: boolean } = {}) => run(opts.bargeIn ?? true), [run]);
  const cancel = useCallback(() => session.current?.cancel(), []);
  const askAbout = useCallback(
    (intent: string) => {
      confirmAgain.ask(intent);
      latest.current.onConfirmAgain?.(intent);
    },
    [confirmAgain],
  );

  return {
    state,
    listening: state === 'listening',
    heard,
    result,
    rejection,
    failures,
    offerButtons: failures >= (o.maxFailures ?? 2),
    unavailable,
    press,
    release,
    listen,
    cancel,
    askAbout,
  };
}
