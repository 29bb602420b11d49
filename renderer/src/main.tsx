// The full font, split by unicode-range so only the glyphs on screen load; it
// covers the rare characters common in rural names, which subset fonts miss.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './design/global.css';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api/ApiContext.js';
import { connectKioskApi, NoSessionError } from './api/connect.js';
import { App } from './app/App.js';
import { applyTheme } from './app/theme.js';
import { t } from './i18n/zh-CN.js';
import { askCatalogueEarly } from './screens/early-catalogue.js';

applyTheme(document.documentElement);
const root = createRoot(document.getElementById('root')!);
connectKioskApi().then(
  ({ api, transport }) => {
    document.documentElement.dataset.transport = transport;
    askCatalogueEarly(api);
    root.render(
      <ApiContext.Provider value={api}>
        <App />
      </ApiContext.Provider>,
    );
  },
  (e: unknown) => root.render(<p className="fatal">{e instanceof NoSessionError ? t.errors.noSession : t.errors.generic}</p>),
);
