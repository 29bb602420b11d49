// One read-aloud service for the whole app: screens and dialogs call speak();
// the 朗读 button reads the current screen. Rendering happens in the station
// (speech:synthesize), playback here.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../api/ApiContext.js';
import { createPromptPlayer, type Clip } from './player.js';

/** How a prompt given to say() ended: said to its end, cut short (stop, barge-in or a newer prompt), or not played at all. */
export type Said = 'said' | 'cut' | 'unplayed';

interface ReadAloud {
  /** Resolves once playing has started (true) or could not (false): not when it ends; use say() for that. */
  speak(text: string): Promise<boolean>;
  /** Speaks `text` and resolves once it is over, saying how. */
  say(text: string): Promise<Said>;
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
  const player = useRef(createPromptPlayer()).current;
  const [speaking, setSpeaking] = useState(false);
  const [lastText, setLastText] = useState<string | null>(null);
  const [saidCount, setSaidCount] = useState(0);
  const seq = useRef(0);

  useEffect(() => player.onChange(setSpeaking), [player]);
  useEffect(() => () => player.stop(), [player]);

  // Renders and starts one prompt: 'dropped' if a newer prompt (or stop) came first, 'failed' if it cannot be rendered.
  const start = useCallback(
    async (text: string): Promise<Clip | 'dropped' | 'failed'> => {
      const mine = ++seq.current;
      player.stop();
      setLastText(text);
      const r = await api.call('speech:synthesize', { text });
      if (mine !== seq.current) return 'dropped';
      if (!r.ok) return 'failed';
      const clip = player.play(r.value.wavBase64);
      void clip.over.then((how) => how !== 'stopped' && setSaidCount((n) => n + 1));
      return clip;
    },
    [api, player],
  );
  const speak = useCallback(async (text: string) => {
    const clip = await start(text);
    return typeof clip !== 'string' && (await clip.started);
  }, [start]);
  const say = useCallback(async (text: string): Promise<Said> => {
    const clip = await start(text);
    if (clip === 'dropped') return 'cut';
    if (clip === 'failed') return 'unplayed';
    const how = await clip.over;
    return how === 'ended' ? 'said' : how === 'stopped' ? 'cut' : 'unplayed';
  }, [start]);
  const stop = useCallback(() => {
    seq.current++;
    player.stop();
  }, [player]);

  const value = useMemo(() => ({ speak, say, stop, speaking, saidCount, lastText }), [speak, say, stop, speaking, saidCount, lastText]);
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
