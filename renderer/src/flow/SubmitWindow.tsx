// The last chance to take back a submission made by voice. A 是 at the
// read-back is the one place where a wrong hearing submits an application, and
// no recognizer here is sure enough for that (a lone 唉 was heard as 可以 at
// 0.85). So a spoken 是 is answered 好的，马上为您提交。不提交的话，请说“不是”,
// and the kiosk listens once: silence, as announced, submits; 是 or 马上提交
// submits at once; 不是, 先不提交, 返回 — or anything it cannot make out — does
// not, and the resident is back at the read-back. A press of 是，提交 is
// deliberate and submits at once (this window never opens for it).
import { useCallback, useEffect, useRef } from 'react';
import { Button } from '../design/Button.js';
import { t } from '../i18n/zh-CN.js';
import { useSayThen } from '../read-aloud/useSayThen.js';
import { useVoice } from '../voice/index.js';
import { ListeningStatus } from '../voice-ui/ListeningStatus.js';
import { useVoiceKey } from '../voice-ui/VoiceKeyContext.js';
import { submitWindowSpec } from './flow-voice.js';

export function SubmitWindow(props: { onSubmit(): void; onCancel(): void }) {
  const latest = useRef(props);
  latest.current = props;
  const over = useRef(false);
  const pressed = useRef(false);
  const { sayThen, drop } = useSayThen();

  const voice = useVoice({
    step: submitWindowSpec,
    // A 嗯 after 不提交的话，请说“不是” may be a resident making up their mind: not a silence.
    listenPastHesitations: 0,
    onResult: (r) => finish(r.intent === 'yes'),
    // A 是 heard only fairly well is still a second 是: the window was going to submit anyway.
    onConfirmAgain: (intent) => finish(intent === 'yes'),
    // Silence is what the resident was told submits; anything heard but not understood does not,
    // nor does a Voice key held and let go without a word (they meant to say something).
    onRejected: (r) => {
      if (r.reason !== 'cancelled') finish(r.reason === 'no-speech' && !pressed.current);
    },
  });
  const { cancel, listen } = voice;
  const finish = useCallback(
    (submit: boolean) => {
      if (over.current) return;
      over.current = true;
      drop();
      cancel();
      if (submit) latest.current.onSubmit();
      else latest.current.onCancel();
    },
    [drop, cancel],
  );

  // Said once, when the window opens; then listened for once.
  const next = useRef({ listen, finish });
  next.current = { listen, finish };
  useEffect(() => {
    sayThen(t.flow.submitWindow.spoken, (how) => {
      if (how === 'cut') return; // something else spoke over it: the buttons still work
      // No microphone after all: nothing can be taken back by voice, so nothing is submitted by it.
      void next.current.listen({ bargeIn: true }).then((r) => r === null && next.current.finish(false));
    });
  }, [sayThen]);

  // The Voice key is push-to-talk here too, and pressing it cuts the announcement short.
  const { press: startPress, release } = voice;
  const onKey = useCallback(
    (down: boolean) => {
      if (!down) return release();
      pressed.current = true;
      drop();
      startPress();
    },
    [drop, startPress, release],
  );
  useVoiceKey(onKey);

  return (
    <div className="submit-window" data-testid="submit-window">
      <p className="question" aria-live="assertive">
        {t.flow.submitWindow.title}
      </p>
      <p className="lead">{t.flow.submitWindow.hint}</p>
      <div className="dialog-voice" aria-live="polite">
        <ListeningStatus listening={voice.state !== 'idle'} label={t.flow.submitWindow.listening} heard={voice.heard} />
      </div>
      <div className="actions">
        {/* Focus on the safe answer: a stray OK press keeps the application unsent. */}
        <Button variant="primary" autoFocusOnMount onClick={() => finish(false)} data-answer="not-yet">
          {t.flow.submitWindow.notYet}
        </Button>
        <Button onClick={() => finish(true)} data-answer="submit-now">
          {t.flow.submitWindow.now}
        </Button>
      </div>
    </div>
  );
}
