// "The resident is here": what the inactivity guard counts besides touches and
// key presses. A resident who only speaks touches nothing, so speech the
// station heard in a listening turn counts too; without it, a voice-only
// resident was warned 您还在吗？ in the middle of answering, and cleared.
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
