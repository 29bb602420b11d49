// Placeholder until the store & sync area (issue 3) lands: no store, status stays offline.
import type { ModuleFactory } from '../module.js';

export const storeSyncModule: ModuleFactory = () => ({ name: 'store-sync' });
