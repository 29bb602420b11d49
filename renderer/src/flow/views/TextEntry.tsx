// Free text, typed by a helper on a keyboard (a specialist keying a family
// member's name whose card cannot be read); the kiosk says so rather than
// pretending an elderly resident can type. No question asks a resident to.
import { useState } from 'react';
import { Button } from '../../design/Button.js';
import { useFocusOnMount } from '../../design/focus-on-mount.js';
import { t } from '../../i18n/zh-CN.js';

export function TextEntry({ initial, label, maxLength, onDone }: { initial: string; label: string; maxLength: number; onDone(v: string): void }) {
  const [value, setValue] = useState(initial);
  const input = useFocusOnMount<HTMLInputElement>(true);
  return (
    <div>
      <p className="lead">{t.flow.typedByHelper}</p>
      <label className="text-entry">
        <span className="visually-hidden">{label}</span>
        <input className="entry-display" value={value} maxLength={maxLength} onChange={(e) => setValue(e.target.value)} ref={input} data-testid="text-entry" />
      </label>
      <div className="actions">
        <Button variant="primary" disabled={!value.trim()} onClick={() => onDone(value.trim())} data-action="confirm-text">
          {t.common.confirm}
        </Button>
      </div>
    </div>
  );
}
