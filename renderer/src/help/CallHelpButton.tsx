// The big 叫工作人员 button in every resident screen's top bar: a person, asked
// for in one press, without having to speak. It stays where it is after the
// call (the status bar then says 已呼叫工作人员), so focus never jumps and a
// second press simply calls again; the kiosk says aloud that someone is coming.
// A TV at home has nobody to call: in the same place it shows 求助 (TvHelp.tsx).
import { useAppInfo } from '../app/AppInfoContext.js';
import { useNav } from '../app/navigation.js';
import { Button } from '../design/Button.js';
import { Icon } from '../design/icons.js';
import { t } from '../i18n/zh-CN.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { canCallForHelp } from './can-call.js';
import { useCallForHelp } from './useCallForHelp.js';
import { TvHelpButton } from './TvHelp.js';

export function CallHelpButton() {
  const { uiMode } = useAppInfo();
  const { route } = useNav();
  const { speak } = useReadAloud();
  const call = useCallForHelp();
  if (uiMode === 'tv') return <TvHelpButton />;
  if (!canCallForHelp(uiMode, route)) return null;
  return (
    <Button className="call-help" icon={<Icon name="person" />} data-nav="call-help" onClick={() => void call('asked').then((ok) => speak(ok ? t.help.calledSpoken : t.help.failed))}>
      {t.help.call}
    </Button>
  );
}
