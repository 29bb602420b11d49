// Where a specialist's tablet opens the desk, shown in the desk's own 设备状态:
// the technician setting up a tablet reads the address and the certificate's
// fingerprint on the kiosk itself, not in a log. Provided (as a service) by the
// host that started the desk listener, web host or Electron.

export interface DeskListenerInfo {
  url: string;
  /** SHA-256 of the desk's certificate (AB:CD:…), or null for a desk on loopback (plain HTTP). */
  certificateSha256: string | null;
}

export const DESK_LISTENER_SERVICE = 'desk-listener';
