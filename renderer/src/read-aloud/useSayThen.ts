// "Say this, and once it has been said, do that" — the shape of every spoken
// turn: a question, then listening for the answer. Only the latest line asked
// for counts: a newer one, a press of the microphone (drop()) or leaving the
// screen cancels what was to follow, so a stale line never opens the
// microphone over the resident's own turn or over the next prompt.
import { useCallback, useEffect, useRef } from 'react';
import { useReadAloud, type Priority, type Said } from './ReadAloudContext.js';

export interface SayThen {
  /** Says `text` (at `priority`, default normal); `then` runs once it is over, unless something newer came first. */
  sayThen(text: string, then: (how: Said) => void, priority?: Priority): void;
  /** Whatever was to follow the line being said no longer will. */
  drop(): void;
  /** The line this hook asked for last stops being said (if it still is), and nothing follows it. */
  cancel(): void;
}

export function useSayThen(): SayThen {
  const { line } = useReadAloud();
  const turn = useRef(0);
  const last = useRef<ReturnType<typeof line> | null>(null);
  useEffect(
    () => () => {
      turn.current++;
    },
    [],
  );
  const sayThen = useCallback(
    (text: string, then: (how: Said) => void, priority?: Priority) => {
      const mine = ++turn.current;
      const l = line(text, priority);
      last.current = l;
      void l.over.then((how) => {
        if (mine === turn.current) then(how);
      });
    },
    [line],
  );
  const drop = useCallback(() => {
    turn.current++;
  }, []);
  const cancel = useCallback(() => {
    turn.current++;
    last.current?.cancel();
  }, []);
  return { sayThen, drop, cancel };
}
