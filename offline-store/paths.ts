// Where the kiosk keeps things. The key folder (used when secrets are key files,
// i.e. under the web host) sits beside the data folder, not in it, so copying
// the data folder does not copy its key; the web host (main/webhost/launch.ts)
// and the CLI both use this location.
import path from 'node:path';

export interface StorePaths {
  dbFile: string;
  keysDir: string;
  serverDir: string;
}

export function storePaths(dataDir: string): StorePaths {
  return {
    dbFile: path.join(dataDir, 'store', 'kiosk.db'),
    keysDir: path.join(path.dirname(dataDir), 'xiangyin-keys'),
    serverDir: path.join(dataDir, 'sync-server'),
  };
}
