// Who may log in at the desk: the station config's `specialists`, or — only when
// that list is empty — one development specialist so that `{}` still gives a
// working development kiosk. The development PIN is public (it is in the README),
// so the station warns about it at every start.
import type { SpecialistConfig } from '../../common/domain/specialist.js';
import { hashPin } from './pin-hash.js';

export const DEV_SPECIALIST = { id: 'dev', name: '开发测试员', pin: '135790' } as const;

export interface Roster {
  readonly specialists: readonly SpecialistConfig[];
  /** True when the roster is the development specialist. */
  readonly development: boolean;
}

export async function buildRoster(configured: readonly SpecialistConfig[]): Promise<Roster> {
  if (configured.length > 0) return { specialists: configured, development: false };
  // The development PIN is public, so a slow hash would protect nothing and only
  // slow every start of a development kiosk: a cheap cost parameter is enough.
  const pinHash = await hashPin(DEV_SPECIALIST.pin, { N: 1 << 10, r: 8, p: 1 });
  return { specialists: [{ id: DEV_SPECIALIST.id, name: DEV_SPECIALIST.name, pinHash }], development: true };
}
