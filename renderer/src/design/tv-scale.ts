// A TV is watched from the same sofa whatever resolution its box gives the
// browser. The 10-foot layout is designed on a 1920×1080 canvas (its sizes are
// for 3 metres there, inside the 5 % overscan-safe area), and many boxes give
// the browser 1280×720 CSS pixels. So on the TV the whole page is zoomed to the
// screen (by the smaller of the two ratios): text and targets keep their share
// of the screen, and so their size on the glass. Unzoomed at 1280×720, the home
// screen's title wrapped onto three lines and its tiles were cut off
// (tests/e2e/screens-fit.e2e.test.ts walks every TV screen at both sizes).
// Not on a station's kiosk, whose display is 1920×1080, nor on a specialist's
// own device (the desk), which lays out for its own screen.
import { useLayoutEffect } from 'react';

/** The canvas the TV layout is designed on. */
export const TV_CANVAS = { width: 1920, height: 1080 } as const;

/** The zoom that fits the TV canvas to a screen of `width` × `height` CSS pixels. */
export function tvZoom(width: number, height: number): number {
  return Math.min(width / TV_CANVAS.width, height / TV_CANVAS.height);
}

/** While `active`, keeps the page zoomed to the screen (again on every resize). */
export function useTvScale(active: boolean): void {
  // Before the frame is painted: a frame at the wrong scale would show the screen jump.
  useLayoutEffect(() => {
    if (!active) return;
    const root = document.documentElement;
    const fit = () => {
      const zoom = String(tvZoom(window.innerWidth, window.innerHeight));
      root.style.zoom = zoom;
      // The page's viewport units follow (global.css's --vh and --vw).
      root.style.setProperty('--zoom', zoom);
    };
    fit();
    window.addEventListener('resize', fit);
    return () => {
      window.removeEventListener('resize', fit);
      root.style.zoom = '';
      root.style.removeProperty('--zoom');
    };
  }, [active]);
}
