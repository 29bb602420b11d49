// Keying an ID number: on a TV at home (no card reader) by the resident, at the
// kiosk by the specialist when a card cannot be read. The number is checked (GB
// 11643 check digit, real birth date) and read back digit by digit before use.
import { useEffect, useRef, useState } from 'react';
import { checkIdNumber } from '../../../common/domain/id-number.js';
import { speakIdNumber } from '../../../common/spoken/numbers.js';
import { identityFromIdNumber, type ResidentIdentity } from '../../../common/flow/identity.js';
import { Button } from '../design/Button.js';
import { Keypad, groupIdNumber } from '../design/Keypad.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { t } from '../i18n/zh-CN.js';

export function IdNumberEntry({ onDone, today }: { onDone(identity: ResidentIdentity): void; today: string }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { speak } = useReadAloud();
  const confirmRef = useRef<HTMLDivElement>(null);
  // All 18 characters in: move focus to 确定 so one OK press checks the number.
  useEffect(() => {
    if (value.length === 18) confirmRef.current?.querySelector('button')?.focus();
  }, [value]);

  const submit = () => {
    const check = checkIdNumber(value, today);
    if (!check.ok) {
      setError(check.message);
      void speak(check.message);
      return;
    }
    setError(null);
    setConfirming(true);
    void speak(t.identity.readBack(speakIdNumber(value)));
  };

  if (confirming) {
    return (
      <div className="id-entry">
        <p className="lead">{t.identity.confirmNumber}</p>
        <p className="entry-display" data-testid="id-readback">
          {groupIdNumber(value)}
        </p>
        <div className="actions">
          <Button variant="primary" autoFocusOnMount onClick={() => onDone(identityFromIdNumber(value, today))} data-answer="yes">
            {t.common.yes}
          </Button>
          {/* 重新输入 means what it says: the keypad comes back empty, not holding the wrong number. */}
          <Button onClick={() => (setValue(''), setConfirming(false))} data-answer="no">
            {t.common.noFix}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="id-entry keyed-entry">
      <Keypad autoFocus value={value} onChange={(v) => (setValue(v), setError(null))} maxLength={18} extraKey="X" label={t.identity.keypadLabel} />
      <div className="keyed-side">
        <p className="lead" id="id-entry-label">
          {t.identity.keyPrompt}
        </p>
        <p className="entry-display" aria-live="polite" data-testid="id-display">
          <span className="visually-hidden">{t.identity.keyPrompt}：</span>
          {groupIdNumber(value) || '\u00a0'}
        </p>
        <p className="lead" role="status">{t.identity.digitsCount(value.length)}</p>
        {error ? (
          <p className="notice notice-warn" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions" ref={confirmRef}>
          <Button variant="primary" disabled={value.length !== 18} onClick={submit} data-action="confirm-id">
            {t.common.confirm}
          </Button>
        </div>
      </div>
    </div>
  );
}
