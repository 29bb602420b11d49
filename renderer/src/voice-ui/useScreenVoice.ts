// Voice for one screen: the step's grammar (always with back/home/repeat/help),
// the global intents handled the same way everywhere, hands-free listening once
// each spoken question has finished, the remote's Voice key as push-to-talk, and
// asking again in other words after a miss (after two, offer the buttons and
// call the specialist).
import { useCallback, useEffect, useRef } from 'react';
import type { SpeechResultEvent, StepSpecInput } from '../../../common/ipc/channels/speech.js';
import { useNav } from '../app/navigation.js';
import { backAction } from '../app/back-override.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { reprompt, useVoice, type Voice } from '../voice/index.js';
import { useVoiceKey } from './VoiceKeyContext.js';
import { t } from '../i18n/zh-CN.js';
import { useCallForHelp } from '../help/useCallForHelp.js';

export interface ScreenVoiceOptions {
  step: StepSpecInput | null;
  /** What the screen says; 再说一遍 repeats it. */
  prompt: string;
  /** An intent or digits meant for this screen. */
  onResult(result: SpeechResultEvent): void;
  /** Listen once after the prompt finished playing (default true). */
  handsFree?: boolean;
}

const GLOBAL = new Set(['back', 'home', 'repeat', 'help']);

export function useScreenVoice(o: ScreenVoiceOptions): Voice {
  const nav = useNav();
  const callForHelp = useCallForHelp();
  const { speak, speaking } = useReadAloud();
  const latest = useRef(o);
  latest.current = o;

  const voice = useVoice({
    step: o.step,
    onResult: (r) => {
      if (r.intent && GLOBAL.has(r.intent)) {
        if (r.intent === 'back') backAction(nav.back)();
        else if (r.intent === 'home') nav.home();
        else if (r.intent === 'repeat') void speak(latest.current.prompt);
        // 帮助 / 叫工作人员: call the specialist, and say how voice works while they come.
        else void callForHelp('asked').then((called) => speak(called ? `${t.help.calledSpoken}${t.voice.help}` : t.voice.help));
        return;
      }
      latest.current.onResult(r);
    },
    onRejected: (r, failures) => {
      if (r.reason === 'cancelled') return;
      const step = latest.current.step;
      const kind = step?.kind ?? 'confirm';
      const options = step?.kind === 'choice' ? step.options.map((x) => x.label) : undefined;
      void speak(reprompt(kind, failures, options ? { options } : {}));
      // Two misses: the resident needs a person. The station alerts the desk and the status bar (and audits the call).
      if (failures === 2) void callForHelp('voice-failed-twice');
    },
  });

  // Hands-free: once the question has been read out, listen once.
  const wasSpeaking = useRef(false);
  const stepKey = JSON.stringify(o.step);
  const listenedFor = useRef<string | null>(null);
  useEffect(() => {
    const finished = wasSpeaking.current && !speaking;
    wasSpeaking.current = speaking;
    if (!finished || o.handsFree === false || !o.step || voice.unavailable || voice.offerButtons) return;
    if (listenedFor.current === stepKey) return;
    listenedFor.current = stepKey;
    void voice.listen({ bargeIn: true });
  }, [speaking, stepKey, o.handsFree, o.step, voice]);

  // The remote's Voice key (and F1 on keyboard-like remotes) is push-to-talk.
  const { press, release } = voice;
  const onKey = useCallback((down: boolean) => (down ? press() : release()), [press, release]);
  useVoiceKey(o.step ? onKey : null);
  return voice;
}
