// Before any component renders: when effects run (app/preact-effects.ts).
import './app/preact-effects.js';
// One weight of the font for the first screen; the bold weight follows once it
// is up (design/bold-font.ts says why).
import '@fontsource/noto-sans-sc/400.css';
import './design/global.css';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api/ApiContext.js';
import { connectKioskApi, NoSessionError } from './api/connect.js';
import { App } from './app/App.js';
import { applyTheme } from './app/theme.js';
import { setStationTimeZone } from './app/station-time.js';
import { t } from './i18n/zh-CN.js';
import { askCatalogueEarly, seedCatalogue } from './screens/early-catalogue.js';

applyTheme(document.documentElement);
const root = createRoot(document.getElementById('root')!);
connectKioskApi().then(
  ({ api, transport, firstScreen }) => {
    document.documentElement.dataset.transport = transport;
    // Given by the web host already: the tiles are drawn in the first render. Else asked at once.
    if (firstScreen) {
      setStationTimeZone(firstScreen.appInfo.timeZone); // before any screen formats a date
      seedCatalogue(firstScreen.catalogue);
    } else askCatalogueEarly(api);
    root.render(
      <ApiContext.Provider value={api}>
        <App initialInfo={firstScreen?.appInfo ?? null} />
      </ApiContext.Provider>,
    );
  },
  (e: unknown) => root.render(<p className="fatal">{e instanceof NoSessionError ? t.errors.noSession : t.errors.generic}</p>),
);
