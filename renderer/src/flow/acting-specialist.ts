// Who is acting for the resident (代办), if anyone: the logged-in specialist.
// The specialist desk provides the session; until it is mounted, nobody is.
import { createContext, useContext } from 'react';

export interface ActingSpecialist {
  id: string;
  name: string;
}

export const ActingSpecialistContext = createContext<ActingSpecialist | null>(null);

export function useActingSpecialist(): ActingSpecialist | null {
  return useContext(ActingSpecialistContext);
}
