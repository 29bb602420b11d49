// "The resident is here": what the inactivity guard counts besides touches and
// key presses. A resident who only speaks touches nothing, so speech the
// station heard in a listening turn counts too; without it, a voice-only
// resident was warned 您还在吗？ in the middle of answering, and cleared.
// Also "the resident is back": after 继续, the screen asks its question again.

/** A named window event with no payload: one side notes it, the other listens. */
function signal(name: string) {
  return {
    note(target: EventTarget = window): void {
      target.dispatchEvent(new Event(name));
    },
    on(listener: () => void, target: EventTarget = window): () => void {
      target.addEventListener(name, listener);
      return () => target.removeEventListener(name, listener);
    },
  };
}

const activity = signal('xiangyin:resident-activity');
const resumed = signal('xiangyin:resident-resumed');

/** Tells the guard the resident did something it cannot see as a touch or a key (spoke). */
export const noteResidentActivity = activity.note;
/** Calls the listener on each note; returns the unsubscription. */
export const onResidentActivity = activity.on;

/** The resident answered 您还在吗 with 继续: the screen beneath takes up its question again. */
export const noteResumed = resumed.note;
/** Calls the listener after each 继续; returns the unsubscription. */
export const onResumed = resumed.on;
