// Numbers on a big keypad. Phone numbers, bank accounts and ID numbers are read
// back digit by digit and must be confirmed before they count.
import { useEffect, useRef, useState } from 'react';
import { speakDigits } from '../../../../common/spoken/numbers.js';
import { Button } from '../../design/Button.js';
import { Keypad, groupIdNumber } from '../../design/Keypad.js';
import { useReadAloud } from '../../read-aloud/ReadAloudContext.js';
import { t } from '../../i18n/zh-CN.js';

export function NumberEntry(props: { initial: string; maxLength: number; readBack: boolean; allowX?: boolean; unit?: string; label: string; onDone(value: string): void }) {
  const [value, setValue] = useState(props.initial);
  const [checking, setChecking] = useState(false);
  const { speak } = useReadAloud();
  const shown = props.allowX ? groupIdNumber(value) : value;
  const confirmRef = useRef<HTMLDivElement>(null);
  // A full-length number is done: move focus to 确定 so one OK press confirms.
  useEffect(() => {
    if (value.length === props.maxLength) confirmRef.current?.querySelector('button')?.focus();
  }, [value, props.maxLength]);

  if (checking) {
    return (
      <div>
        <p className="lead">{t.flow.numberCheck}</p>
        <p className="entry-display" data-testid="number-readback">
          {shown}
        </p>
        <div className="actions">
          <Button variant="primary" autoFocusOnMount onClick={() => props.onDone(value)} data-answer="yes">
            {t.common.yes}
          </Button>
          <Button onClick={() => setChecking(false)} data-answer="no">
            {t.common.noFix}
          </Button>
        </div>
      </div>
    );
  }
  const ok = () => {
    if (!props.readBack) return props.onDone(value);
    setChecking(true);
    void speak(t.flow.numberReadBack(speakDigits(value)));
  };
  return (
    <div className="two-col">
      <Keypad value={value} onChange={setValue} maxLength={props.maxLength} extraKey={props.allowX ? 'X' : undefined} label={props.label} />
      <div>
        <p className="entry-display" aria-live="polite" data-testid="number-display">
          <span className="visually-hidden">{props.label}：</span>
          {shown || '\u00a0'}
          {props.unit && value ? ` ${props.unit}` : ''}
        </p>
        <p className="lead">{t.flow.digitsSoFar(value.length)}</p>
        <div className="actions" ref={confirmRef}>
          <Button variant="primary" disabled={value.length === 0} onClick={ok} data-action="confirm-number">
            {t.common.confirm}
          </Button>
        </div>
      </div>
    </div>
  );
}
