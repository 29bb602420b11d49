// One read-aloud service for the whole app: screens and dialogs call speak() or
// say(); the 朗读 button reads the current screen. Rendering happens in the
// station (speech:synthesize), playback here, through one queue with
// priorities (speech-queue.ts): a warning is never cut by a question, and a
// greeting never cuts either.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '../api/ApiContext.js';
import { createPromptPlayer } from './player.js';
import { createSpeechQueue, type Line, type LineEnd, type Priority } from './speech-queue.js';

export type { Priority };

/** How a prompt given to say() ended: said to its end, cut short (stop, barge-in or a newer prompt), or not played at all. */
export type Said = LineEnd;

interface ReadAloud {
  /** Resolves once playing has started (true) or could not (false): not when it ends; use say() for that. */
  speak(text: string, priority?: Priority): Promise<boolean>;
  /** Speaks `text` and resolves once it is over, saying how. */
  say(text: string, priority?: Priority): Promise<Said>;
  /** Speaks `text`; the line can be cancelled by its owner alone (a dialog that closes). */
  line(text: string, priority?: Priority): Line;
  stop(): void;
  speaking: boolean;
  /** Counts prompts that were over without being cut short: "the question has been said". */
  saidCount: number;
  /** The text of the last prompt, for tests and for the 朗读 button's state. */
  lastText: string | null;
}

const Ctx = createContext<ReadAloud | null>(null);

export function ReadAloudProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [player] = useState(createPromptPlayer);
  const [queue] = useState(() =>
    createSpeechQueue({
      render: async (text) => {
        const r = await api.call('speech:synthesize', { text });
        return r.ok ? r.value.wavBase64 : null;
      },
      play: (wav) => player.play(wav),
      stopPlayer: () => player.stop(),
    }),
  );
  const [speaking, setSpeaking] = useState(false);
  const [lastText, setLastText] = useState<string | null>(null);
  const [saidCount, setSaidCount] = useState(0);

  useEffect(() => player.onChange(setSpeaking), [player]);
  useEffect(() => queue.onStart((text) => setLastText(text)), [queue]);
  useEffect(() => queue.onPlayed(() => setSaidCount((n) => n + 1)), [queue]);
  useEffect(() => () => queue.stop(), [queue]);

  const speak = useCallback((text: string, priority?: Priority) => queue.say(text, priority).started, [queue]);
  const say = useCallback((text: string, priority?: Priority) => queue.say(text, priority).over, [queue]);
  const line = useCallback((text: string, priority?: Priority) => queue.say(text, priority), [queue]);
  const stop = useCallback(() => queue.stop(), [queue]);

  const value = useMemo(() => ({ speak, say, line, stop, speaking, saidCount, lastText }), [speak, say, line, stop, speaking, saidCount, lastText]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useReadAloud(): ReadAloud {
  const v = useContext(Ctx);
  if (!v) throw new Error('useReadAloud outside ReadAloudProvider');
  return v;
}

/** The visible text of the screen's main region, in reading order. */
export function screenText(doc: Document): string {
  const main = doc.querySelector('main');
  return (main?.innerText ?? '').replace(/\s*\n\s*/g, '。').replace(/。+/g, '。').trim();
}
