// What the store, sync and server CLIs share: the same config file, data folder
// and key location the kiosk uses (--config FILE, --data-dir DIR, else the
// config's dataDir, else the XDG default), so a technician's command reads the
// very store the kiosk writes. SQLite WAL lets both have it open at once.
import { loadStationConfig, type StationConfig } from '../core/config.js';
import { defaultDataDir } from '../core/platform.js';
import { keyFileSecretStore } from '../../offline-store/keys/key-file-store.js';
import type { SecretStore } from '../../offline-store/keys/secret-store.js';
import { storePaths, type StorePaths } from '../../offline-store/paths.js';

export interface CliContext {
  config: StationConfig;
  dataDir: string;
  paths: StorePaths;
  secrets: SecretStore;
  json: boolean;
  /** Arguments left after the shared options. */
  rest: string[];
}

export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function cliContext(args: string[]): CliContext {
  const rest: string[] = [];
  let configFile: string | undefined;
  let dataDirArg: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--config') configFile = args[++i];
    else if (a === '--data-dir') dataDirArg = args[++i];
    else if (a === '--json') json = true;
    else rest.push(a);
  }
  const config = loadStationConfig(configFile ?? process.env.XIANGYIN_CONFIG);
  const dataDir = dataDirArg ?? config.dataDir ?? defaultDataDir();
  const paths = storePaths(dataDir);
  // Under Electron the key is wrapped by safeStorage, which only the Electron
  // process can unwrap; these commands serve the web-host (key file) kiosks.
  return { config, dataDir, paths, secrets: keyFileSecretStore(paths.keysDir), json, rest };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
