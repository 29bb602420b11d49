// Device channels (ID card reader, printer, remote). Owned by the drivers area.
export const deviceChannels = {} as const;
export const deviceStreams = {} as const;
