// The specialist desk: the login screen until a specialist logs in, then one
// screen per section (residents' calls for help, queue, devices, sync, today,
// 代办, and in development the simulated SMS outbox) under the same header with
// the sections as big toggle buttons. A call for help that comes in opens its
// section (求助) whatever the specialist was looking at, and the tab counts the
// calls still open: a call is seen at once, and no section has to share its room
// with the calls (at 特大 a queue card and a call card do not both fit under the
// tabs). Registered in services/registry.ts.
import './desk.css';
import { useState, type ComponentType } from 'react';
import { Button } from '../design/Button.js';
import { Screen } from '../design/Screen.js';
import { t } from '../i18n/zh-CN.js';
import { LoginScreen } from './LoginScreen.js';
import { useDeskSession } from './SpecialistSession.js';
import { QueueSection } from './QueueSection.js';
import { DevicesSection } from './DevicesSection.js';
import { SyncSection } from './SyncSection.js';
import { TodaySection } from './TodaySection.js';
import { OnBehalfSection } from './OnBehalfSection.js';
import { useDeskAudit } from './useDeskAudit.js';
import { HelpSection } from './HelpSection.js';
import { useHelpRequests } from './useHelpRequests.js';
import { chimeForCall } from './call-chime.js';
import { useAppInfo } from '../app/AppInfoContext.js';
import { SmsOutboxPanel, useSmsOutboxShown } from './SmsOutboxPanel.js';

const sections = ['help', 'queue', 'devices', 'sync', 'today', 'sms', 'onBehalf'] as const;
type Section = (typeof sections)[number];
/** The desk reopens where the specialist left it (e.g. after a 代办 flow); not personal data. */
let lastSection: Section = 'queue';

const body: Record<Exclude<Section, 'help'>, ComponentType> = {
  queue: QueueSection,
  devices: DevicesSection,
  sync: SyncSection,
  today: TodaySection,
  sms: SmsOutboxPanel,
  onBehalf: OnBehalfSection,
};

export function DeskScreen() {
  const desk = useDeskSession();
  const audit = useDeskAudit();
  const { surface } = useAppInfo();
  // 代办 runs at the kiosk, where the resident's card and the printer are: not on a specialist's own device.
  // The SMS outbox only where the sync server's gateway is simulated (development).
  const sms = useSmsOutboxShown(desk.specialist !== null);
  const shown: readonly Section[] = sections.filter((x) => (x !== 'onBehalf' || surface !== 'desk') && (x !== 'sms' || sms));
  const [section, setSectionState] = useState<Section>(shown.includes(lastSection) ? lastSection : 'queue');
  const setSection = (s: Section) => {
    lastSection = s;
    setSectionState(s);
  };
  // A new call opens 求助 (once per arrival: the specialist may leave it for another section after),
  // and is heard: the desk may not be watched.
  const calls = useHelpRequests(desk.specialist !== null, () => {
    lastSection = 'help';
    setSectionState('help');
    chimeForCall();
  });
  if (!desk.specialist) return <LoginScreen />;
  const Body = section === 'help' ? null : body[section];
  const title = t.specialist.sections[section];
  const alert = calls.open.length > 0;
  return (
    <Screen id={`specialist-${section}`} title={`${t.specialist.title}：${title}`}>
      {/* 退出登录 sits in the same row as the sections: one D-pad row holds every desk control. It names
          who is logged in, which saves the desk a row of its own (at 特大 the queue needs it). */}
      <div className="desk-tabs" role="group" aria-label={t.specialist.header.sections}>
        {shown.map((s) => (
          <Button
            key={s}
            className={s === 'help' && alert ? 'desk-tab-alert' : undefined}
            aria-pressed={s === section}
            data-section={s}
            data-autofocus={s === section ? '' : undefined}
            onClick={() => {
              setSection(s);
              void audit('specialist.view', { detail: s });
            }}
          >
            {s === 'help' ? t.specialist.help.tab(calls.open.length) : t.specialist.sections[s]}
          </Button>
        ))}
        <Button variant="plain" onClick={() => void desk.logout('user')} data-action="logout">
          <span data-testid="desk-who">{desk.specialist.name}</span> {t.specialist.header.logout}
        </Button>
      </div>
      {Body ? <Body /> : <HelpSection calls={calls} />}
    </Screen>
  );
}
