import { createContext, useContext, type ReactNode, type RefObject } from 'react';
import { useCardReader, type CardEnd, type CardReaderState } from './useCardReader.js';

const Ctx = createContext<CardReaderState | null>(null);

/**
 * Mount once, inside the resident session and the router: one subscription to
 * the reader for the whole app. `endIdentity` is the walk-away a card event
 * triggers while a resident's identity is held; `inReader` follows whether a
 * card lies on the reader.
 */
export function CardReaderProvider({ endIdentity, inReader, children }: { endIdentity: (by: CardEnd) => void; inReader?: RefObject<boolean>; children: ReactNode }) {
  const state = useCardReader(endIdentity, inReader);
  return <Ctx.Provider value={state}>{children}</Ctx.Provider>;
}

export function useCardReaderState(): CardReaderState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useCardReaderState outside CardReaderProvider');
  return v;
}
