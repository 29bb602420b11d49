// Specialist desk channels (PIN login, session). Owned by the specialist area.
export const specialistChannels = {} as const;
