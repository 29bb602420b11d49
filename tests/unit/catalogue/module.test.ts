import { describe, expect, it } from 'vitest';
import { builtinCatalogueInput } from '../../../common/catalogue/builtin.js';
import { CatalogueError } from '../../../common/catalogue/schema/catalogue.js';
import { builtinPolicyIndex } from '../../../common/policy/builtin.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { silentLogger } from '../../../main/core/logger.js';
import { memorySecretStore } from '../../../main/core/key-file-secrets.js';
import { catalogueModule, createCatalogueService, type CatalogueService } from '../../../main/core/modules/catalogue.js';
import { createStation } from '../../../main/core/station.js';

const platform = { dataDir: '/tmp/unused', now: () => new Date(), log: silentLogger, secrets: memorySecretStore(), env: {} };
const ctx = { host: 'web' as const, connection: 'test' };

async function station(uiMode: 'kiosk' | 'tv') {
  return createStation({ config: parseStationConfig({ uiMode }), platform, host: 'web', modules: [catalogueModule] });
}

describe('catalogue module over the dispatcher', () => {
  it('lists every tile on the kiosk, and only the home services on a TV', async () => {
    const kiosk = await station('kiosk');
    const tv = await station('tv');
    try {
      const k = await kiosk.dispatcher.call('catalogue:list', {}, ctx);
      const t = await tv.dispatcher.call('catalogue:list', {}, ctx);
      if (!k.ok || !t.ok) throw new Error('list failed');
      const kv = k.value as { version: string; services: { id: string; title: string; available: boolean }[] };
      const tvv = t.value as typeof kv;
      expect(kv.version).toBe(builtinCatalogueInput.version);
      expect(kv.services).toHaveLength(8);
      expect(kv.services.every((s) => s.available)).toBe(true);
      expect(kv.services[0]).toMatchObject({ id: 'pension-certification', title: '养老资格认证' });
      expect(tvv.services.filter((s) => s.available).map((s) => s.id)).toEqual([
        'pension-certification',
        'social-insurance-query',
        'medical-insurance-payment',
        'application-status',
        'policy-qa',
      ]);
    } finally {
      await kiosk.dispose();
      await tv.dispose();
    }
  });

  it('returns the full catalogue and answers policy questions within the contract', async () => {
    const s = await station('kiosk');
    try {
      const got = await s.dispatcher.call('catalogue:get', {}, ctx);
      expect(got.ok && (got.value as { catalogue: { services: unknown[] } }).catalogue.services).toHaveLength(8);

      const found = await s.dispatcher.call('policy:search', { query: '医保一年交多少钱' }, ctx);
      expect(found).toMatchObject({ ok: true, value: { topic: 'medical-insurance' } });
      expect(found.ok && (found.value as { hits: { id: string }[] }).hits[0]?.id).toBe('medical-amount');

      const listed = await s.dispatcher.call('policy:search', { topic: 'certificate' }, ctx);
      expect(listed.ok && (listed.value as { hits: unknown[] }).hits).toHaveLength(4);

      const neither = await s.dispatcher.call('policy:search', {}, ctx);
      expect(neither).toMatchObject({ ok: false, error: { code: 'invalid-args' } });

      const topics = await s.dispatcher.call('policy:topics', {}, ctx);
      expect(topics.ok && (topics.value as { topics: { count: number }[] }).topics.reduce((n, t) => n + t.count, 0)).toBeGreaterThanOrEqual(40);
    } finally {
      await s.dispose();
    }
  });

  it('publishes the service so sync can install a newer catalogue', async () => {
    const s = await station('kiosk');
    try {
      const svc = s.services.get<CatalogueService>('catalogue');
      expect(svc).toBeDefined();
      const newer = JSON.parse(JSON.stringify(builtinCatalogueInput));
      newer.version = '2027.1.0';
      newer.services = newer.services.filter((x: { id: string }) => x.id !== 'subsistence-allowance');
      expect(svc?.install(JSON.stringify(newer))).toEqual({ installed: true, version: '2027.1.0' });
      const list = await s.dispatcher.call('catalogue:list', {}, ctx);
      expect(list.ok && (list.value as { version: string; services: unknown[] })).toMatchObject({ version: '2027.1.0' });
      expect(list.ok && (list.value as { services: unknown[] }).services).toHaveLength(7);
    } finally {
      await s.dispose();
    }
  });
});

describe('catalogue service', () => {
  it('never moves back to an older version and keeps the current one when the new one is invalid', () => {
    const svc = createCatalogueService();
    const older = { ...builtinCatalogueInput, version: '2026.1.0' };
    expect(svc.install(older)).toEqual({ installed: false, version: builtinCatalogueInput.version });
    expect(() => svc.install('{not json')).toThrow(CatalogueError);
    expect(() => svc.install({ ...builtinCatalogueInput, version: '2099.1.0', services: [] })).toThrow(CatalogueError);
    expect(svc.current().version).toBe(builtinCatalogueInput.version);
  });

  it('indexes the knowledge base at its first use, once, not when the station starts', () => {
    let built = 0;
    const svc = createCatalogueService(undefined, () => {
      built++;
      return builtinPolicyIndex();
    });
    expect(built).toBe(0);
    expect(svc.policy().search('养老金什么时候发').length).toBeGreaterThan(0);
    svc.policy();
    expect(built).toBe(1);
  });

  it('replaces the knowledge base only with a valid one', () => {
    const svc = createCatalogueService();
    const kb = svc.policy().kb;
    expect(() => svc.installPolicy({ ...kb, entries: [] })).toThrow(/invalid/);
    expect(svc.installPolicy({ ...kb, version: '2027.1.0', entries: kb.entries.slice(0, 3) })).toEqual({ version: '2027.1.0' });
    expect(svc.policy().kb.entries).toHaveLength(3);
  });
});
