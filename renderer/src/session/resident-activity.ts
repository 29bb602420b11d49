// "The resident is here": what the inactivity guard counts besides touches and
// key presses. A resident who only speaks touches nothing, so speech the
// station heard in a listening turn counts too; without it, a voice-only
// resident was warned 您还在吗？ in the middle of answering, and cleared.
// Also "the resident is back": after 继续, the screen asks its question again.
const EVENT = 'xiangyin:resident-activity';

/** Tells the guard the resident did something it cannot see as a touch or a key (spoke). */
export function noteResidentActivity(target: EventTarget = window): void {
  target.dispatchEvent(new Event(EVENT));
}

/** Calls `onActivity` on each note; returns the unsubscription. */
export function onResidentActivity(onActivity: () => void, target: EventTarget = window): () => void {
  target.addEventListener(EVENT, onActivity);
  return () => target.removeEventListener(EVENT, onActivity);
}

const RESUMED = 'xiangyin:resident-resumed';

/** The resident answered 您还在吗 with 继续: the screen beneath takes up its question again. */
export function noteResumed(target: EventTarget = window): void {
  target.dispatchEvent(new Event(RESUMED));
}

/** Calls `onResumed` after each 继续; returns the unsubscription. */
export function onResumed(onResumed: () => void, target: EventTarget = window): () => void {
  target.addEventListener(RESUMED, onResumed);
  return () => target.removeEventListener(RESUMED, onResumed);
}
