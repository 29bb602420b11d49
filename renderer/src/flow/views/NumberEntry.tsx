// Numbers on a big keypad (or spoken). Phone numbers, bank accounts and ID
// numbers are read back digit by digit and must be confirmed before they count;
// so must a count or a sum heard by voice, said back as a quantity (两千五百元).
// The number awaiting confirmation (`pending`) is held by the flow, so a spoken
// number and a keyed one go through the same read-back, and 是 / 不是 can be
// said as well as pressed.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { speakDigits, speakQuantity } from '../../../../common/spoken/numbers.js';
import { Button } from '../../design/Button.js';
import { Keypad, groupIdNumber } from '../../design/Keypad.js';
import { useReadAloud } from '../../read-aloud/ReadAloudContext.js';
import { t } from '../../i18n/zh-CN.js';

export interface NumberEntryProps {
  initial: string;
  maxLength: number;
  readBack: boolean;
  allowX?: boolean;
  unit?: string;
  label: string;
  /** The number being read back for confirmation, or null while keying. */
  pending: string | null;
  onPending(value: string | null): void;
  onDone(value: string): void;
  /** The question (and a refused answer's words), at the top of the column beside the keypad. */
  lead?: ReactNode;
  /** Another action beside 确定 while keying: 跳过 on an optional question. */
  more?: ReactNode;
  /** The screen's microphone: beside 确定 while keying, under 是 / 不是 at the read-back. */
  voice?: ReactNode;
}

/**
 * 请核对。您输入的是：幺三八…。对吗？ — the read-back screen's words, as said and as 朗读 repeats them.
 * With `unit` (a count or a sum) the value is said as a quantity: 您说的是：两千五百元。对吗？
 */
export function readBackText(value: string, unit?: string): string {
  const check = t.flow.numberCheck.replace(/[：:]$/, '。');
  return unit ? `${check}${t.flow.quantityReadBack(speakQuantity(Number(value), unit))}` : `${check}${t.flow.numberReadBack(speakDigits(value))}`;
}

export function readBackNumber(value: string, speak: (text: string) => unknown, unit?: string): void {
  void speak(readBackText(value, unit));
}

export function NumberEntry(props: NumberEntryProps) {
  const [value, setValue] = useState(props.initial);
  const { speak } = useReadAloud();
  const fmt = (v: string) => (props.allowX ? groupIdNumber(v) : v);
  const confirmRef = useRef<HTMLDivElement>(null);
  // A full-length number is done: move focus to 确定 so one OK press confirms.
  useEffect(() => {
    if (value.length === props.maxLength) confirmRef.current?.querySelector('button')?.focus();
  }, [value, props.maxLength]);

  if (props.pending !== null) {
    return (
      <div>
        <p className="lead">{t.flow.numberCheck}</p>
        <p className="entry-display" data-testid="number-readback">
          {fmt(props.pending)}
          {props.unit ? ` ${props.unit}` : ''}
        </p>
        <div className="actions">
          <Button
            variant="primary"
            autoFocusOnMount
            onClick={() => {
              // Checked now; a number refused (an ID number that does not check out) is back on the keypad to fix.
              const checked = props.pending!;
              props.onPending(null);
              props.onDone(checked);
            }}
            data-answer="yes"
          >
            {t.common.yes}
          </Button>
          <Button
            onClick={() => {
              // 重新输入: the keypad comes back empty, not holding the number just refused.
              setValue('');
              props.onPending(null);
            }}
            data-answer="no"
          >
            {t.common.noFix}
          </Button>
        </div>
        {props.voice}
      </div>
    );
  }
  const ok = () => {
    if (!props.readBack) return props.onDone(value);
    props.onPending(value);
    readBackNumber(value, speak);
  };
  // The keypad at the right, the question, the keyed number and 确定 beside it: stacked, the keypad
  // took half the screen's height and 确定 / 跳过 fell below its edge at the larger text sizes.
  return (
    <div className="keyed-entry">
      <Keypad autoFocus value={value} onChange={setValue} maxLength={props.maxLength} extraKey={props.allowX ? 'X' : undefined} label={props.label} />
      <div className="keyed-side">
        {props.lead}
        <p className="entry-display" aria-live="polite" data-testid="number-display">
          <span className="visually-hidden">{props.label}：</span>
          {fmt(value) || '\u00a0'}
          {props.unit && value ? ` ${props.unit}` : ''}
        </p>
        <p className="lead" role="status">{t.flow.digitsSoFar(value.length)}</p>
        <div className="actions" ref={confirmRef}>
          <Button variant="primary" disabled={value.length === 0} onClick={ok} data-action="confirm-number">
            {t.common.confirm}
          </Button>
          {props.more}
          {props.voice}
        </div>
      </div>
    </div>
  );
}
