// One spoken pick among a screen's choices: listen with the step's choice
// grammar, hand back the option id heard, or keep plain words for why nothing
// was picked (said aloud too). What was heard is kept to show on screen. Misses
// are counted, and the specialist called at the second, by useListen.
import { useState } from 'react';
import type { StepSpecInput } from '../../../../../common/ipc/channels/speech.js';
import { useReadAloud } from '../../../read-aloud/ReadAloudContext.js';
import { t } from '../../../i18n/zh-CN.js';
import { useListen, type ListenOutcome } from './useListen.js';
import { missWords } from './misses.js';

/**
 * What a spoken answer picked (an option id), or the words to show and say when
 * it picked nothing: after the second miss, to use the buttons while the
 * specialist (called by useListen) comes.
 */
export function pickedByVoice(out: ListenOutcome): { id: string; heard: string } | { problem: string } | null {
  const v = t.queries.voice;
  if (!out.ok) return { problem: out.failure === 'no-microphone' ? v.noMic : v.unavailable };
  const r = out.result;
  if (r.kind === 'final' && r.intent) return { id: r.intent, heard: r.text };
  if (r.reason === 'cancelled') return null;
  return { problem: out.helpCalled ? t.voice.useButtons : missWords(r) };
}

export function useVoicePick(): { listening: boolean; heard: string | null; problem: string | null; pick(step: StepSpecInput): Promise<string | null> } {
  const { listening, listen } = useListen();
  const { speak } = useReadAloud();
  const [heard, setHeard] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const pick = async (step: StepSpecInput) => {
    setHeard(null);
    setProblem(null);
    const got = pickedByVoice(await listen(step));
    if (!got) return null;
    if ('problem' in got) {
      setProblem(got.problem);
      void speak(got.problem);
      return null;
    }
    setHeard(got.heard);
    return got.id;
  };
  return { listening, heard, problem, pick };
}

export function VoiceProblem({ problem }: { problem: string | null }) {
  return problem ? (
    <p className="notice notice-warn" role="alert">
      {problem}
    </p>
  ) : null;
}
