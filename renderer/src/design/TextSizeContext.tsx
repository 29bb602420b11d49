// The text-size setting. Applied as a data attribute on <html>, which switches
// the CSS size variables. Reset to the station default when a resident leaves.
import { createContext, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { TextSize } from './TextSizeSwitch.js';

const Ctx = createContext<{ size: TextSize; setSize(s: TextSize): void; reset(): void } | null>(null);

export function TextSizeProvider({ initial, children }: { initial: TextSize; children: ReactNode }) {
  const [size, setSize] = useState<TextSize>(initial);
  // Before the frame is painted: a frame at the old size would show the screen jump.
  useLayoutEffect(() => {
    document.documentElement.dataset.textSize = size;
  }, [size]);
  const value = useMemo(() => ({ size, setSize, reset: () => setSize(initial) }), [size, initial]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useTextSize() {
  const v = useContext(Ctx);
  if (!v) throw new Error('useTextSize outside TextSizeProvider');
  return v;
}
