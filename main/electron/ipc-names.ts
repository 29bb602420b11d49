// The Electron IPC channel names that carry the contract. Only these three exist;
// the contract's channel name travels as an argument and is checked on both sides.
export const ELECTRON_CALL = 'xiangyin:call';
export const ELECTRON_SUBSCRIBE = 'xiangyin:subscribe';
export const ELECTRON_UNSUBSCRIBE = 'xiangyin:unsubscribe';
export const ELECTRON_EVENT = 'xiangyin:event';
export const APP_ORIGIN = 'app://kiosk';
