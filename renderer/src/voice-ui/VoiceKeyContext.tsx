// The Voice key belongs to whichever screen is listening: the app routes key
// down/up (from HID remotes via the station, or F1 on keyboard-like remotes)
// to the handler the current screen registered.
import { useEffect } from 'react';

let current: ((down: boolean) => void) | null = null;

export function useVoiceKey(handler: ((down: boolean) => void) | null): void {
  useEffect(() => {
    if (!handler) return;
    current = handler;
    return () => {
      if (current === handler) current = null;
    };
  }, [handler]);
}

export function voiceKey(down: boolean): void {
  current?.(down);
}
