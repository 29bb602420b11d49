// The full Noto Sans SC, split by unicode-range so only the glyphs on screen are
// fetched; it covers the rare characters common in rural names, which subset
// fonts miss. It is the fallback: a station with Debian's fonts-noto-cjk (the
// same design, every character, on disk) draws with that and fetches neither
// weight (global.css's font stack). The first screen loads one weight (400,
// main.tsx): its bold text (tiles, buttons, the title) is drawn emboldened from
// it until the real bold weight, fetched here once the first screen is up,
// swaps in. Nine subsets of each weight cover the home screen: fetching and
// decoding the second nine (≈ 400 KB of woff2) no longer competes with the first
// screen for the page's thread.
let asked = false;

export function loadBoldFont(): void {
  if (asked) return;
  asked = true;
  void import('@fontsource/noto-sans-sc/700.css');
}
