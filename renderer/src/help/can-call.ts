// Where a resident can call the specialist: at a station kiosk (a TV box at home
// has nobody to come), not from the desk itself, and not during a service a
// specialist is running for a resident (代办: the specialist is already there).

/**
 * The parts of a route (app/navigation.tsx's Route) that decide it; spelled out
 * here so this rule stays a plain .ts module the unit tests can load.
 */
export interface RouteLike {
  readonly name: 'home' | 'service' | 'specialist';
  readonly onBehalf?: boolean;
}

export function canCallForHelp(uiMode: 'kiosk' | 'tv', route: RouteLike): boolean {
  if (uiMode !== 'kiosk') return false;
  if (route.name === 'specialist') return false;
  return !(route.name === 'service' && route.onBehalf === true);
}
