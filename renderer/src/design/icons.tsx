// Simple, bold line icons for the service tiles. Decorative only (aria-hidden):
// every tile also has its name in large text. Drawn as SVG so no emoji font is needed.
import type { ReactElement } from 'react';

const paths: Record<string, ReactElement> = {
  pension: (
    <>
      <circle cx="24" cy="14" r="7" />
      <path d="M10 42c0-9 6-15 14-15s14 6 14 15" />
      <path d="M34 22l4 4 7-8" />
    </>
  ),
  search: (
    <>
      <circle cx="20" cy="20" r="12" />
      <path d="M29 29l12 12" />
    </>
  ),
  medical: (
    <>
      <rect x="6" y="6" width="36" height="36" rx="6" />
      <path d="M24 14v20M14 24h20" />
    </>
  ),
  allowance: (
    <>
      <circle cx="24" cy="24" r="16" />
      <path d="M18 16l6 8 6-8M16 26h16M16 32h16M24 24v12" />
    </>
  ),
  subsistence: (
    <>
      <path d="M6 22L24 8l18 14" />
      <path d="M11 19v21h26V19" />
      <path d="M20 40V28h8v12" />
    </>
  ),
  progress: (
    <>
      <path d="M10 12h28M10 24h28M10 36h16" />
      <path d="M30 36l4 4 8-8" />
    </>
  ),
  print: (
    <>
      <path d="M14 18V6h20v12" />
      <rect x="6" y="18" width="36" height="16" rx="3" />
      <path d="M14 28h20v14H14z" />
    </>
  ),
  question: (
    <>
      <circle cx="24" cy="24" r="18" />
      <path d="M18 19a6 6 0 1 1 8 5.5c-1.5.7-2 1.7-2 3.5" />
      <path d="M24 34v1" />
    </>
  ),
  back: <path d="M30 10L16 24l14 14" />,
  home: (
    <>
      <path d="M6 24L24 8l18 16" />
      <path d="M12 20v20h24V20" />
    </>
  ),
  /** A person with a raised hand: 叫工作人员. */
  person: (
    <>
      <circle cx="18" cy="14" r="6" />
      <path d="M6 42c0-9 5-14 12-14 4 0 7 1.5 9 4" />
      <path d="M28 30l9-20" />
      <path d="M34 8l6 3" />
    </>
  ),
  speaker: (
    <>
      <path d="M8 18h8l10-8v28l-10-8H8z" />
      <path d="M32 17a10 10 0 0 1 0 14M37 12a17 17 0 0 1 0 24" />
    </>
  ),
};

export function Icon({ name, size = 48 }: { name: string; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {paths[name] ?? paths.question}
    </svg>
  );
}
