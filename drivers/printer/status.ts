// Decoding of the four real-time status bytes (`DLE EOT 1..4`). Each reply byte
// has bit 1 and bit 4 set and bits 0 and 7 clear; anything else is not a status
// byte (line noise, or an echo from a printer in the wrong mode).
export interface PrinterStatus {
  offline: boolean;
  coverOpen: boolean;
  /** The paper-feed button is held. */
  feedButton: boolean;
  paperNearEnd: boolean;
  paperEnd: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
  autoRecoverableError: boolean;
}

export class StatusByteError extends Error {
  constructor(
    readonly query: number,
    readonly byte: number,
  ) {
    super(`DLE EOT ${query}: 0x${byte.toString(16).padStart(2, '0')} is not a status byte`);
    this.name = 'StatusByteError';
  }
}

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** Decodes the replies to DLE EOT 1, 2, 3 and 4, in that order. */
export function decodeStatus(bytes: readonly [number, number, number, number]): PrinterStatus {
  bytes.forEach((b, i) => {
    if (!isStatusByte(b)) throw new StatusByteError(i + 1, b);
  });
  const [printer, offline, error, paper] = bytes;
  return {
    offline: (printer & 0x08) !== 0,
    coverOpen: (offline & 0x04) !== 0,
    feedButton: (offline & 0x08) !== 0,
    paperEnd: (offline & 0x20) !== 0 || (paper & 0x60) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    cutterError: (error & 0x08) !== 0,
    unrecoverableError: (error & 0x20) !== 0,
    autoRecoverableError: (error & 0x40) !== 0,
  };
}

/** The reverse, for the simulator. */
export function encodeStatus(s: PrinterStatus): [number, number, number, number] {
  const base = 0x12;
  return [
    base | (s.offline ? 0x08 : 0),
    base | (s.coverOpen ? 0x04 : 0) | (s.feedButton ? 0x08 : 0) | (s.paperEnd ? 0x20 : 0) | (s.cutterError || s.unrecoverableError ? 0x40 : 0),
    base | (s.cutterError ? 0x08 : 0) | (s.unrecoverableError ? 0x20 : 0) | (s.autoRecoverableError ? 0x40 : 0),
    base | (s.paperNearEnd ? 0x0c : 0) | (s.paperEnd ? 0x60 : 0),
  ];
}

export const healthyStatus: PrinterStatus = {
  offline: false,
  coverOpen: false,
  feedButton: false,
  paperNearEnd: false,
  paperEnd: false,
  cutterError: false,
  unrecoverableError: false,
  autoRecoverableError: false,
};

/** The one thing that stops a print, most specific first; null when printing can go ahead. */
export function blockingProblem(s: PrinterStatus): 'paper-out' | 'cover-open' | 'cutter-error' | 'offline' | null {
  if (s.paperEnd) return 'paper-out';
  if (s.coverOpen) return 'cover-open';
  if (s.cutterError || s.unrecoverableError) return 'cutter-error';
  if (s.offline) return 'offline';
  return null;
}
