// Where the kiosk keeps things under its data folder. The key folder is a sibling
// of the database folder on purpose: copying `store/` does not copy its key.
import path from 'node:path';

export interface StorePaths {
  dbFile: string;
  keysDir: string;
  serverDir: string;
}

export function storePaths(dataDir: string): StorePaths {
  return {
    dbFile: path.join(dataDir, 'store', 'kiosk.db'),
    keysDir: path.join(dataDir, 'keys'),
    serverDir: path.join(dataDir, 'sync-server'),
  };
}
