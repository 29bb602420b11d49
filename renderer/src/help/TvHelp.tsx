// 求助 on a TV at home, in the place the kiosk has 叫工作人员: nobody can come to
// a living room, so the button opens a panel that says, in large words and
// aloud, where help is — the 12345 hotline, or the village service station,
// whose staff can apply on the resident's behalf (代办). Nothing is sent to the
// station (it would refuse a help call from a TV anyway). Back or 知道了 closes
// the panel, and focus returns to 求助.
import { useCallback, useEffect, useState } from 'react';
import { Button } from '../design/Button.js';
import { Dialog } from '../design/Dialog.js';
import { Icon } from '../design/icons.js';
import { t } from '../i18n/zh-CN.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';

export function TvHelpButton() {
  const [open, setOpen] = useState(false);
  const { speak, stop } = useReadAloud();
  const close = useCallback(() => {
    stop();
    setOpen(false);
  }, [stop]);
  // Read aloud as it opens: many residents cannot read the panel from the sofa.
  useEffect(() => {
    if (open) void speak(`${t.help.tv.spoken}${t.help.tv.closeHint}`);
  }, [open, speak]);
  return (
    <>
      <Button className="tv-help" icon={<Icon name="question" />} data-nav="tv-help" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t.help.tv.button}
      </Button>
      {open ? <TvHelpPanel onClose={close} /> : null}
    </>
  );
}

function TvHelpPanel({ onClose }: { onClose(): void }) {
  const h = t.help.tv;
  return (
    <Dialog
      id="tv-help"
      title={h.title}
      className="help-panel"
      onDismiss={onClose}
      actions={
        <Button variant="primary" autoFocusOnMount onClick={onClose} data-action="tv-help-close">
          {h.close}
        </Button>
      }
    >
      <p className="help-line">
        {h.callLabel}
        <strong className="help-hotline" data-testid="help-hotline">
          {t.help.hotline.number}
        </strong>
      </p>
      <p className="help-line">{h.callWhat}</p>
      <p className="help-line">{h.station}</p>
    </Dialog>
  );
}
