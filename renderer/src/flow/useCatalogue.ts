// The full service catalogue from the station (it changes only through sync).
import { useEffect, useState } from 'react';
import type { Catalogue } from '../../../common/catalogue/schema/catalogue.js';
import { useApi } from '../api/ApiContext.js';

export function useCatalogue(): { catalogue: Catalogue | null; failed: boolean } {
  const api = useApi();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void api.call('catalogue:get', {}).then((r) => {
      if (!live) return;
      if (r.ok) setCatalogue(r.value.catalogue);
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return { catalogue, failed };
}
