// The frame of every screen: 返回 and 首页 top-left, the title, 叫工作人员 and
// 朗读 top-right (叫工作人员 only where a resident can call the specialist; 求助
// in its place on a TV at home), the step indicator for multi-step flows, the
// content, and the footer with the station status and the text-size switch.
// Same places on every screen.
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useNav } from '../app/navigation.js';
import { t } from '../i18n/zh-CN.js';
import { useReadAloud, screenText } from '../read-aloud/ReadAloudContext.js';
import { focusWhenReady } from '../focus/useSpatialNavigation.js';
import { Button } from './Button.js';
import { Icon } from './icons.js';
import { StepIndicator } from './StepIndicator.js';
import { StatusBar } from './StatusBar.js';
import { TextSizeSwitch, type TextSize } from './TextSizeSwitch.js';
import { useTextSize } from './TextSizeContext.js';
import { specialistScreen } from '../services/registry.js';
import { useBackOverride } from '../app/back-override.js';
import { useAppInfo } from '../app/AppInfoContext.js';
import { CallHelpButton } from '../help/CallHelpButton.js';
import { OnBehalfBanner } from '../session/OnBehalfBanner.js';

export interface ScreenProps {
  /** Stable id, used for screenshots and tests. */
  id: string;
  title: string;
  step?: { current: number; total: number };
  /** What 朗读 reads; defaults to the visible text of the main region. */
  prompt?: string;
  /** Overrides 返回 (and the Back key) while this screen shows, e.g. to step back inside a flow. */
  onBack?: () => void;
  /** Say `prompt` when the screen opens, for screens no question of their own is spoken on. */
  announce?: boolean;
  children: ReactNode;
}

/** On a paged screen, which lines are shown (第 1 到 4 条，共 9 条): said after a screen's own prompt. */
function pagerWords(doc: Document): string {
  const where = doc.querySelector('[data-testid="pager-where"]')?.textContent;
  return where ? `${where}。` : '';
}

export function Screen({ id, title, step, prompt, onBack, announce, children }: ScreenProps) {
  const nav = useNav();
  const { speak, stop, speaking } = useReadAloud();
  const { size, setSize } = useTextSize();
  const info = useAppInfo();

  // Focus is given before the browser paints the screen: the first frame a
  // resident sees already has it, and a key pressed as it appears acts on it.
  // (As a passive effect, which React runs only after that frame, the first
  // screen's tiles stood a whole frame and more without focus, its layout and
  // paint then the effects.) From a layout effect, but in a microtask: that runs
  // once the whole commit is done, so after App's own layout effect has let go
  // of the last screen's focus (App.tsx), and still before the frame.
  useLayoutEffect(() => {
    document.title = `${title} — ${t.appName}`;
    let stop: (() => void) | null = null;
    let unmounted = false;
    queueMicrotask(() => {
      if (!unmounted) stop = focusWhenReady(document);
    });
    return () => {
      unmounted = true;
      stop?.();
    };
  }, [id, title]);

  // Once per opening, with the words known then: a screen that changes its prompt later (a failed
  // read shown) says that itself.
  const announced = useRef(false);
  useEffect(() => {
    if (!announce || announced.current || !prompt) return;
    announced.current = true;
    void speak(prompt);
  }, [announce, prompt, speak]);

  const atHome = nav.depth === 0;
  useBackOverride(onBack);
  return (
    <div className="screen" data-screen={id}>
      <header className="top-bar">
        <nav className="top-nav" aria-label={t.nav.primaryNav}>
          <Button onClick={onBack ?? nav.back} disabled={atHome} icon={<Icon name="back" />} data-nav="back">
            {t.nav.back}
          </Button>
          <Button onClick={nav.home} disabled={atHome} icon={<Icon name="home" />} data-nav="home">
            {t.nav.home}
          </Button>
        </nav>
        <h1 className="screen-title">{title}</h1>
        <CallHelpButton />
        <Button
          className="read-aloud"
          aria-pressed={speaking}
          icon={<Icon name="speaker" />}
          data-nav="read-aloud"
          onClick={() => (speaking ? stop() : void speak(prompt ? `${prompt}${pagerWords(document)}` : `${title}。${screenText(document)}`))}
        >
          {speaking ? t.nav.stopReading : t.nav.readAloud}
        </Button>
      </header>
      <main className="screen-main" id="main">
        <OnBehalfBanner />
        {step ? <StepIndicator current={step.current} total={step.total} /> : null}
        {children}
      </main>
      <footer className="bottom-bar">
        {/* The desk's own sections list the calls for help themselves (its login does not: the badge stays there). */}
        <StatusBar desk={id.startsWith('specialist-') && id !== 'specialist-login'} />
        <TextSizeSwitch value={size} onChange={(v: TextSize) => setSize(v)} />
        {specialistScreen.component && info.uiMode === 'kiosk' && nav.route.name !== 'specialist' ? (
          <Button variant="plain" className="specialist-entry" onClick={() => nav.go({ name: 'specialist' })} data-nav="specialist">
            {t.nav.specialist}
          </Button>
        ) : null}
      </footer>
    </div>
  );
}
