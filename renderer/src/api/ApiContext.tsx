import { createContext, useContext } from 'react';
import type { KioskApi } from '../../../common/ipc/client.js';

export const ApiContext = createContext<KioskApi | null>(null);

export function useApi(): KioskApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
