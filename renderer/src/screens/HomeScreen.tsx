// The home screen: one large tile per service, loaded from the station.
import { useEffect, useState } from 'react';
import type { ServiceSummary } from '../../../common/domain/catalogue-summary.js';
import { useApi } from '../api/ApiContext.js';
import { useAppInfo } from '../app/AppInfoContext.js';
import { useNav } from '../app/navigation.js';
import { Screen } from '../design/Screen.js';
import { Icon } from '../design/icons.js';
import { t } from '../i18n/zh-CN.js';
import { maskIdNumber } from '../../../common/domain/id-number.js';
import { useResidentSession } from '../session/ResidentSession.js';
import { useCardReaderState } from '../identity/CardReaderContext.js';
import { cardProblem } from '../identity/useCardReader.js';
import { useScreenVoice } from '../voice-ui/useScreenVoice.js';
import { VoiceBar } from '../voice-ui/VoiceBar.js';
import { useGreeting } from './useGreeting.js';
import { serviceIds, type ServiceId } from '../../../common/domain/service-ids.js';
import { preloadScreens } from '../app/lazy-screen.js';
import { homeCatalogue, seededCatalogue, takeSeededCatalogue } from './early-catalogue.js';
import { loadBoldFont } from '../design/bold-font.js';

/** The speech model and the other screens' code have been asked for (see below): once per page, not per visit of the home screen. */
let warmedUp = false;
/** The longest the warm-up waits for idle time: a resident may speak soon after the tiles appear. */
const IDLE_WAIT_MS = 1500;

export function HomeScreen() {
  const api = useApi();
  const nav = useNav();
  // The first home screen draws its tiles from the catalogue the web host gave with the page, in its first render.
  const [services, setServices] = useState<ServiceSummary[] | null>(() => seededCatalogue()?.services.filter((s) => s.available) ?? null);
  const [error, setError] = useState(false);
  const { identity } = useResidentSession();
  const { uiMode } = useAppInfo();
  // At the kiosk the resident who walks up is greeted and asked for the card, aloud: many cannot
  // read the screen. (A TV at home has no reader; there the number is keyed when a service needs it.)
  const welcome = !identity && uiMode === 'kiosk' ? `${t.home.welcome}${t.identity.insertCard}` : '';
  useGreeting(welcome || null);
  // A card that could not be read is said (by the reader hook) and shown here too: nobody is greeted for it.
  const reader = useCardReaderState();
  const problem = identity ? null : cardProblem(reader);
  const greeting = identity ? `${identity.name ? t.identity.greeting(identity.name) : t.identity.greetingKeyed}${t.identity.idLine(maskIdNumber(identity.idNumber))}` : null;

  useEffect(() => {
    if (takeSeededCatalogue()) return; // drawn from it already
    let live = true;
    void homeCatalogue(api).then((r) => {
      if (!live) return;
      if (r.ok) setServices(r.value.services.filter((s) => s.available));
      else setError(true);
    });
    return () => {
      live = false;
    };
  }, [api]);

  // Once the tiles are up (and painted: idle time), what the next steps need is
  // readied while the resident reads them. The station loads its speech model
  // (asking for the status does): not before, since loading holds the station's
  // thread for a while and the tiles' catalogue:list would wait behind it, and not
  // at the first word, which would then wait for it. The other screens' code is
  // fetched, so the first press does not wait for it, and the font's bold weight
  // (design/bold-font.ts). Once per page. Idle time may not come while the page
  // keeps drawing (an animation, a busy box): at most IDLE_WAIT_MS later it goes ahead.
  useEffect(() => {
    if ((!services && !error) || warmedUp) return;
    warmedUp = true;
    const warmUp = () => {
      void api.call('speech:status', {});
      void preloadScreens();
      loadBoldFont();
    };
    if (window.requestIdleCallback) window.requestIdleCallback(warmUp, { timeout: IDLE_WAIT_MS });
    else window.setTimeout(warmUp, 0);
  }, [services, error, api]);

  const offered = (services ?? []).map((s) => s.id);
  // Back home, the tile just used takes focus again: a remote user carries on from where they were.
  const focusFirst = nav.lastService && offered.includes(nav.lastService) ? nav.lastService : offered[0];
  const voice = useScreenVoice({
    step: services ? { kind: 'home', services: offered } : null,
    prompt: `${t.home.title}${t.home.hint}`,
    handsFree: false,
    onResult: (r) => {
      if (r.intent && (serviceIds as readonly string[]).includes(r.intent) && offered.includes(r.intent as ServiceId)) nav.go({ name: 'service', serviceId: r.intent as ServiceId });
    },
  });

  return (
    <Screen id="home" title={t.home.title} prompt={services ? `${welcome}${greeting ?? problem ?? ''}${t.home.title}${t.home.hint}${services.map((s) => s.title).join('，')}。` : undefined}>
      {identity ? (
        <p className="greeting" data-testid="greeting" aria-live="polite">
          {identity.name ? t.identity.greeting(identity.name) : t.identity.greetingKeyed} {t.identity.idLine(maskIdNumber(identity.idNumber))}
        </p>
      ) : null}
      {problem ? (
        <p className="notice notice-warn" role="alert" data-testid="card-problem">
          {problem}
        </p>
      ) : null}
      <div className="home-ask">
        <p className="lead">{t.home.hint}</p>
        <VoiceBar voice={voice} prominent />
      </div>
      {error ? <p className="notice notice-warn">{t.errors.generic}</p> : null}
      <ul className="tile-grid" aria-label={t.home.servicesLabel}>
        {(services ?? []).map((s) => (
          <li key={s.id}>
            <button type="button" className="tile" data-service={s.id} data-autofocus={s.id === focusFirst ? '' : undefined} onClick={() => nav.go({ name: 'service', serviceId: s.id })}>
              <span className="tile-icon" aria-hidden="true">
                <Icon name={s.icon} size={72} />
              </span>
              <span className="tile-title">{s.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </Screen>
  );
}
