import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadStationConfig, parseStationConfig } from '../../../main/core/config.js';

describe('station config', () => {
  it('gives a working kiosk from an empty object: simulated devices, embedded sync', () => {
    const c = parseStationConfig({});
    expect(c.uiMode).toBe('kiosk');
    expect(c.devices.idcard.type).toBe('simulator');
    expect(c.devices.printer.type).toBe('simulator');
    expect(c.sync.server).toBe('embedded');
    expect(c.ui.idleSeconds).toBe(60);
    expect(c.ui.warningSeconds).toBe(20);
  });

  it('refuses unknown keys and wrong types with a message naming the field', () => {
    expect(() => parseStationConfig({ uiMode: 'phone' })).toThrow(/uiMode/);
    expect(() => parseStationConfig({ typo: 1 })).toThrow(ConfigError);
    expect(() => parseStationConfig({ ui: { idleSeconds: 1 } })).toThrow(/ui\.idleSeconds/);
  });

  it('loads the example config shipped in the repo', () => {
    const c = loadStationConfig(path.join(import.meta.dirname, '..', '..', '..', 'station.example.json'));
    expect(c.stationName.length).toBeGreaterThan(0);
  });

  it('reports unreadable and malformed files clearly', () => {
    expect(() => loadStationConfig('/nonexistent/station.json')).toThrow(/Cannot read station config/);
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cfg-')), 's.json');
    fs.writeFileSync(f, '{ nope');
    expect(() => loadStationConfig(f)).toThrow(/not valid JSON/);
  });
});
