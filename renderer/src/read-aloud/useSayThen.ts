// "Say this, and once it has been said, do that" — the shape of every spoken
// turn: a question, then listening for the answer. Only the latest line asked
// for counts: a newer one, a press of the microphone (drop()) or leaving the
// screen cancels what was to follow, so a stale line never opens the
// microphone over the resident's own turn or over the next prompt.
import { useCallback, useEffect, useRef } from 'react';
import { useReadAloud, type Said } from './ReadAloudContext.js';

export interface SayThen {
  /** Says `text`; `then` runs once it is over, unless something newer came first. */
  sayThen(text: string, then: (how: Said) => void): void;
  /** Whatever was to follow the line being said no longer will. */
  drop(): void;
}

export function useSayThen(): SayThen {
  const { say } = useReadAloud();
  const turn = useRef(0);
  useEffect(
    () => () => {
      turn.current++;
    },
    [],
  );
  const sayThen = useCallback(
    (text: string, then: (how: Said) => void) => {
      const mine = ++turn.current;
      void say(text).then((how) => {
        if (mine === turn.current) then(how);
      });
    },
    [say],
  );
  const drop = useCallback(() => {
    turn.current++;
  }, []);
  return { sayThen, drop };
}
