import { createContext, useContext, useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useCardReader, type CardCapture, type CardEnd, type CardReaderState, type StartCapture } from './useCardReader.js';

const Ctx = createContext<CardReaderState | null>(null);
const CaptureCtx = createContext<StartCapture | null>(null);

/**
 * Mount once, inside the resident session and the router: one subscription to
 * the reader for the whole app. `endIdentity` is the walk-away a card event
 * triggers while a resident's identity is held; `inReader` follows whether a
 * card lies on the reader.
 */
export function CardReaderProvider({ endIdentity, inReader, children }: { endIdentity: (by: CardEnd) => void; inReader?: RefObject<boolean>; children: ReactNode }) {
  const { state, capture } = useCardReader(endIdentity, inReader);
  return (
    <CaptureCtx.Provider value={capture}>
      <Ctx.Provider value={state}>{children}</Ctx.Provider>
    </CaptureCtx.Provider>
  );
}

export function useCardReaderState(): CardReaderState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useCardReaderState outside CardReaderProvider');
  return v;
}

/**
 * While the calling screen is mounted and `active`, every reader event goes to
 * `listener` instead of starting or ending a resident's visit (the family card).
 */
export function useCardCapture(active: boolean, listener: CardCapture): void {
  const start = useContext(CaptureCtx);
  if (!start) throw new Error('useCardCapture outside CardReaderProvider');
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => (active ? start((e) => latest.current(e)) : undefined), [active, start]);
}
