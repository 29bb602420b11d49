// The kiosk greets the resident who walks up and asks for the card, aloud: many
// cannot read the screen. The kiosk has no presence sensor, so "walks up" is the
// first touch of the screen or press of the D-pad on the home screen with nobody
// identified. A touch on a control is left alone (the tile's service, 朗读 or the
// microphone speaks or listens at once), as is the Voice key. The greeting is
// ambient: it never cuts a question, a warning or 您的信息已清除.
import { useEffect } from 'react';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { navKeyOf } from '../focus/keymap.js';

const CONTROLS = 'button, a, input, [role="button"], [tabindex]:not([tabindex="-1"])';
const MOVES = new Set(['up', 'down', 'left', 'right']);

/** Says `greeting` once per mount, at the first touch or D-pad move that gets it said; null: never. */
export function useGreeting(greeting: string | null): void {
  const { speak } = useReadAloud();
  useEffect(() => {
    if (!greeting) return;
    let asked = false;
    const greet = (e: Event) => {
      if (asked || (e instanceof KeyboardEvent ? !MOVES.has(navKeyOf(e) ?? '') : e.target instanceof Element && e.target.closest(CONTROLS))) return;
      asked = true;
      // Not said (something more important was being said): the next touch greets.
      void speak(greeting, 'ambient').then((started) => (started ? off() : (asked = false)));
    };
    const off = () => {
      window.removeEventListener('pointerdown', greet, true);
      window.removeEventListener('keydown', greet, true);
    };
    window.addEventListener('pointerdown', greet, true);
    window.addEventListener('keydown', greet, true);
    return off;
  }, [greeting, speak]);
}
