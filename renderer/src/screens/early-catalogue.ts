// The home screen's tiles come from catalogue:list. The web host usually gives
// the first answer with the page (api/first-screen.ts): it is seeded here and
// the first home screen draws its tiles in its first render. Otherwise it is
// asked as soon as the socket is there (main.tsx), alongside App's app:info,
// rather than only once App has its answer and has rendered the home screen.
import type { KioskApi } from '../../../common/ipc/client.js';
import type { ResultOf } from '../../../common/ipc/contract.js';
import type { IpcResult } from '../../../common/ipc/result.js';

type Catalogue = IpcResult<ResultOf<'catalogue:list'>>;

let early: Promise<Catalogue> | null = null;
let seeded: ResultOf<'catalogue:list'> | null = null;

export function askCatalogueEarly(api: KioskApi): void {
  early = api.call('catalogue:list', {});
}

export function seedCatalogue(catalogue: ResultOf<'catalogue:list'>): void {
  seeded = catalogue;
}

/** The seeded catalogue, if the first home screen has not taken it yet (read in its first render: no side effect). */
export function seededCatalogue(): ResultOf<'catalogue:list'> | null {
  return seeded;
}

/** Marks the seed as drawn; true when there was one (the screen then asks for nothing). */
export function takeSeededCatalogue(): boolean {
  const had = seeded !== null;
  seeded = null;
  return had;
}

/** The tiles' catalogue: the early answer the first time, asked afresh every later visit. */
export function homeCatalogue(api: KioskApi): Promise<Catalogue> {
  const p = early ?? api.call('catalogue:list', {});
  early = null;
  return p;
}
