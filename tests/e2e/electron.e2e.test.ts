// The same keyboard journey inside the real Electron shell, through the preload
// transport. The Electron binary cannot be downloaded on the build machines, so
// this runs only where it is installed and otherwise says so plainly (and counts
// as skipped, not passed).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { repoRoot } from '../support/kiosk-process.js';
import { spawnSync } from 'node:child_process';

function electronBinary(): string | null {
  try {
    const rel = fs.readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'path.txt'), 'utf8').trim();
    const bin = path.join(repoRoot, 'node_modules', 'electron', 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) console.log('SKIPPED: electron binary not installed');

describe.skipIf(!binary)('Electron shell', () => {
  let app: ElectronApplication | undefined;
  afterAll(async () => {
    await app?.close();
  });

  it('runs the home → tile → back journey through the preload bridge', async () => {
    const built = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'node'), ['scripts/build-electron.mjs'], { cwd: repoRoot });
    expect(built.status).toBe(0);
    app = await electron.launch({ executablePath: binary!, args: [repoRoot], cwd: repoRoot, env: { ...process.env, XDG_DATA_HOME: fs.mkdtempSync('/tmp/xy-electron-') } });
    const page = await app.firstWindow();
    await page.waitForSelector('.tile');
    expect(await page.evaluate(() => document.documentElement.dataset.transport)).toBe('preload');
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    const bad = await page.evaluate(() => (window as unknown as { kiosk: { call(c: string, a: unknown): Promise<unknown> } }).kiosk.call('nope:nope', {}));
    expect(bad).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen="service-social-insurance-query"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-screen="home"]');
  });
});
