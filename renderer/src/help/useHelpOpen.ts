// The state of the call for the specialist at this screen, from the station
// status (the same stream the status bar reads): open or not, and whether a
// specialist acknowledged it.
import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext.js';

export interface HelpState {
  open: boolean;
  acknowledged: boolean;
}

export function useHelpState(): HelpState {
  const api = useApi();
  const [state, setState] = useState<HelpState>({ open: false, acknowledged: false });
  useEffect(
    () =>
      api.subscribe('station:status-changed', {}, (s) =>
        setState((prev) => (prev.open === s.help.open && prev.acknowledged === s.help.acknowledged ? prev : { open: s.help.open, acknowledged: s.help.acknowledged })),
      ),
    [api],
  );
  return state;
}

export function useHelpOpen(): boolean {
  return useHelpState().open;
}
