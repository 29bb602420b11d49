// What can be checked of the packaging without the Electron binary: targets,
// files the config points at, and that every native module has a prebuilt
// binary for the arm64 set-top boxes as well as x64 kiosks.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../electron.config.js';
import { repoRoot } from '../../support/kiosk-process.js';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main: string };

describe('electron-builder config', () => {
  it('builds deb and AppImage for x64 and arm64', () => {
    const targets = (config.linux?.target ?? []) as { target: string; arch: string[] }[];
    for (const t of ['deb', 'AppImage']) {
      const entry = targets.find((x) => x.target === t);
      expect(entry?.arch).toEqual(expect.arrayContaining(['x64', 'arm64']));
    }
  });

  it('points at files that exist', () => {
    expect(pkg.main).toBe('dist/electron/main.js');
    const script = path.join(repoRoot, String(config.deb?.afterInstall));
    expect(fs.statSync(script).mode & 0o111).not.toBe(0);
    for (const r of config.extraResources as { from: string }[]) {
      if (r.from === 'models') continue; // provisioned at set-up, not in git
      expect(fs.existsSync(path.join(repoRoot, r.from)), r.from).toBe(true);
    }
    expect(fs.readFileSync(path.join(repoRoot, 'build/kiosk/xiangyin-kiosk.desktop'), 'utf8')).toMatch(/^Exec=\/opt\/Xiangyin\//m);
  });

  it('never rebuilds natives (no compiler on the build machines) and every native has linux x64 and arm64 prebuilds', () => {
    expect(config.npmRebuild).toBe(false);
    const prebuilds: Record<string, string[]> = {
      'better-sqlite3-multiple-ciphers/prebuilds': ['linux-x64.node', 'linux-arm64.node'],
      '@serialport/bindings-cpp/prebuilds': ['linux-x64', 'linux-arm64'],
      'node-hid/prebuilds': ['HID-linux-x64', 'HID-linux-arm64'],
    };
    for (const [dir, names] of Object.entries(prebuilds)) {
      for (const n of names) expect(fs.existsSync(path.join(repoRoot, 'node_modules', dir, n)), `${dir}/${n}`).toBe(true);
    }
    // koffi ships one npm package per platform; npm installs only the host's.
    expect(fs.existsSync(path.join(repoRoot, 'node_modules/@koromix/koffi-linux-x64'))).toBe(true);
  });

  it('flips the security fuses at packaging: no run-as-node, NODE_OPTIONS or --inspect; app.asar only, integrity-checked; cookies encrypted', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The installed electron-builder knows the option (it applies it with @electron/fuses).
    const scheme = fs.readFileSync(path.join(repoRoot, 'node_modules/app-builder-lib/scheme.json'), 'utf8');
    expect(scheme).toContain('"electronFuses"');
    expect(fs.existsSync(path.join(repoRoot, 'node_modules/@electron/fuses/package.json'))).toBe(true);
  });

  it('runs a keyring in the kiosk session and depends on its packages, so safeStorage never falls back to basic_text', () => {
    expect(config.deb?.depends).toEqual(expect.arrayContaining(['gnome-keyring', 'libsecret-1-0', 'dbus-user-session']));
    const session = fs.readFileSync(path.join(repoRoot, 'build/kiosk/kiosk-session.sh'), 'utf8');
    expect(session).toMatch(/gnome-keyring-daemon --unlock/);
    expect(session).toMatch(/dbus-run-session/);
    expect(session).toMatch(/\/opt\/Xiangyin\/xiangyin --password-store=gnome-libsecret/);
  });
});
