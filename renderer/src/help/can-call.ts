// Where a resident can call the specialist: at a station kiosk (a TV box at home
// has nobody to come), not from the desk itself, and not during a service a
// specialist is running for a resident (代办: the specialist is already there).
import type { Route } from '../app/navigation.js';

export function canCallForHelp(uiMode: 'kiosk' | 'tv', route: Route): boolean {
  if (uiMode !== 'kiosk') return false;
  if (route.name === 'specialist') return false;
  return !(route.name === 'service' && route.onBehalf);
}
