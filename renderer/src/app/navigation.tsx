// A tiny stack router: the kiosk has no URL bar, so screens are a stack of
// typed routes. 返回 pops, 首页 resets; both always exist in the same place.
import { createContext, useContext } from 'react';
import type { ServiceId } from '../../../common/domain/catalogue-summary.js';

export type Route = { name: 'home' } | { name: 'service'; serviceId: ServiceId; onBehalf?: boolean } | { name: 'specialist' };

export interface Nav {
  route: Route;
  depth: number;
  go(route: Route): void;
  back(): void;
  home(): void;
  /**
   * The service last opened from the home screen in this visit: back home, its
   * tile takes focus again instead of the first (null for a new resident).
   */
  lastService: ServiceId | null;
}

export const NavContext = createContext<Nav | null>(null);

export function useNav(): Nav {
  const v = useContext(NavContext);
  if (!v) throw new Error('useNav outside NavContext');
  return v;
}

/** Screens after the home screen belong to a resident's session. */
export function holdsPersonalData(route: Route): boolean {
  return route.name !== 'home';
}
