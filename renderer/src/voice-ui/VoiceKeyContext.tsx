// The Voice key belongs to whichever screen is listening: the app routes key
// down/up (from HID remotes via the station, or F1 on keyboard-like remotes)
// to the handler the current screen registered.
import { createHandlerSlot } from '../app/handler-slot.js';

const slot = createHandlerSlot<(down: boolean) => void>();

export function useVoiceKey(handler: ((down: boolean) => void) | null): void {
  slot.use(handler);
}

export function voiceKey(down: boolean): void {
  slot.current()?.(down);
}
