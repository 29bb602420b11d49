// Which sync server addresses a kiosk may use. Residents' ID numbers travel in
// request bodies, so the link must be TLS: plain http:// is refused for anything
// but this machine itself (the embedded development server, tests), whatever
// any proxy or config says. The same check runs when the station config is
// read (a clear config error at start) and when a client is built.
import { SyncConfigError } from './errors.js';

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h === '[::1]' || h === '::1') return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255) && m[1] === '127';
}

/** Parses a sync server URL, refusing anything but https:// and loopback http://. */
export function checkSyncServerUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SyncConfigError('bad-url', `sync server ${JSON.stringify(raw)} is not a URL`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  if (url.protocol === 'http:') {
    throw new SyncConfigError(
      'insecure-url',
      `sync server ${url.origin} uses plain http:// to another machine; residents' data must travel over https:// (plain http is allowed only to 127.0.0.1, ::1 or localhost)`,
    );
  }
  throw new SyncConfigError('bad-url', `sync server ${url.origin}: only https:// (or http:// to this machine) is supported`);
}
