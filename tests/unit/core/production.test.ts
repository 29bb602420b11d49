// A station in production mode refuses to start with the embedded reference sync
// server (applications would never leave the kiosk) or with the development
// specialist (a public PIN), saying why in a typed error, before any area opens
// a port or a file. `{}` stays a working development kiosk, and the example the
// .deb installs is production-shaped, so it refuses until it is completed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStationConfig, parseStationConfig } from '../../../main/core/config.js';
import { silentLogger } from '../../../main/core/logger.js';
import type { ModuleFactory } from '../../../main/core/module.js';
import { ProductionConfigError } from '../../../main/core/production.js';
import { createStation } from '../../../main/core/station.js';
import { memorySecretStore } from '../../../offline-store/keys/secret-store.js';

const pinHash = 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=';
const specialists = [{ id: 'li.min', name: '李敏', pinHash }];
const serverPublicKey = crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
const realServer = { server: 'https://sync.hubei.example.gov.cn/xiangyin', serverPublicKey };
const realLinks = { payment: 'https://pay.hubei.example.gov.cn/yibao?order={order}&amount={amount}', status: 'https://zwfw.hubei.example.gov.cn/track/{tracking}' };

/** Counts the areas the station started: a refused station must start none. */
function probe() {
  const started: string[] = [];
  const mod: ModuleFactory = () => (started.push('probe'), { name: 'probe' });
  return { started, modules: [mod] };
}

async function start(raw: unknown) {
  const { started, modules } = probe();
  const platform = { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'xy-production-')), now: () => new Date(), log: silentLogger, secrets: memorySecretStore(), env: {} };
  try {
    const s = await createStation({ config: parseStationConfig(raw), platform, host: 'web', modules });
    await s.dispose();
    return { error: null, started };
  } catch (e) {
    return { error: e, started };
  } finally {
    fs.rmSync(platform.dataDir, { recursive: true, force: true });
  }
}

describe('production mode', () => {
  it('refuses the embedded sync server, saying why, and starts nothing', async () => {
    const r = await start({ mode: 'production', specialists, sync: { server: 'embedded' }, links: realLinks });
    expect(r.error).toBeInstanceOf(ProductionConfigError);
    expect((r.error as ProductionConfigError).codes).toEqual(['embedded-sync-server']);
    expect((r.error as Error).message).toMatch(/sync\.server is "embedded"/);
    expect(r.started).toEqual([]);
  });

  it('refuses the development specialist (no specialists listed), saying why, and starts nothing', async () => {
    const r = await start({ mode: 'production', sync: realServer, links: realLinks });
    expect(r.error).toBeInstanceOf(ProductionConfigError);
    expect((r.error as ProductionConfigError).codes).toEqual(['development-specialist']);
    expect((r.error as Error).message).toMatch(/development specialist "dev"/);
    expect(r.started).toEqual([]);
  });

  it('lists every reason at once, so one edit fixes the config', async () => {
    const r = await start({ mode: 'production' });
    expect((r.error as ProductionConfigError).codes).toEqual(['embedded-sync-server', 'development-specialist', 'placeholder-links']);
  });

  it('starts with a real sync server and configured specialists', async () => {
    const r = await start({ mode: 'production', specialists, sync: realServer, links: realLinks });
    expect(r.error).toBeNull();
    expect(r.started).toEqual(['probe']);
  });

  it('refuses placeholder QR links: codes on screen and paper would lead nowhere', async () => {
    const r = await start({ mode: 'production', specialists, sync: realServer, links: { status: realLinks.status } });
    expect((r.error as ProductionConfigError).codes).toEqual(['placeholder-links']);
    expect((r.error as Error).message).toMatch(/links\.payment or links\.status is still a placeholder/);
    expect(r.started).toEqual([]);
  });

  it('refuses pinned face-check challenges: a known sequence is easier to replay to the camera', async () => {
    const r = await start({ mode: 'production', specialists, sync: realServer, links: realLinks, face: { challenges: ['blink'] } });
    expect((r.error as ProductionConfigError).codes).toEqual(['pinned-face-challenges']);
    expect((r.error as Error).message).toMatch(/face\.challenges pins what the face check asks/);
    // A development station may pin them (the e2e tests do); an unknown challenge is a config error.
    expect((await start({ face: { challenges: ['blink', 'turn-left'] } })).started).toEqual(['probe']);
    expect(() => parseStationConfig({ face: { challenges: ['wink'] } })).toThrow(/face\.challenges/);
  });

  it('keeps `{}` a working development kiosk: embedded server and the development specialist', async () => {
    const c = parseStationConfig({});
    expect([c.mode, c.sync.server, c.specialists]).toEqual(['development', 'embedded', []]);
    expect((await start({})).started).toEqual(['probe']);
  });

  it('the shipped example (installed as /etc/xiangyin/station.json) is production-shaped and refuses until completed', async () => {
    const example = loadStationConfig(path.join(import.meta.dirname, '..', '..', '..', 'station.example.json'));
    expect(example.mode).toBe('production');
    expect(example.sync.server).not.toBe('embedded');
    const r = await start(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'station.example.json'), 'utf8')));
    expect((r.error as ProductionConfigError).codes).toEqual(['placeholder-sync-server', 'placeholder-server-key', 'development-specialist', 'placeholder-links']);
    // Completed as the README says, it starts.
    expect((await start({ ...JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'station.example.json'), 'utf8')), sync: realServer, specialists, links: realLinks })).started).toEqual(['probe']);
  });
});
