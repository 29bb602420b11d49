// What the web host puts on Chromium's command line (readable by every local
// user in /proc/PID/cmdline) and where Chromium may write: no launch code on the
// command line, the code only in a page in the private 0700 profile, and crash
// reports off and kept inside that profile.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumKioskArgs, HEADLESS_SCREEN, makeProfileDir, writeLaunchPage } from '../../../main/webhost/chromium.js';
import { RENDERER_JS_FLAGS } from '../../../main/core/renderer-memory.js';

const profiles: string[] = [];
afterEach(() => {
  for (const p of profiles.splice(0)) fs.rmSync(p, { recursive: true, force: true });
});

describe('Chromium launch', () => {
  it('keeps the launch code off the command line, in a page only our user can read', () => {
    const profile = makeProfileDir();
    profiles.push(profile);
    const code = 'Zm9vYmFyYmF6cXV4Y29kZXRoYXRpc3NlY3JldDEyMzQ';
    const page = writeLaunchPage(profile, `http://127.0.0.1:4567/?launch=${code}`);
    const args = chromiumKioskArgs(page, profile, { kiosk: true });
    expect(args.join(' ')).not.toContain(code);
    expect(args).toContain(`--app=${page}`);
    const file = fileURLToPath(page);
    expect(path.dirname(file)).toBe(profile);
    expect(fs.statSync(profile).mode & 0o777).toBe(0o700);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toContain(`url=http://127.0.0.1:4567/?launch=${code}`);
    expect(() => writeLaunchPage(profile, 'javascript:alert(1)')).toThrow();
  });

  it("gives the page's V8 the small young generation that bench:face measured", () => {
    const args = chromiumKioskArgs('file:///x', '/tmp/xiangyin-chromium-abc', { kiosk: true });
    expect(args).toContain(`--js-flags=${RENDERER_JS_FLAGS}`);
    expect(RENDERER_JS_FLAGS).toMatch(/^--max-semi-space-size=\d$/);
  });

  it('headless, stands in for a station display of 1920×1080 (its own default is 800×600); with a display, leaves the size to it', () => {
    expect(chromiumKioskArgs('file:///x', '/tmp/xiangyin-chromium-abc', { kiosk: true, headless: true })).toContain(`--screen-info={${HEADLESS_SCREEN.width}x${HEADLESS_SCREEN.height}}`);
    expect(HEADLESS_SCREEN).toEqual({ width: 1920, height: 1080 });
    expect(chromiumKioskArgs('file:///x', '/tmp/xiangyin-chromium-abc', { kiosk: true }).some((a) => a.startsWith('--screen-info'))).toBe(false);
  });

  it('turns crash reporting off and keeps any dump inside the temporary profile', () => {
    const args = chromiumKioskArgs('file:///x', '/tmp/xiangyin-chromium-abc', { kiosk: true });
    expect(args).toContain('--disable-breakpad');
    expect(args).toContain('--disable-crash-reporter');
    const dumps = args.find((a) => a.startsWith('--crash-dumps-dir='));
    expect(dumps?.startsWith('--crash-dumps-dir=/tmp/xiangyin-chromium-abc/')).toBe(true);
    expect(args).toContain('--user-data-dir=/tmp/xiangyin-chromium-abc');
  });
});
