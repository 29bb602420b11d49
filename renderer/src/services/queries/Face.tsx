// The five satisfaction faces, drawn as SVG (no emoji font on the kiosk). The
// mouth alone carries the meaning, from a wide smile (5) to a deep frown (1);
// the label under each face says it in words too, so the icon is decorative.
const MOUTHS: Record<number, string> = {
  5: 'M14 29c4 8 16 8 20 0',
  4: 'M15 30c4 4 14 4 18 0',
  3: 'M15 31h18',
  2: 'M15 33c4-4 14-4 18 0',
  1: 'M14 35c4-8 16-8 20 0',
};

export function Face({ score, size = 96 }: { score: number; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" fill="none" stroke="currentColor" strokeWidth="3.5" strokeLinecap="round" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="20" />
      <circle cx="17" cy="19" r="1.5" fill="currentColor" />
      <circle cx="31" cy="19" r="1.5" fill="currentColor" />
      <path d={MOUTHS[score] ?? MOUTHS[3]} />
    </svg>
  );
}
