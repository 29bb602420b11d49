import { createContext, useContext, type ReactNode } from 'react';
import { useCardReader, type CardReaderState } from './useCardReader.js';

const Ctx = createContext<CardReaderState | null>(null);

/** Mount once, inside the resident session: one subscription to the reader for the whole app. */
export function CardReaderProvider({ children }: { children: ReactNode }) {
  const state = useCardReader();
  return <Ctx.Provider value={state}>{children}</Ctx.Provider>;
}

export function useCardReaderState(): CardReaderState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useCardReaderState outside CardReaderProvider');
  return v;
}
