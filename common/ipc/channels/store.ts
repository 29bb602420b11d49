// Store and sync channels (applications, queue, sync status). Owned by the store area.
export const storeChannels = {} as const;
export const storeStreams = {} as const;
