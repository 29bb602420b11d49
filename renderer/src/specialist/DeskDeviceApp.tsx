// The whole app on a specialist's own device (a browser on the station's LAN, or
// a second screen), opened at the web host's desk listener: the desk and
// nothing else — its PIN login, then the queue, devices, sync, today and the
// residents' calls for help. No resident screens, no card reader, no
// inactivity guard of the resident's: this screen is not theirs (and the
// station refuses a resident's channels from it anyway). 返回 and 首页 have
// nowhere to go. 代办 stays at the kiosk, where the resident and the printer are.
import { useMemo } from 'react';
import { NavContext, type Nav } from '../app/navigation.js';
import { useSpatialNavigation } from '../focus/useSpatialNavigation.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { DeskScreen } from './DeskScreen.js';

const nowhere = () => undefined;

export function DeskDeviceApp() {
  const { stop } = useReadAloud();
  const nav: Nav = useMemo(() => ({ route: { name: 'specialist' }, depth: 0, go: nowhere, back: nowhere, home: nowhere, lastService: null }), []);
  useSpatialNavigation(useMemo(() => ({ onBack: nowhere, onHome: nowhere, onKey: () => stop() }), [stop]));
  return (
    <NavContext.Provider value={nav}>
      <DeskScreen />
    </NavContext.Provider>
  );
}
