// What the two numbers on every paper and screen are called. Its own module, with
// no zod: the renderer's first screen says them.

/**
 * The words for the two numbers an application has, the same on screen and on
 * paper: the kiosk's own tracking number, known at once, and the server's
 * receipt number, known once the server accepted it.
 */
export const NUMBER_LABELS = { tracking: '办件编号', receipt: '受理号' } as const;
