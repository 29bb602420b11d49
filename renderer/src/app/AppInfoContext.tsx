import { createContext, useContext } from 'react';
import type { AppInfo } from '../../../common/ipc/channels/app.js';

export const AppInfoContext = createContext<AppInfo | null>(null);

export function useAppInfo(): AppInfo {
  const v = useContext(AppInfoContext);
  if (!v) throw new Error('useAppInfo outside AppInfoContext');
  return v;
}
