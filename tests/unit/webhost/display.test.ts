// What the host says when the kiosk window cannot open (issue 19.18).
import { describe, expect, it } from 'vitest';
import { browserExitMessage, EARLY_EXIT_MS, noDisplayMessage } from '../../../main/webhost/display.js';

describe('noDisplayMessage', () => {
  it('is silent when X or Wayland names a display', () => {
    expect(noDisplayMessage({ DISPLAY: ':0' })).toBeNull();
    expect(noDisplayMessage({ WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
  });
  it('says what to run instead when neither is set', () => {
    const m = noDisplayMessage({ DISPLAY: '' });
    expect(m).toContain('DISPLAY and WAYLAND_DISPLAY are both unset');
    expect(m).toContain('npm run start:headless');
  });
});

describe('browserExitMessage', () => {
  it('explains a browser that closed at once, with what it said last', () => {
    const m = browserExitMessage({ code: 1, signal: null, afterMs: 800, stderrTail: 'noise\n[ERROR:ozone_platform_x11.cc] Missing X server or $DISPLAY\n' });
    expect(m).toContain('Chromium closed 0.8 s after it started (exit code 1)');
    expect(m).toContain('Missing X server or $DISPLAY');
    expect(m).toContain('npm run start:headless');
  });
  it('is silent for a browser that ran and was closed', () => {
    expect(browserExitMessage({ code: 0, signal: null, afterMs: EARLY_EXIT_MS + 1, stderrTail: '' })).toBeNull();
  });
});
