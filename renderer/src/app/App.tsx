// The app shell: providers, the route stack, the one key handler, and the
// inactivity guard that clears a resident's data when they walk away.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo } from '../../../common/ipc/channels/app.js';
import { useApi } from '../api/ApiContext.js';
import { ReadAloudProvider, useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { ResidentSessionProvider, useResidentSession } from '../session/ResidentSession.js';
import { InactivityGuard } from '../session/InactivityGuard.js';
import { TextSizeProvider, useTextSize } from '../design/TextSizeContext.js';
import { useTvScale } from '../design/tv-scale.js';
import { useSpatialNavigation } from '../focus/useSpatialNavigation.js';
import { CardReaderProvider } from '../identity/CardReaderContext.js';
import { HomeScreen } from '../screens/HomeScreen.js';
import { serviceScreens, specialistScreen } from '../services/registry.js';
import { AppInfoContext } from './AppInfoContext.js';
import { backAction } from './back-override.js';
import { voiceKey } from '../voice-ui/VoiceKeyContext.js';
import { useRemoteKeys } from '../focus/useRemoteKeys.js';
import { navKeyOf } from '../focus/keymap.js';
import { lazyScreen } from './lazy-screen.js';
import { NavContext, holdsPersonalData, type Nav, type Route } from './navigation.js';
import type { ServiceId } from '../../../common/domain/catalogue-summary.js';
import { SpecialistSessionProvider, useDeskSession } from '../specialist/SpecialistSession.js';
import { useHelpOpen } from '../help/useHelpOpen.js';
import { setStationTimeZone } from './station-time.js';
import { t } from '../i18n/zh-CN.js';
import type { CardEnd } from '../identity/useCardReader.js';
import { useHelpAnswerSpoken } from '../help/useHelpAnswerSpoken.js';

/** After the card is taken out, the resident is probably leaving: warn sooner. */
const CARD_REMOVED_IDLE_SECONDS = 20;

// Not on the first screen: their code is a chunk of its own (see lazy-screen.tsx).
const FlowService = lazyScreen(() => import('../flow/FlowService.js').then((m) => m.FlowService));
const ServiceScreen = lazyScreen(() => import('../screens/ServiceScreen.js').then((m) => m.ServiceScreen));
// The desk on a specialist's own device: the desk's code, not the home screen's.
const DeskDeviceApp = lazyScreen(() => import('../specialist/DeskDeviceApp.js').then((m) => m.DeskDeviceApp));

/** Services that submit an application run on the catalogue-driven flow. */
const APPLICATION_SERVICES = new Set<string>(['pension-certification', 'medical-insurance-payment', 'elderly-allowance', 'subsistence-allowance']);

function Current({ route }: { route: Route }) {
  if (route.name === 'home') return <HomeScreen />;
  if (route.name === 'specialist') {
    const Desk = specialistScreen.component;
    return Desk ? <Desk /> : <HomeScreen />;
  }
  const Screen = serviceScreens[route.serviceId] ?? (APPLICATION_SERVICES.has(route.serviceId) ? FlowService : ServiceScreen);
  return <Screen serviceId={route.serviceId} onBehalf={route.onBehalf ?? false} />;
}

function Routed({ info }: { info: AppInfo }) {
  const [stack, setStack] = useState<Route[]>([{ name: 'home' }]);
  const [lastService, setLastService] = useState<ServiceId | null>(null);
  const session = useResidentSession();
  const { stop, say } = useReadAloud();
  const textSize = useTextSize();
  const cardInReader = useRef(false);
  const route = stack[stack.length - 1]!;

  const nav: Nav = useMemo(
    () => ({
      route,
      depth: stack.length - 1,
      go: (r) => {
        stop();
        if (r.name === 'service' && route.name === 'home') setLastService(r.serviceId);
        setStack((s) => [...s, r]);
      },
      back: () => {
        stop();
        setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
      },
      home: () => {
        stop();
        // Already home: nothing changes, and focus stays where it is.
        setStack((st) => (st.length === 1 ? st : [{ name: 'home' }]));
      },
      lastService,
    }),
    [route, stack.length, stop, lastService],
  );

  // A new resident (the session was cleared) starts at the first tile, and is not
  // shown which service the one before them used.
  useEffect(() => setLastService(null), [session.generation]);

  // Focus moves to the new screen's primary control on every navigation: what
  // had focus on the last screen lets go first. A layout effect, so it runs
  // within the commit, before the new screen gives focus out (Screen.tsx does,
  // in a microtask once the commit is done); as a passive effect of this parent
  // it ran after the screen's and took the focus away again.
  useLayoutEffect(() => {
    (document.activeElement as HTMLElement | null)?.blur?.();
  }, [stack.length, route]);

  useSpatialNavigation(useMemo(() => ({ onBack: backAction(nav.back), onHome: nav.home, onKey: () => stop() }), [nav, stop]));

  // The Voice key is push-to-talk: held down to speak. From keyboard-like remotes
  // (F1 / MediaRecord) and from HID remotes through the station.
  useRemoteKeys(useMemo(() => ({ onVoice: voiceKey }), []));
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (navKeyOf(e) === 'voice' && !e.repeat) voiceKey(true);
    };
    const up = (e: KeyboardEvent) => {
      if (navKeyOf(e) === 'voice') voiceKey(false);
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, []);

  const api = useApi();
  const { clear } = session;
  const desk = useDeskSession();
  const keyedBy = session.keyedBy;
  /** The resident's visit is over: their data leaves the screen, this page's memory and the station's. */
  const endVisit = useCallback(
    (opts: { stayOnDesk: boolean; words?: string }) => {
      // A specialist who keyed this resident's number logged in for this visit only: the desk session ends with it.
      if (keyedBy) void desk.logout('user');
      clear();
      // Rendered prompts may have read back a name or a number: the station forgets them too.
      void api.call('speech:clear-prompts', {});
      // A call for the specialist belongs to the resident who walked away: it ends with them.
      void api.call('app:resident-session-cleared', {});
      textSize.reset();
      // A specialist testing the reader at the desk stays at the desk.
      setStack((st) => (opts.stayOnDesk && st[st.length - 1]!.name === 'specialist' ? st : [{ name: 'home' }]));
      // Said over anything else (urgent): the resident who turns back, or stands by, hears that
      // their data is gone, and a card left on the reader is asked for.
      if (opts.words) void say(opts.words, 'urgent');
    },
    [clear, textSize, api, keyedBy, desk, say],
  );
  const onTimeout = useCallback(
    () => endVisit({ stayOnDesk: false, words: `${t.inactivity.cleared}${cardInReader.current ? t.inactivity.takeCard : ''}` }),
    [endVisit],
  );
  // Any card event while someone's identity is held ends their visit first (useCardReader). Taking the
  // card away is the resident leaving: say their data is gone. A new card is greeted, a failed read said.
  const endIdentityForCard = useCallback((by: CardEnd) => endVisit({ stayOnDesk: true, ...(by === 'removed' ? { words: t.inactivity.cleared } : {}) }), [endVisit]);
  // The keyed identity stands on the specialist's desk session: if that ends (their idle logout), so does the visit.
  useEffect(() => {
    if (keyedBy && !desk.specialist) onTimeout();
  }, [keyedBy, desk.specialist, onTimeout]);

  // An open call for help counts as a resident at the screen even at home: if they
  // walk away, the warning, then the timeout, ends the call with their session.
  const helpOpen = useHelpOpen();
  useHelpAnswerSpoken(info.uiMode);
  const guarded = holdsPersonalData(route) || session.identity !== null || helpOpen;
  const idle = session.cardRemoved ? Math.min(CARD_REMOVED_IDLE_SECONDS, info.inactivity.idleSeconds) : info.inactivity.idleSeconds;
  return (
    <NavContext.Provider value={nav}>
      <CardReaderProvider endIdentity={endIdentityForCard} inReader={cardInReader}>
        <Current key={`${stack.length}-${session.generation}`} route={route} />
      </CardReaderProvider>
      <InactivityGuard active={guarded} idleSeconds={idle} warningSeconds={info.inactivity.warningSeconds} onTimeout={onTimeout} />
    </NavContext.Provider>
  );
}

/** `initialInfo`: app:info as the web host gave it with the first screen (main.tsx); asked here when absent. */
export function App({ initialInfo = null }: { initialInfo?: AppInfo | null }) {
  const api = useApi();
  // With initialInfo, main.tsx has set the station's time zone already.
  const [info, setInfo] = useState<AppInfo | null>(initialInfo);
  useEffect(() => {
    if (initialInfo) return;
    void api.call('app:info', {}).then((r) => {
      if (!r.ok) return;
      setStationTimeZone(r.value.timeZone); // before any screen formats a date
      setInfo(r.value);
    });
  }, [api, initialInfo]);
  useEffect(() => {
    if (info) document.documentElement.dataset.uiMode = info.uiMode;
  }, [info]);
  useTvScale(info?.uiMode === 'tv' && info.surface !== 'desk');
  if (!info) return <p className="loading">…</p>;
  return (
    <AppInfoContext.Provider value={info}>
      <TextSizeProvider initial={info.defaultTextSize}>
        <ReadAloudProvider>
          <ResidentSessionProvider>
            <SpecialistSessionProvider>{info.surface === 'desk' ? <DeskDeviceApp /> : <Routed info={info} />}</SpecialistSessionProvider>
          </ResidentSessionProvider>
        </ReadAloudProvider>
      </TextSizeProvider>
    </AppInfoContext.Provider>
  );
}
