// Listens once through the microphone for a dialog step (the station builds the
// grammar from it) and resolves with the final or rejected result. The audio path
// is the voice area's VoiceSession (AudioWorklet capture at 16 kHz, chunks sent
// in order, the station's end-of-speech detection ends the utterance), so the
// query screens hear exactly as the service flows do. Any prompt being read
// aloud stops first, so the kiosk does not hear itself.
// Misses in a row are counted per question (misses.ts); at the second the
// specialist is called, and the outcome says so, so the screen can tell the
// resident to use the buttons while someone comes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpeechResultEvent, StepSpecInput } from '../../../../../common/ipc/channels/speech.js';
import { useApi } from '../../../api/ApiContext.js';
import { useReadAloud } from '../../../read-aloud/ReadAloudContext.js';
import { useCallForHelp } from '../../../help/useCallForHelp.js';
import { VoiceError, VoiceSession } from '../../../voice/voice-session.js';
import { AFTER_HESITATION_NO_SPEECH_MS, afterHesitation, isHesitation, LISTEN_PAST_HESITATIONS } from '../../../voice/hesitation.js';
import { countMiss, noMisses, shouldCallForHelp, stepKeyOf, type Misses } from './misses.js';

/** Why listening gave nothing to act on, besides a rejected result. */
export type ListenFailure = 'no-microphone' | 'unavailable';
export type ListenOutcome =
  | {
      ok: true;
      result: SpeechResultEvent;
      /** Misses in a row at this question, this one included (0 after an understood answer). */
      misses: number;
      /** The specialist was called during this run of misses and the station has the call. */
      helpCalled: boolean;
    }
  | { ok: false; failure: ListenFailure };

/** What the microphone and the station gave, before the misses are counted. */
type Heard = { ok: true; result: SpeechResultEvent } | { ok: false; failure: ListenFailure };

export function useListen(): { listening: boolean; listen(step: StepSpecInput): Promise<ListenOutcome>; cancel(): void } {
  const api = useApi();
  const { stop: stopReading } = useReadAloud();
  const [listening, setListening] = useState(false);
  const current = useRef<(() => void) | null>(null);
  const misses = useRef<Misses>(noMisses);
  const helpCalled = useRef(false);
  const callForHelp = useCallForHelp();

  const cancel = useCallback(() => current.current?.(), []);
  useEffect(() => cancel, [cancel]); // leaving the screen releases the microphone

  const hear = useCallback(
    async (step: StepSpecInput, opts: { readonly noSpeechMs?: number } = {}): Promise<Heard> => {
      cancel();
      stopReading();
      const session = new VoiceSession(api, { onPartial: () => undefined });
      let cancelled = false;
      current.current = () => {
        cancelled = true;
        session.cancel();
      };
      try {
        await session.start(step, opts);
      } catch (e) {
        if (!cancelled) current.current = null;
        if (!(e instanceof VoiceError)) throw e;
        // No recognizer is the station's problem; every capture failure means "no microphone" to the resident.
        return { ok: false, failure: e.code === 'unavailable' ? 'unavailable' : 'no-microphone' };
      }
      // Left the screen (or a new question) while the microphone was opening.
      if (cancelled) session.cancel();
      setListening(true);
      const result = await session.result;
      if (!cancelled) current.current = null;
      setListening(false);
      return { ok: true, result };
    },
    [api, cancel, stopReading],
  );

  const listen = useCallback(
    async (step: StepSpecInput): Promise<ListenOutcome> => {
      let heard = await hear(step);
      // 嗯…: the answer is still coming; listen on, as the service screens do (voice/hesitation.ts).
      for (let i = 0; i < LISTEN_PAST_HESITATIONS && heard.ok && isHesitation(heard.result); i++) {
        const hesitation = heard.result;
        heard = await hear(step, { noSpeechMs: AFTER_HESITATION_NO_SPEECH_MS });
        // Then silence: the 嗯 was the answer, not understood, and stands as the miss.
        if (heard.ok) heard = { ok: true, result: afterHesitation(hesitation, heard.result) };
        if (heard.ok && heard.result === hesitation) break;
      }
      if (!heard.ok) return heard; // no microphone or no recognizer: not the resident's miss
      const prev = misses.current;
      const next = countMiss(prev, stepKeyOf(step), heard.result);
      misses.current = next;
      if (next.count === 0 || next.stepKey !== prev.stepKey) helpCalled.current = false;
      if (shouldCallForHelp(prev, next)) helpCalled.current = await callForHelp('voice-failed-twice');
      return { ...heard, misses: next.count, helpCalled: next.count > 0 && helpCalled.current };
    },
    [hear, callForHelp],
  );

  return { listening, listen, cancel };
}
