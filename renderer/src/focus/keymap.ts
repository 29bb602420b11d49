// Keyboard and TV-remote keys → the few actions the kiosk understands. Remotes
// that present themselves as keyboards send arrows, Enter and one of several
// Back codes: 461 (webOS/HbbTV) and 10009 (Tizen).
export type NavKey = 'up' | 'down' | 'left' | 'right' | 'ok' | 'back' | 'home' | 'voice';

const BACK_CODES = new Set([461, 10009]);

export interface KeyLike {
  key: string;
  keyCode?: number;
  target?: EventTarget | null;
}

function isEditable(target: EventTarget | null | undefined): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null | undefined;
  if (!el || !el.tagName) return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable === true;
}

export function navKeyOf(e: KeyLike): NavKey | null {
  if (e.keyCode !== undefined && BACK_CODES.has(e.keyCode)) return 'back';
  switch (e.key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return isEditable(e.target) ? null : 'left';
    case 'ArrowRight':
      return isEditable(e.target) ? null : 'right';
    case 'Enter':
      return 'ok';
    case 'Escape':
    case 'GoBack':
    case 'BrowserBack':
      return 'back';
    case 'Backspace':
      // In a text field Backspace deletes a character; everywhere else it is Back.
      return isEditable(e.target) ? null : 'back';
    case 'Home':
    case 'BrowserHome':
      return 'home';
    case 'F1':
    case 'MediaRecord':
      return 'voice';
    default:
      return null;
  }
}
