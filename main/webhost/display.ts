// What to tell a person whose kiosk browser cannot show a window. Chromium on a
// machine without a display (no X server, no Wayland compositor: a server, an
// SSH session, a container) exits at once; the host used to stop with only
// `{"why":"browser closed"}`, which says nothing about why or what to do.

/** Said, before Chromium is even started, when the environment names no display. */
export function noDisplayMessage(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return [
    'No display here (DISPLAY and WAYLAND_DISPLAY are both unset), so the kiosk window cannot open.',
    'Run `npm run start:headless` instead and open the URL it prints in a browser,',
    'or start the kiosk from a desktop session (or set DISPLAY, e.g. DISPLAY=:0 for the screen attached to this machine).',
  ].join('\n');
}

/** A browser that closes this soon after starting did not start: no person closed it. */
export const EARLY_EXIT_MS = 15_000;

/** Said when Chromium closed by itself; null when it ran long enough to have been used. */
export function browserExitMessage(exit: { code: number | null; signal: string | null; afterMs: number; stderrTail: string }): string | null {
  if (exit.afterMs >= EARLY_EXIT_MS) return null;
  const how = exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
  const said = exit.stderrTail.trim().split('\n').filter(Boolean).slice(-3).join('\n  ');
  return [
    `Chromium closed ${(exit.afterMs / 1000).toFixed(1)} s after it started (${how}), so the kiosk window never opened.`,
    said ? `Chromium said:\n  ${said}` : 'Chromium said nothing on stderr.',
    'Without a display, run `npm run start:headless` and open the URL it prints; otherwise check that this user may open windows on the display.',
  ].join('\n');
}
