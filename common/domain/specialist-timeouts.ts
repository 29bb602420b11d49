// How long a specialist's desk session lasts idle, for the renderer's first
// screen (it watches the desk session) and main alike; no zod here.

/** A specialist idle this long is logged out, by the renderer and by main. */
export const SPECIALIST_IDLE_SECONDS = 5 * 60;
/** The renderer warns (on screen and aloud) this long before the idle logout. */
export const SPECIALIST_WARNING_SECONDS = 30;
