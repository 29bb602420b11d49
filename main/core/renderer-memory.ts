// V8's flags for the kiosk's page, wherever Chromium runs it (the web host's
// Debian Chromium, main/webhost/chromium.ts; Electron, main/electron/main.ts).
//
// --max-semi-space-size=2: the page's young generation at most 3 × 2 MB instead of
// up to 3 × 16 MB. The face check allocates fast (a camera frame's analysis, 15 a
// second), and V8 then grows its young space to the maximum and keeps it. Measured
// with bench:face on the live blink clip (the flag is what it runs with): the check
// added 148-161 MB to the renderer without it, 132-141 MB with it, at the same
// 15.5 frames a second. The host's Node has the same flag (scripts/host-node-flags.mjs).
export const RENDERER_JS_FLAGS = '--max-semi-space-size=2';
