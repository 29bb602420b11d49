// 求助 on a TV at home, in the place the kiosk has 叫工作人员: nobody can come to
// a living room, so the button opens a panel that says, in large words and
// aloud, where help is — the 12345 hotline, or the village service station,
// whose staff can apply on the resident's behalf (代办). When the box's config
// names its station (help.station), the panel also offers
// 请服务站工作人员联系我: the call goes through the sync server to that
// station's desk, and the panel (and the status bar) say 正在呼叫… until a
// specialist there acknowledges it, then 工作人员会给您打电话. Without a
// station nothing is sent. Back or 知道了 closes the panel, and focus returns to 求助.
import { useCallback, useEffect, useState } from 'react';
import { Button } from '../design/Button.js';
import { Dialog } from '../design/Dialog.js';
import { Icon } from '../design/icons.js';
import { t } from '../i18n/zh-CN.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { useApi } from '../api/ApiContext.js';
import { useAppInfo } from '../app/AppInfoContext.js';
import { useNav } from '../app/navigation.js';
import { useHelpState } from './useHelpOpen.js';

export function TvHelpButton() {
  const [open, setOpen] = useState(false);
  const { speak, stop } = useReadAloud();
  const { canCallHelp } = useAppInfo();
  const close = useCallback(() => {
    stop();
    setOpen(false);
  }, [stop]);
  // Read aloud as it opens: many residents cannot read the panel from the sofa.
  useEffect(() => {
    if (open) void speak(`${t.help.tv.spoken}${canCallHelp ? t.help.tv.callStationSpoken : ''}${t.help.tv.closeHint}`);
  }, [open, speak, canCallHelp]);
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
  const { canCallHelp } = useAppInfo();
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
      {canCallHelp ? <CallStation /> : null}
    </Dialog>
  );
}

/** 请服务站工作人员联系我, and how the call stands: calling, then 工作人员会给您打电话 once the station answered. */
function CallStation() {
  const api = useApi();
  const { route } = useNav();
  const { speak } = useReadAloud();
  const help = useHelpState();
  const [failed, setFailed] = useState(false);
  const call = async () => {
    const r = await api.call('app:help-request', { reason: 'asked', serviceId: route.name === 'service' ? route.serviceId : null });
    setFailed(!r.ok);
    void speak(r.ok ? t.help.tv.callingSpoken : t.help.tv.callFailed);
  };
  const line = failed ? t.help.tv.callFailed : help.acknowledged ? t.help.tvAnswered : help.open ? t.help.tv.calling : null;
  return (
    <>
      <Button onClick={() => void call()} data-action="tv-call-station">
        {t.help.tv.callStation}
      </Button>
      {line ? (
        <p className="help-line" role="status" data-testid="tv-call-state">
          {line}
        </p>
      ) : null}
    </>
  );
}
