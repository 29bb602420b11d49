// Everything the kiosk knows about the resident at the screen lives here, and
// only here, so that "the resident walked away" is one call: clear(). Screens
// read from it; nothing personal is kept in module-level variables or storage.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ResidentIdentity } from '../../../common/flow/identity.js';
import type { Specialist } from '../../../common/domain/specialist.js';

export type { ResidentIdentity };

interface ResidentSessionValue {
  identity: ResidentIdentity | null;
  /** The card was taken out of the reader (the resident may be leaving). */
  cardRemoved: boolean;
  setIdentity(id: ResidentIdentity | null): void;
  setCardRemoved(removed: boolean): void;
  /**
   * The specialist who keyed the resident's number at the kiosk (代办): the whole
   * visit then shows the 代办 banner and submits on their behalf. Ends with the visit.
   */
  keyedBy: Specialist | null;
  setKeyedBy(s: Specialist | null): void;
  clear(): void;
  /** Increments on every clear(), so screens holding copies (keyed by it) reset too. */
  generation: number;
}

const Ctx = createContext<ResidentSessionValue | null>(null);

export function ResidentSessionProvider({ children }: { children: ReactNode }) {
  const [identity, setIdentity] = useState<ResidentIdentity | null>(null);
  const [cardRemoved, setCardRemoved] = useState(false);
  const [keyedBy, setKeyedBy] = useState<Specialist | null>(null);
  const [generation, setGeneration] = useState(0);
  const clear = useCallback(() => {
    setIdentity(null);
    setKeyedBy(null);
    setCardRemoved(false);
    setGeneration((g) => g + 1);
  }, []);
  const value = useMemo(
    () => ({ identity, cardRemoved, setIdentity, setCardRemoved, keyedBy, setKeyedBy, clear, generation }),
    [identity, cardRemoved, keyedBy, clear, generation],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useResidentSession(): ResidentSessionValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useResidentSession outside ResidentSessionProvider');
  return v;
}
