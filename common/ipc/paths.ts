// The web host's own paths, shared by the host and the renderer's first screen
// (no zod here: that screen's code stays small; the wire's schemas are in wire.ts).

/**
 * Query parameter of the web host's one-time launch URL. The host exchanges the
 * code for a session cookie at the first load and redirects to the bare URL.
 */
export const LAUNCH_PARAM = 'launch';
export const WS_PATH = '/ipc';
/** GET answers 204 when the request carries a live session cookie, 401 when not. */
export const SESSION_PATH = '/session';
/**
 * GET answers what the first screen draws (common/ipc/first-screen.ts) once the
 * station is up, 401 without a live session cookie. The page's HTML preloads it,
 * so it arrives while the page's script is still loading.
 */
export const FIRST_SCREEN_PATH = '/first-screen';
