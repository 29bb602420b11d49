// A lone 嗯 or 啊 (the recognizer's 'hesitation'): an elderly resident thinking
// before they answer, or clearing their throat. People who hear that wait; so
// does the kiosk: it listens on without a word and without counting a miss. Only
// so often in a row, though — a room whose noise keeps sounding like 嗯 must not
// keep the microphone open for ever — after which it is an ordinary miss.
import type { SpeechResultEvent } from '../../../common/ipc/channels/speech.js';

/** How many hesitations in a row are listened past before one counts as a miss. */
export const LISTEN_PAST_HESITATIONS = 2;

export const isHesitation = (r: SpeechResultEvent): boolean => r.kind === 'rejected' && r.reason === 'hesitation';
