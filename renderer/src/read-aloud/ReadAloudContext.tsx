// One read-aloud service for the whole app: screens and dialogs call speak();
// the 朗读 button reads the current screen. Rendering happens in the station
// (speech:synthesize), playback here.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../api/ApiContext.js';
import { createPromptPlayer } from './player.js';

interface ReadAloud {
  /** Resolves once playing has started (true) or could not (false): not when it ends; watch `speaking` for that. */
  speak(text: string): Promise<boolean>;
  stop(): void;
  speaking: boolean;
  /** The text of the last prompt, for tests and for the 朗读 button's state. */
  lastText: string | null;
}

const Ctx = createContext<ReadAloud | null>(null);

export function ReadAloudProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const player = useRef(createPromptPlayer()).current;
  const [speaking, setSpeaking] = useState(false);
  const [lastText, setLastText] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => player.onChange(setSpeaking), [player]);
  useEffect(() => () => player.stop(), [player]);

  const speak = useCallback(
    async (text: string) => {
      const mine = ++seq.current;
      player.stop();
      setLastText(text);
      const r = await api.call('speech:synthesize', { text });
      // A newer prompt (or stop) arrived while this one was rendering: drop it.
      if (mine !== seq.current || !r.ok) return false;
      await player.play(r.value.wavBase64);
      return true;
    },
    [api, player],
  );
  const stop = useCallback(() => {
    seq.current++;
    player.stop();
  }, [player]);

  const value = useMemo(() => ({ speak, stop, speaking, lastText }), [speak, stop, speaking, lastText]);
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
