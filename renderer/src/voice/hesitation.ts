// A lone 嗯 or 啊 (the recognizer's 'hesitation'): an elderly resident thinking
// before they answer, or clearing their throat. People who hear that wait; so
// does the kiosk: it listens on without a word and without counting a miss. Only
// so often in a row, though — a room whose noise keeps sounding like 嗯 must not
// keep the microphone open for ever — after which it is an ordinary miss.
import type { SpeechResultEvent } from '../../../common/ipc/channels/speech.js';

/** How many hesitations in a row are listened past before one counts as a miss. */
export const LISTEN_PAST_HESITATIONS = 2;

export const isHesitation = (r: SpeechResultEvent): boolean => r.kind === 'rejected' && r.reason === 'hesitation';

/**
 * How long the listen after a hesitation waits for the words to start. Someone who said 嗯 to
 * think goes on within a few seconds; someone whose short answer (人工, 回首页) was taken for a
 * 嗯 is waiting for the kiosk, and should not sit through the station's usual 8 s of silence.
 */
export const AFTER_HESITATION_NO_SPEECH_MS = 4000;

/**
 * The end of a listen after `hesitation`: silence there means the sound was not a pause before
 * the answer but the answer, not understood, so the hesitation stands as a miss to ask again
 * about (and listen after), not as silence (after which the kiosk stops listening).
 */
export const afterHesitation = (hesitation: SpeechResultEvent, next: SpeechResultEvent): SpeechResultEvent =>
  next.kind === 'rejected' && next.reason === 'no-speech' ? hesitation : next;
