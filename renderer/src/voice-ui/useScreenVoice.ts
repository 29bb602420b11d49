// Voice for one screen: the step's grammar (always with back/home/repeat/help),
// the global intents handled the same way everywhere, hands-free listening once
// each spoken question has finished, the remote's Voice key as push-to-talk, and
// asking again in other words after a miss. After two misses the kiosk calls
// the specialist and only then says what to do, so it never promises a person
// the desk did not hear about; a TV at home says how to use the remote and where
// help is instead (voice/reprompts.ts).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpeechResultEvent, StepSpecInput } from '../../../common/ipc/channels/speech.js';
import { useNav } from '../app/navigation.js';
import { useAppInfo } from '../app/AppInfoContext.js';
import { backAction } from '../app/back-override.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { useSayThen } from '../read-aloud/useSayThen.js';
import { askAgain, createMissReplies, useVoice, type Voice } from '../voice/index.js';
import { useVoiceKey } from './VoiceKeyContext.js';
import { t } from '../i18n/zh-CN.js';
import { useCallForHelp } from '../help/useCallForHelp.js';
import { onResumed } from '../session/resident-activity.js';

export interface ScreenVoiceOptions {
  step: StepSpecInput | null;
  /** What the screen says; 再说一遍 repeats it. */
  prompt: string;
  /** An intent or digits meant for this screen. */
  onResult(result: SpeechResultEvent): void;
  /** Listen once after the prompt finished playing (default true); follow-ups to the resident's own words are listened for either way. */
  handsFree?: boolean;
  /** 首页 would throw away answers not yet submitted: by voice it is asked about first (回首页的话，刚才填的就不要了). */
  guardHome?: boolean;
}

export interface ScreenVoice extends Voice {
  /** After two misses: what to do instead, as shown (null before, and while the call for help is on its way). */
  readonly afterMisses: string | null;
}

const GLOBAL = new Set(['back', 'home', 'repeat', 'help']);

export function useScreenVoice(o: ScreenVoiceOptions): ScreenVoice {
  const nav = useNav();
  const { uiMode } = useAppInfo();
  const callForHelp = useCallForHelp();
  const { speak, saidCount } = useReadAloud();
  const { sayThen, drop } = useSayThen();
  const latest = useRef(o);
  latest.current = o;
  // What asks the resident for an answer, said outside the screen's own prompt — 我听着像是…, the
  // question again in other words after a miss, 再说一遍 — is listened for once it has been said to
  // its end, even where the screen's question is not (handsFree false: the home screen does not
  // listen to an empty room). Cut short, or the resident moved on: nothing follows.
  const listenedFor = useRef<string | null>(null);
  const latestVoice = useRef<Voice | null>(null);
  // 首页 heard on a guarded screen and asked about: the next 首页 or 是 goes home.
  const homeAsked = useRef(false);
  const followUp = useCallback(
    (text: string) => {
      const key = JSON.stringify(latest.current.step);
      listenedFor.current = key; // this turn stands for the screen's hands-free one
      sayThen(text, (how) => {
        const v = latestVoice.current;
        if (how !== 'cut' && JSON.stringify(latest.current.step) === key && v && !v.unavailable && !v.offerButtons) void v.listen({ bargeIn: true });
      });
    },
    [sayThen],
  );
  // Remembers whether the call made at the second miss of this run got through.
  const [misses] = useState(createMissReplies);
  const [afterMisses, setAfterMisses] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const voice = useVoice({
    step: o.step,
    onResult: (r) => {
      if (r.intent && GLOBAL.has(r.intent)) {
        if (r.intent === 'back') backAction(nav.back)();
        else if (r.intent === 'home') {
          // One mishearing (a 对 came out as 主页) must not cost a resident their half-done application.
          if (latest.current.guardHome && !homeAsked.current) {
            homeAsked.current = true;
            latestVoice.current?.askAbout('home');
          } else nav.home();
        }
        else if (r.intent === 'repeat') followUp(latest.current.prompt); // the question again is a question
        // 帮助 on a TV at home: nobody can come, so say where help is (as 求助 does), then how voice works.
        else if (uiMode === 'tv') void speak(`${t.help.tv.spoken}${t.voice.help}`);
        // 帮助 / 叫工作人员 at the kiosk: call the specialist, and say how voice works while they come.
        else void callForHelp('asked').then((called) => speak(called ? `${t.help.calledSpoken}${t.voice.help}` : t.voice.help));
        return;
      }
      homeAsked.current = false;
      latest.current.onResult(r);
    },
    // Heard, but not surely enough to act on: say what it sounded like, then (once
    // that has been said, like a question) listen for it again.
    onConfirmAgain: (intent) => {
      const guarded = intent === 'home' && latest.current.guardHome === true;
      if (guarded) homeAsked.current = true; // asked once is enough: a 是 or 首页 next goes home
      followUp(guarded ? t.voice.confirmHome : askAgain(intent, latest.current.step));
    },
    onDenied: (intent) => {
      homeAsked.current = false;
      followUp(intent === 'home' ? `${t.voice.keepGoing}${latest.current.prompt}` : t.voice.notThat);
    },
    onRejected: (r, failures) => {
      if (r.reason === 'cancelled') return;
      homeAsked.current = false;
      const step = latest.current.step;
      const stepKey = JSON.stringify(step);
      const kind = step?.kind ?? 'confirm';
      const options = step?.kind === 'choice' ? step.options.map((x) => x.label) : undefined;
      if (failures < 2) setAfterMisses(null);
      // Two misses: the resident needs a person. At the kiosk the station alerts the desk and the status
      // bar (and audits the call), once per run of misses, and the words wait for its answer.
      void misses.reply(kind, failures, { ...(options ? { options } : {}), noInput: r.reason === 'no-speech' }, { uiMode, callForHelp: () => callForHelp('voice-failed-twice') }).then((line) => {
        // The resident left the screen or moved on while the call was being made: say nothing stale.
        if (!mounted.current || JSON.stringify(latest.current.step) !== stepKey) return;
        // The resident spoke and was not understood: asked again in other words, they will answer
        // again, so listen once that has been said. Not after silence: a resident who is reading or
        // using the buttons should not be listened to, and counted a miss, until the desk is called.
        // After two misses the buttons are offered and nothing is listened for by itself.
        if (failures < 2 && r.reason !== 'no-speech') return followUp(line.say);
        if (failures >= 2) setAfterMisses(line.text);
        drop();
        void speak(line.say);
      });
    },
  });
  latestVoice.current = voice;

  // Hands-free: once the screen's question has been said to its end, listen once.
  const stepKey = JSON.stringify(o.step);
  useEffect(() => {
    homeAsked.current = false; // a new question: 首页 is asked about afresh
  }, [stepKey]);
  const seenSaid = useRef(saidCount);
  useEffect(() => {
    if (saidCount === seenSaid.current) return;
    seenSaid.current = saidCount;
    if (!o.step || voice.unavailable || voice.offerButtons || o.handsFree === false || listenedFor.current === stepKey) return;
    listenedFor.current = stepKey;
    void voice.listen({ bargeIn: true });
  }, [saidCount, stepKey, o.handsFree, o.step, voice]);

  // Back from 您还在吗 with 继续: where were we? Ask the question again, and listen after it.
  useEffect(
    () =>
      onResumed(() => {
        const { step, prompt } = latest.current;
        if (step) followUp(prompt);
      }),
    [followUp],
  );

  // The remote's Voice key (and F1 on keyboard-like remotes) is push-to-talk.
  // Pressing to talk cuts the prompt short, and its end must not then start a hands-free turn that
  // would replace the one the resident is holding the button for.
  const { press: startPress, release } = voice;
  const press = useCallback(() => {
    listenedFor.current = stepKey;
    drop();
    startPress();
  }, [startPress, stepKey, drop]);
  const onKey = useCallback((down: boolean) => (down ? press() : release()), [press, release]);
  useVoiceKey(o.step ? onKey : null);
  return { ...voice, press, afterMisses: voice.offerButtons ? afterMisses : null };
}
