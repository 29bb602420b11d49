// Whether a call for the specialist is open at this station, from the station
// status (the same stream the status bar reads).
import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext.js';

export function useHelpOpen(): boolean {
  const api = useApi();
  const [open, setOpen] = useState(false);
  useEffect(() => api.subscribe('station:status-changed', {}, (s) => setOpen(s.help.open)), [api]);
  return open;
}
