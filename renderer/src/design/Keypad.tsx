// A big numeric keypad for ID numbers, phone numbers and bank accounts: 3 × 4
// keys of ≥ 96 px and a full-width 全部清除 under them (a wrong 18-digit number
// need not be deleted one digit at a time), operable by touch, by D-pad (spatial
// focus) and by the remote's digit keys (the physical keyboard's digits work too).
import { useCallback, useLayoutEffect, useRef } from 'react';
import { Button } from './Button.js';
import { t } from '../i18n/zh-CN.js';

export interface KeypadProps {
  value: string;
  onChange(v: string): void;
  maxLength: number;
  /** Extra key in the bottom-left corner, e.g. X for ID numbers. */
  extraKey?: string;
  label: string;
  /** Give the 1 key focus when the keypad appears: keying is what the screen is for. */
  autoFocus?: boolean;
  /**
   * The full-width 全部清除 row (default on): for long numbers. A PIN of a few digits is deleted as
   * quickly with ⌫, and the PIN dialogs must fit the screen at the largest text size without it.
   */
  clearAll?: boolean;
}

export function Keypad({ value, onChange, maxLength, extraKey, label, autoFocus, clearAll = true }: KeypadProps) {
  // Keys can come faster than React renders (a remote's digits, a specialist's keyboard): each one
  // builds on the one before, not on the value of the last render, or a digit typed in between is lost.
  const latest = useRef(value);
  latest.current = value;
  const change = useRef(onChange);
  change.current = onChange;
  const press = useCallback(
    (k: string) => {
      const v = latest.current;
      const next = k === '⌫' ? v.slice(0, -1) : v.length < maxLength ? v + k : v;
      if (next === v) return;
      latest.current = next;
      change.current(next);
    },
    [maxLength],
  );
  // Capture phase: while a keypad is on screen, digits type and Backspace
  // deletes, before the app's key handler would take Backspace as Back. A layout
  // effect: listening from the moment the keypad is on screen, not a frame later.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')) return;
      let k: string | null = null;
      if (/^[0-9]$/.test(e.key)) k = e.key;
      else if (extraKey && e.key.toUpperCase() === extraKey) k = extraKey;
      else if (e.key === 'Backspace' && latest.current.length > 0) k = '⌫';
      if (!k) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      press(k);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [extraKey, press]);
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', extraKey ?? '', '0', '⌫'];
  return (
    <div className="keypad" role="group" aria-label={label}>
      {keys.map((k, i) =>
        k === '' ? (
          <span key={i} aria-hidden="true" />
        ) : (
          <Button key={k} className="keypad-key" autoFocusOnMount={autoFocus && i === 0} onClick={() => press(k)} aria-label={k === '⌫' ? '删除' : k} data-key={k}>
            {k}
          </Button>
        ),
      )}
      {clearAll ? (
        <Button
          className="keypad-clear"
          onClick={() => {
            latest.current = '';
            onChange('');
          }}
          data-key="clear"
        >
          {t.common.clearAll}
        </Button>
      ) : null}
    </div>
  );
}

/** 110101194303050021 → 110101 19430305 0021: easier to check by eye. */
export function groupIdNumber(v: string): string {
  return [v.slice(0, 6), v.slice(6, 14), v.slice(14)].filter(Boolean).join(' ');
}
