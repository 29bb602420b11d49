// The design tokens every screen uses. Colours are chosen for ≥ 7:1 contrast
// (WCAG AAA) for every text/background pair listed in `textPairs`; a unit test
// computes each ratio from these values, so a token change that breaks
// legibility fails the build.
export const colors = {
  page: '#FFFBF2', // warm off-white: less glare than pure white for older eyes
  surface: '#FFFFFF',
  text: '#1A1A1A',
  textMuted: '#3D3D3D',
  primary: '#0B3A82', // deep blue
  onPrimary: '#FFFFFF',
  secondary: '#E8EEF8',
  onSecondary: '#0B2A5C',
  danger: '#8A1111',
  onDanger: '#FFFFFF',
  success: '#0F5A2A',
  onSuccess: '#FFFFFF',
  warning: '#FFE9A8',
  onWarning: '#3A2A00',
  statusBar: '#1F2937',
  onStatusBar: '#FFFFFF',
  focus: '#FFB000', // amber ring, with a dark inner ring so it shows on any background
  focusInner: '#000000',
} as const;

/** Text/background pairs that appear in the UI; each must reach 7:1. */
export const textPairs: ReadonlyArray<readonly [keyof typeof colors, keyof typeof colors]> = [
  ['text', 'page'],
  ['text', 'surface'],
  ['textMuted', 'page'],
  ['textMuted', 'surface'],
  ['onPrimary', 'primary'],
  ['onSecondary', 'secondary'],
  ['onDanger', 'danger'],
  ['onSuccess', 'success'],
  ['onWarning', 'warning'],
  ['onStatusBar', 'statusBar'],
  ['primary', 'surface'],
  ['primary', 'page'],
  ['danger', 'page'],
  ['success', 'page'],
];

/**
 * Font sizes in px at 1080p, per text-size setting. Body ≥ 32, headings ≥ 48.
 * `chrome` is the frame's buttons and status line (返回, 朗读, 字号, the footer): they
 * grow less than the content, so the content keeps the room at 特大.
 */
export const typeScale = {
  standard: { body: 32, heading: 48, title: 56, chrome: 32 },
  large: { body: 40, heading: 60, title: 68, chrome: 36 },
  xlarge: { body: 48, heading: 72, title: 80, chrome: 40 },
} as const;

export const layout = {
  lineHeight: 1.5,
  minTarget: 96, // px, both dimensions
  gap: 24, // ≥ 16 px between targets
  focusRing: 6, // ≥ 4 px
  /** TV: keep everything inside the 5 % overscan-safe area: 5 % of the height above and below, of the width at the sides. */
  tvSafeMargin: { y: 'calc(5 * var(--vh))', x: 'calc(5 * var(--vw))' },
} as const;
