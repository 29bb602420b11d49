// catalogue:* and policy:* channels: what services this station offers, the full
// definitions the flows run on, and the offline policy knowledge base. Starts from
// the built-in data; sync installs newer versions through the 'catalogue' service.
import { builtinCatalogue } from '../../../common/catalogue/builtin.js';
import { summarize } from '../../../common/catalogue/summary.js';
import { compareCatalogueVersions, parseCatalogue, type Catalogue } from '../../../common/catalogue/schema/catalogue.js';
import { builtinPolicyIndex, parsePolicyKnowledgeBase } from '../../../common/policy/builtin.js';
import { createPolicyIndex, type PolicyIndex } from '../../../common/policy/search.js';
import type { ModuleFactory } from '../module.js';

/** What other areas (sync) use to read and replace the catalogue and the knowledge base. */
export interface CatalogueService {
  current(): Catalogue;
  policy(): PolicyIndex;
  /**
   * Installs a catalogue received through sync if it is newer than the current one.
   * Throws CatalogueError when it is invalid; the current catalogue stays in place.
   */
  install(json: unknown): { installed: boolean; version: string };
  /** Replaces the knowledge base (throws PolicyError when invalid, keeping the current one). */
  installPolicy(json: unknown): { version: string };
}

/**
 * The built-in knowledge base is indexed (every question's pinyin) on its first
 * search, not at station start: about 40 ms of CPU that would otherwise compete
 * with Chromium's own start for the first screen, which never needs it.
 */
export function createCatalogueService(initial: Catalogue = builtinCatalogue(), initialPolicy: () => PolicyIndex = builtinPolicyIndex): CatalogueService {
  let catalogue = initial;
  let policy: PolicyIndex | null = null;
  return {
    current: () => catalogue,
    policy: () => (policy ??= initialPolicy()),
    install(json) {
      const next = parseCatalogue(json);
      if (compareCatalogueVersions(next.version, catalogue.version) <= 0) return { installed: false, version: catalogue.version };
      catalogue = next;
      return { installed: true, version: next.version };
    },
    installPolicy(json) {
      policy = createPolicyIndex(parsePolicyKnowledgeBase(json));
      return { version: policy.kb.version };
    },
  };
}

export const catalogueModule: ModuleFactory = ({ config, services, platform }) => {
  const service = createCatalogueService();
  services.provide<CatalogueService>('catalogue', service);
  const log = platform.log.child('catalogue');
  log.info('catalogue ready', { version: service.current().version });
  return {
    name: 'catalogue',
    handlers: {
      'catalogue:list': () => {
        const cat = service.current();
        return { version: cat.version, services: summarize(cat, config.uiMode) };
      },
      'catalogue:get': () => ({ catalogue: service.current() }),
      // Queries are what residents said: they may name an illness or a family matter, so they are not logged.
      'policy:search': ({ query, topic, limit }) => {
        const index = service.policy();
        const hits = query.trim() ? index.search(query, { limit: limit ?? 5, ...(topic ? { topic } : {}) }) : topic ? index.byTopic(topic).slice(0, limit ?? 20) : [];
        return { version: index.kb.version, topic: query.trim() ? index.topicOf(query) : (topic ?? null), hits };
      },
      'policy:topics': () => {
        const index = service.policy();
        return { version: index.kb.version, topics: index.kb.topics.map((t) => ({ id: t.id, label: t.label, count: index.byTopic(t.id).length })) };
      },
    },
  };
};
