// The one map from HID usages to the kiosk's remote keys. Consumer-control usages
// (page 0x0C) are what TV remotes send for OK, arrows, Back, Home, Voice and volume;
// keyboard usages (page 0x07) cover remotes that mix in a keyboard interface.
// Remotes that are *only* keyboards reach the renderer as DOM key events and are
// mapped there (arrows, Enter, Backspace, Escape, 461, 10009).
import type { RemoteKey } from '../../common/ipc/channels/devices.js';

export type { RemoteKey };

export const CONSUMER_USAGES: ReadonlyMap<number, RemoteKey> = new Map<number, RemoteKey>([
  [0x40, 'menu'],
  [0x41, 'ok'], // Menu Pick
  [0x42, 'up'],
  [0x43, 'down'],
  [0x44, 'left'],
  [0x45, 'right'],
  [0xcf, 'voice'], // Voice Command: push-to-talk
  [0xe2, 'mute'],
  [0xe9, 'volume-up'],
  [0xea, 'volume-down'],
  [0x223, 'home'], // AC Home
  [0x224, 'back'], // AC Back
]);

const digitKeys: RemoteKey[] = ['digit-1', 'digit-2', 'digit-3', 'digit-4', 'digit-5', 'digit-6', 'digit-7', 'digit-8', 'digit-9', 'digit-0'];

export const KEYBOARD_USAGES: ReadonlyMap<number, RemoteKey> = new Map<number, RemoteKey>([
  [0x28, 'ok'], // Enter
  [0x58, 'ok'], // Keypad Enter
  [0x29, 'back'], // Escape
  [0x2a, 'backspace'],
  [0x4a, 'home'],
  [0x4f, 'right'],
  [0x50, 'left'],
  [0x51, 'down'],
  [0x52, 'up'],
  [0x65, 'menu'], // Application
  [0x7f, 'mute'],
  [0x80, 'volume-up'],
  [0x81, 'volume-down'],
  ...digitKeys.map((k, i) => [0x1e + i, k] as [number, RemoteKey]), // top-row 1..9, 0
  ...digitKeys.map((k, i) => [0x59 + i, k] as [number, RemoteKey]), // keypad 1..9, 0
]);
