// The home screen's tiles come from catalogue:list. Asked as soon as the socket
// is there (main.tsx), alongside App's app:info, rather than only once App has
// its answer and has rendered the home screen: one round trip to a station that
// may still be busy starting, off the path to the first screen.
import type { KioskApi } from '../../../common/ipc/client.js';
import type { ResultOf } from '../../../common/ipc/contract.js';
import type { IpcResult } from '../../../common/ipc/result.js';

type Catalogue = IpcResult<ResultOf<'catalogue:list'>>;

let early: Promise<Catalogue> | null = null;

export function askCatalogueEarly(api: KioskApi): void {
  early = api.call('catalogue:list', {});
}

/** The tiles' catalogue: the early answer the first time, asked afresh every later visit. */
export function homeCatalogue(api: KioskApi): Promise<Catalogue> {
  const p = early ?? api.call('catalogue:list', {});
  early = null;
  return p;
}
