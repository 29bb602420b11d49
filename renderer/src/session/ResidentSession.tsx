// Everything the kiosk knows about the resident at the screen lives here, and
// only here, so that "the resident walked away" is one call: clear(). Screens
// read from it; nothing personal is kept in module-level variables or storage.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface ResidentIdentity {
  name: string;
  idNumber: string;
  birthDate: string;
  sex: string;
  address: string;
}

interface ResidentSessionValue {
  identity: ResidentIdentity | null;
  /** Answers given in the current service flow, keyed by field id. */
  answers: Record<string, unknown>;
  setIdentity(id: ResidentIdentity | null): void;
  setAnswers(a: Record<string, unknown>): void;
  clear(): void;
  /** Increments on every clear(), so screens holding copies can reset too. */
  generation: number;
}

const Ctx = createContext<ResidentSessionValue | null>(null);

export function ResidentSessionProvider({ children }: { children: ReactNode }) {
  const [identity, setIdentity] = useState<ResidentIdentity | null>(null);
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [generation, setGeneration] = useState(0);
  const clear = useCallback(() => {
    setIdentity(null);
    setAnswers({});
    setGeneration((g) => g + 1);
  }, []);
  const value = useMemo(
    () => ({ identity, answers, setIdentity, setAnswers, clear, generation }),
    [identity, answers, clear, generation],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useResidentSession(): ResidentSessionValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useResidentSession outside ResidentSessionProvider');
  return v;
}
