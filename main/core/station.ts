// The station core: the host-agnostic composition root. It builds every service
// from the validated station config, in dependency order, and tears them down in
// reverse. The Electron shell and the web host each create one Station and hand
// its dispatcher to their transport; neither knows what is behind it.
import type { StationConfig } from './config.js';
import { assertProductionReady } from './production.js';
import type { Platform } from './platform.js';
import { StatusHub } from './status-hub.js';
import { nextTurn, startupMark } from './startup-trace.js';
import { createDispatcher, type DeskAuthority, type Dispatcher } from './dispatcher.js';
import type { Handlers, ModuleFactory, ServiceRegistry, StationModule, StreamSources } from './module.js';
import { defaultModules } from './modules/index.js';
import { DESK_SESSION_SERVICE } from './modules/specialist.js';
import { installPinyinEngine } from '../../speech/pinyin-engine.js';

export interface Station {
  readonly config: StationConfig;
  readonly status: StatusHub;
  readonly dispatcher: Dispatcher;
  readonly services: ServiceRegistry;
  dispose(): Promise<void>;
}

function createRegistry(): ServiceRegistry {
  const map = new Map<string, unknown>();
  return {
    get: <T>(name: string) => map.get(name) as T | undefined,
    provide: (name, service) => {
      if (map.has(name)) throw new Error(`service ${name} provided twice`);
      map.set(name, service);
    },
  };
}

export async function createStation(opts: {
  config: StationConfig;
  platform: Platform;
  host: 'electron' | 'web';
  modules?: ModuleFactory[];
}): Promise<Station> {
  const { config, platform, host } = opts;
  // Before anything opens a port, a file or a login: a production config unfit to run is refused whole.
  assertProductionReady(config);
  const log = platform.log;
  // Matching by sound (the catalogue, the flow's answers, the policy questions) reads pinyin too, with or without recognition.
  installPinyinEngine();
  const status = new StatusHub();
  const services = createRegistry();
  const started: StationModule[] = [];
  const handlers: Handlers = {};
  const sources: StreamSources = {};

  const disposeAll = async () => {
    for (const m of [...started].reverse()) {
      try {
        await m.dispose?.();
      } catch (e) {
        log.error('module failed to dispose', { module: m.name, error: (e as Error)?.message });
      }
    }
    started.length = 0;
  };

  try {
    for (const factory of opts.modules ?? defaultModules) {
      const mod = await factory({ config, platform, status, host, services });
      started.push(mod);
      for (const [name, h] of Object.entries(mod.handlers ?? {})) {
        if (name in handlers) throw new Error(`channel ${name} handled by two modules`);
        (handlers as Record<string, unknown>)[name] = h;
      }
      for (const [name, s] of Object.entries(mod.streams ?? {})) {
        if (name in sources) throw new Error(`stream ${name} sourced by two modules`);
        (sources as Record<string, unknown>)[name] = s;
      }
      log.info('module started', { module: mod.name });
      startupMark(log, `module ${mod.name}`);
      // A turn of the event loop between areas: the web host is already serving
      // (Chromium starts while the station does), and its first page should not
      // wait for every area's synchronous start in one block.
      await nextTurn();
    }
  } catch (e) {
    // A half-built station must not leak ports, files or child processes.
    await disposeAll();
    throw e;
  }

  let disposed = false;
  return {
    config,
    status,
    services,
    // The desk's sessions decide who may call 'specialist' channels; without the
    // specialist area (a test's module list) nobody can.
    dispatcher: createDispatcher(handlers, sources, log.child('ipc'), () => services.get<DeskAuthority>(DESK_SESSION_SERVICE)),
    async dispose() {
      if (disposed) return;
      disposed = true;
      await disposeAll();
      log.info('station stopped');
    },
  };
}
