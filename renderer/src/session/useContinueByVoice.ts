// The 您还在吗 warning, answered by voice. A resident who cannot read the screen
// or reach the button hears the warning and says 我要继续 (or 继续, 我还在); without this,
// a voice-only resident lost a half-done application to the countdown. Once the
// warning has been said the kiosk listens, and again after anything it did not
// understand, until the countdown ends. The Voice key is push-to-talk here too.
//
// A 继续 heard only fairly well (confirm-again) is taken at once: the worst a
// wrong one does is keep the screen for one more idle period, after which the
// kiosk asks again, while a missed one clears the resident's unfinished
// application. Speech not in this small grammar is rejected as anywhere else.
import { useCallback, useEffect, useRef } from 'react';
import type { SpeechResultEvent } from '../../../common/ipc/channels/speech.js';
import { useSayThen } from '../read-aloud/useSayThen.js';
import { useVoice, type Voice } from '../voice/index.js';
import { useVoiceKey } from '../voice-ui/VoiceKeyContext.js';

import { CONTINUE_STEP } from './continue-step.js';

export { CONTINUE_STEP };

export interface ContinueByVoiceOptions {
  /** The warning as spoken, said once known and again on 再说一遍 (null: not known yet). */
  prompt: string | null;
  /** This station can recognise speech: listen after the prompt. Otherwise only say it. */
  listen: boolean;
  onContinue(): void;
  /** The prompt has been said (or could not be played): the countdown may run. */
  onSaid(): void;
}

/** Call from a component that is mounted only while the warning shows, so its Voice key sits above the screen's. */
export function useContinueByVoice(o: ContinueByVoiceOptions): Voice {
  const latest = useRef(o);
  latest.current = o;
  const listenNext = useRef<() => void>(() => {});

  // 返回 keeps going, as the Back key does; 再说一遍 says the warning again. 首页 and
  // 帮助 are not acted on here: heard wrongly (还要办 can come out as 回首页, a
  // plain 嗯 as 帮助) they would throw the application away or call the desk for
  // nothing, and both work as usual on the screen once the resident is back.
  const keepsGoing = (intent: string | undefined) => intent === 'continue' || intent === 'back';
  const act = (intent: string | undefined): boolean => {
    if (keepsGoing(intent)) latest.current.onContinue();
    else if (intent === 'repeat') say(latest.current.prompt ?? '');
    else return false;
    return true;
  };

  const voice = useVoice({
    step: o.listen ? CONTINUE_STEP : null,
    onResult: (r: SpeechResultEvent) => {
      if (!act(r.intent)) listenNext.current();
    },
    onConfirmAgain: (intent) => {
      if (keepsGoing(intent)) latest.current.onContinue();
      else listenNext.current();
    },
    onRejected: (r) => {
      if (r.reason !== 'cancelled') listenNext.current();
    },
  });
  listenNext.current = () => {
    if (latest.current.listen) void voice.listen({ bargeIn: true });
  };

  // Say the warning; once it is over the countdown may run, and unless something cut it short
  // (by another prompt; a press drops it) the kiosk listens. Not played at all (no prompts
  // on this station, or muted): listen now rather than never.
  const { sayThen, drop, cancel: cancelLine } = useSayThen();
  // The warning's words end with its dialog (继续, the visit ended by a card, the countdown over):
  // as an urgent line nothing else could be said while they played on.
  useEffect(() => cancelLine, [cancelLine]);
  const { cancel } = voice;
  const say = useCallback(
    (text: string) => {
      cancel();
      // Urgent: a question the screen beneath asks again waits for the warning instead of cutting it.
      sayThen(
        text,
        (how) => {
          latest.current.onSaid();
          if (how !== 'cut') listenNext.current();
        },
        'urgent',
      );
    },
    [sayThen, cancel],
  );

  const said = useRef(false);
  useEffect(() => {
    if (o.prompt === null || said.current) return;
    said.current = true;
    say(o.prompt);
  }, [o.prompt, say]);

  // Push-to-talk cuts the warning short: the countdown starts, and the warning's end (now) must not
  // start a hands-free turn that would replace the one the resident is holding the key for.
  const { press: startPress, release } = voice;
  const press = useCallback(() => {
    drop();
    latest.current.onSaid();
    startPress();
  }, [startPress, drop]);
  const onKey = useCallback((down: boolean) => (down ? press() : release()), [press, release]);
  useVoiceKey(o.listen ? onKey : null);
  return { ...voice, press };
}
