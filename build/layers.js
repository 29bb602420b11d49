// The import layering of the project, as ESLint `no-restricted-imports` rules.
// Kept in its own file so the lint-fixture test can assert against the same rules.

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'stream', 'worker_threads', 'url', 'events', 'zlib', 'util', 'buffer', 'tty', 'dgram', 'dns', 'readline'];

const layer = (dir) => [`**/${dir}`, `**/${dir}/**`, `${dir}/**`];

/** @type {Record<string, { group: string[], message: string }[]>} */
const forbidden = {
  renderer: [
    { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed browser page: no Node built-ins.' },
    { group: ['electron', 'electron/*'], message: 'renderer/ reaches the main process only through window.kiosk / the API client.' },
    { group: [...layer('drivers'), ...layer('speech'), ...layer('offline-store'), ...layer('main'), ...layer('sync-server')], message: 'renderer/ may import only renderer/ and common/.' },
  ],
  drivers: [
    { group: ['electron', 'electron/*'], message: 'drivers/ must run without Electron.' },
    { group: [...layer('renderer'), ...layer('main')], message: 'drivers/ must not import the UI or the composition root.' },
  ],
  speech: [
    { group: ['electron', 'electron/*'], message: 'speech/ must run without Electron.' },
    { group: [...layer('renderer'), ...layer('main')], message: 'speech/ must not import the UI or the composition root.' },
  ],
  'offline-store': [
    { group: ['electron', 'electron/*'], message: 'offline-store/ must run without Electron.' },
    { group: [...layer('renderer'), ...layer('main')], message: 'offline-store/ must not import the UI or the composition root.' },
  ],
  common: [
    { group: ['electron', 'electron/*'], message: 'common/ runs in every process: no Electron.' },
    { group: [...layer('renderer'), ...layer('main'), ...layer('drivers'), ...layer('speech'), ...layer('offline-store'), ...layer('sync-server')], message: 'common/ imports only common/.' },
  ],
};

// common/ must also stay free of Node built-ins: it is bundled into the renderer.
forbidden.common.push({ group: nodeBuiltins, message: 'common/ is loaded by the renderer too: no Node built-ins.' });

export const layerRules = Object.entries(forbidden).map(([dir, patterns]) => ({
  files: dir === 'renderer' ? ['renderer/src/**/*.{ts,tsx,js,mjs}'] : [`${dir}/**/*.{ts,tsx,js,mjs}`],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}));
