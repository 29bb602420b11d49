// The specialist desk: the login screen until a specialist logs in, then one
// screen per section (queue, devices, sync, today, 代办, and in development the
// simulated SMS outbox) under the same header
// with the sections as big toggle buttons, and residents' open calls for help
// above everything. Registered in services/registry.ts.
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
import { HelpRequestsPanel } from './HelpRequestsPanel.js';
import { useAppInfo } from '../app/AppInfoContext.js';
import { SmsOutboxPanel, useSmsOutboxShown } from './SmsOutboxPanel.js';

const sections = ['queue', 'devices', 'sync', 'today', 'sms', 'onBehalf'] as const;
type Section = (typeof sections)[number];
/** The desk reopens where the specialist left it (e.g. after a 代办 flow); not personal data. */
let lastSection: Section = 'queue';

const body: Record<Section, ComponentType> = {
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
  if (!desk.specialist) return <LoginScreen />;
  const Body = body[section];
  const title = t.specialist.sections[section];
  return (
    <Screen id={`specialist-${section}`} title={`${t.specialist.title}：${title}`}>
      <HelpRequestsPanel />
      {/* 退出登录 sits in the same row as the sections: one D-pad row holds every desk control. It names
          who is logged in, which saves the desk a row of its own (at 特大 the queue needs it). */}
      <div className="desk-tabs" role="group" aria-label={t.specialist.header.sections}>
        {shown.map((s) => (
          <Button
            key={s}
            aria-pressed={s === section}
            data-section={s}
            data-autofocus={s === section ? '' : undefined}
            onClick={() => {
              setSection(s);
              void audit('specialist.view', { detail: s });
            }}
          >
            {t.specialist.sections[s]}
          </Button>
        ))}
        <Button variant="plain" onClick={() => void desk.logout('user')} data-action="logout">
          <span data-testid="desk-who">{desk.specialist.name}</span> {t.specialist.header.logout}
        </Button>
      </div>
      <Body />
    </Screen>
  );
}
