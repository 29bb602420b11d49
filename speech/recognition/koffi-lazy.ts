// koffi, the FFI addon PocketSphinx and Vosk are called through, is loaded
// only when one of those engines is created: a station on the default keyword
// spotter never maps it (nor their libraries). Required, not imported, so the
// station's bundle does not load it when it loads the speech area.
import { createRequire } from 'node:module';
import type Koffi from 'koffi';

let koffi: typeof Koffi | undefined;

export function loadKoffi(): typeof Koffi {
  return (koffi ??= createRequire(import.meta.url)('koffi') as typeof Koffi);
}
