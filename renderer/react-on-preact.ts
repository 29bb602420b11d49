// The renderer's sources are written against React's API (its types, from
// @types/react, are what they are checked with); what runs them is Preact
// through preact/compat, by these aliases: in the page (vite.config.ts) and in
// the tests that load renderer modules (vitest.config.ts, vitest.e2e.config.ts),
// so no test runs a React the kiosk does not. renderer/src/app/preact-effects.ts
// sets the one behaviour that differs.
// Why: the first screen's chunk fell from 297 KB (react-dom ≈ 200 KB of it) to
// 94 KB, and the page's time from its navigation to the first tile focused
// from 451/376/319 to 380/256/265 ms on this machine (medians of 12 loads of
// each, alternated, three rounds); a set-top box's slow cores parse and run that
// code before its first screen.
export const reactOnPreact = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
];
