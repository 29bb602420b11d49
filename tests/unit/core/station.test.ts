import { describe, expect, it } from 'vitest';
import { createStation } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { silentLogger } from '../../../main/core/logger.js';
import { memorySecretStore } from '../../../main/core/key-file-secrets.js';
import type { ModuleFactory } from '../../../main/core/module.js';

const platform = { dataDir: '/tmp/unused', now: () => new Date(), log: silentLogger, secrets: memorySecretStore(), env: {} };
const config = parseStationConfig({});

describe('station core', () => {
  it('starts modules in order, shares services, and disposes in reverse', async () => {
    const log: string[] = [];
    const a: ModuleFactory = ({ services }) => {
      services.provide('a', 42);
      log.push('start a');
      return { name: 'a', dispose: () => void log.push('stop a') };
    };
    const b: ModuleFactory = ({ services }) => {
      log.push(`start b sees ${services.get<number>('a')}`);
      return { name: 'b', dispose: () => void log.push('stop b') };
    };
    const s = await createStation({ config, platform, host: 'web', modules: [a, b] });
    await s.dispose();
    await s.dispose();
    expect(log).toEqual(['start a', 'start b sees 42', 'stop b', 'stop a']);
  });

  it('disposes what started when a later module fails, and rethrows', async () => {
    const log: string[] = [];
    const ok: ModuleFactory = () => ({ name: 'ok', dispose: () => void log.push('stop ok') });
    const bad: ModuleFactory = () => {
      throw new Error('port busy');
    };
    await expect(createStation({ config, platform, host: 'web', modules: [ok, bad] })).rejects.toThrow('port busy');
    expect(log).toEqual(['stop ok']);
  });

  it('refuses two modules handling the same channel', async () => {
    const m: ModuleFactory = () => ({ name: 'm', handlers: { 'station:status': () => ({}) as never } });
    await expect(createStation({ config, platform, host: 'web', modules: [m, m] })).rejects.toThrow(/two modules/);
  });

  it('builds the default station from an empty config and answers app:info', async () => {
    const s = await createStation({ config: parseStationConfig({ dataDir: undefined }), platform: { ...platform, dataDir: (await import('node:fs')).mkdtempSync('/tmp/xy-station-') }, host: 'web' });
    try {
      const r = await s.dispatcher.call('app:info', {}, { host: 'web', connection: 'test' });
      expect(r).toMatchObject({ ok: true, value: { host: 'web', uiMode: 'kiosk' } });
      const list = await s.dispatcher.call('catalogue:list', {}, { host: 'web', connection: 'test' });
      expect(list.ok).toBe(true);
    } finally {
      await s.dispose();
    }
  });
});
