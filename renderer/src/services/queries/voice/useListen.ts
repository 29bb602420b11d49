// Listens once through the microphone for a dialog step (the station builds the
// grammar from it) and resolves with the final or rejected result. Audio goes
// to the station in half-second chunks; the station's end-of-speech detection
// ends the utterance, and a cap here ends it if the station never does. Any
// prompt being read aloud stops first, so the kiosk does not hear itself.
// Misses in a row are counted per question (misses.ts); at the second the
// specialist is called, and the outcome says so, so the screen can tell the
// resident to use the buttons while someone comes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpeechResultEvent, StepSpecInput } from '../../../../../common/ipc/channels/speech.js';
import { useApi } from '../../../api/ApiContext.js';
import { useReadAloud } from '../../../read-aloud/ReadAloudContext.js';
import { useCallForHelp } from '../../../help/useCallForHelp.js';
import { Downsampler, TARGET_RATE, pcmToBase64 } from './pcm.js';
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

const CHUNK_SAMPLES = TARGET_RATE / 2;
/** Longer than the station's own cap (15 s) plus slack: only a lost station hits it. */
const HARD_CAP_MS = 20_000;

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
    async (step: StepSpecInput): Promise<Heard> => {
      cancel();
      stopReading();
      const started = await api.call('speech:listen-start', { step });
      if (!started.ok) return { ok: false, failure: 'unavailable' };
      const { sessionId } = started.value;
      let stream: MediaStream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: false, autoGainControl: true } });
      } catch {
        void api.call('speech:listen-cancel', { sessionId });
        return { ok: false, failure: 'no-microphone' };
      }
      setListening(true);
      return new Promise<Heard>((resolve) => {
        const ctx = new AudioContext();
        const source = ctx.createMediaStreamSource(stream);
        // ScriptProcessor rather than an AudioWorklet: a worklet needs a module URL,
        // and this runs everywhere the kiosk's CSP allows without one.
        const processor = ctx.createScriptProcessor(4096, 1, 1);
        const down = new Downsampler(ctx.sampleRate);
        let pending: number[] = [];
        let sending = Promise.resolve();
        let done = false;
        const send = (samples: Int16Array) => {
          const pcmBase64 = pcmToBase64(samples);
          sending = sending.then(() => api.call('speech:listen-audio', { sessionId, pcmBase64 }).then(() => undefined));
        };
        processor.onaudioprocess = (e) => {
          if (done) return;
          pending.push(...down.push(e.inputBuffer.getChannelData(0)));
          if (pending.length >= CHUNK_SAMPLES) {
            send(Int16Array.from(pending));
            pending = [];
          }
        };
        source.connect(processor);
        processor.connect(ctx.destination);

        const finish = (outcome: Heard) => {
          if (done) return;
          done = true;
          off();
          clearTimeout(cap);
          processor.disconnect();
          source.disconnect();
          stream.getTracks().forEach((t) => t.stop());
          void ctx.close();
          current.current = null;
          setListening(false);
          resolve(outcome);
        };
        const off = api.subscribe('speech:results', {}, (r) => {
          if (r.sessionId === sessionId && r.kind !== 'partial') finish({ ok: true, result: r });
        });
        const cap = setTimeout(() => {
          void sending.then(() => api.call('speech:listen-end', { sessionId })).then((r) => finish(r.ok ? { ok: true, result: r.value } : { ok: false, failure: 'unavailable' }));
        }, HARD_CAP_MS);
        current.current = () => {
          void api.call('speech:listen-cancel', { sessionId });
          finish({ ok: true, result: { sessionId, kind: 'rejected', text: '', confidence: 0, reason: 'cancelled' } });
        };
      });
    },
    [api, cancel, stopReading],
  );

  const listen = useCallback(
    async (step: StepSpecInput): Promise<ListenOutcome> => {
      const heard = await hear(step);
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
