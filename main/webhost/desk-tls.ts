// TLS for the specialist desk on the station's LAN. A desk on loopback (a second
// screen or browser on this machine) stays plain HTTP: its traffic never leaves
// the machine. A desk on a LAN address carries the specialist's PIN, residents'
// names (masked) and the phone numbers to call back over the station's own
// network, often a shared Wi-Fi: there it is HTTPS, never plain.
//
// The certificate is the operator's (`webHost.desk.tls: { cert, key }`, e.g. from
// the province's own CA) or, by default, the station's own: made once by
// Debian's openssl, self-signed for the desk's addresses, kept beside the
// store's keys (the private key 0600) and made again when the desk's address is
// no longer one it names. A self-signed certificate makes the tablet's browser
// ask once; its SHA-256 fingerprint is printed at start so the technician can
// compare it with what the browser shows.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export type DeskTlsSetting = 'auto' | { cert: string; key: string };

export interface DeskTls {
  cert: Buffer;
  key: Buffer;
  /** SHA-256 of the certificate, as browsers show it (AB:CD:…). */
  fingerprint: string;
  /** Made here, self-signed (a browser asks once), or the operator's. */
  selfSigned: boolean;
}

/** The desk cannot be served safely on a LAN address: no certificate could be had. */
export class DeskTlsError extends Error {
  override readonly name = 'DeskTlsError';
}

export const DESK_CERT_FILE = 'desk-tls-cert.pem';
export const DESK_KEY_FILE = 'desk-tls-key.pem';
/** Ten years: a village station is not re-visited to renew a certificate its own tablet trusts. */
const DAYS = 3650;

const loopback = new net.BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether a listen address keeps the desk on this machine (then it needs no TLS). */
export function isLoopback(address: string): boolean {
  return loopback.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
}

/** The addresses a device may reach the desk at: the configured one, or every interface's for 0.0.0.0 / ::. */
export function deskAddresses(address: string, interfaces = os.networkInterfaces()): string[] {
  if (address !== '0.0.0.0' && address !== '::') return [address];
  const all = Object.values(interfaces)
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => !!i && (address === '::' || i.family === 'IPv4'))
    .map((i) => i.address.replace(/%.*$/, ''));
  return [...new Set(['127.0.0.1', ...all])];
}

/**
 * The desk's TLS material, or null when it listens on loopback with the default
 * setting. `keysDir`: where the station's own certificate is kept.
 */
export async function deskTls(opts: { setting: DeskTlsSetting; address: string; keysDir: string; interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]> }): Promise<DeskTls | null> {
  if (opts.setting !== 'auto') return operatorTls(opts.setting);
  if (isLoopback(opts.address)) return null;
  const wanted = deskAddresses(opts.address, opts.interfaces);
  const certFile = path.join(opts.keysDir, DESK_CERT_FILE);
  const keyFile = path.join(opts.keysDir, DESK_KEY_FILE);
  const existing = readPair(certFile, keyFile);
  if (existing && wanted.every((ip) => existing.x509.checkIP(ip) !== undefined) && new Date(existing.x509.validTo) > new Date()) {
    return { cert: existing.cert, key: existing.key, fingerprint: existing.x509.fingerprint256, selfSigned: true };
  }
  await makeSelfSigned(certFile, keyFile, wanted);
  const made = readPair(certFile, keyFile);
  if (!made) throw new DeskTlsError('the desk certificate just made cannot be read back');
  return { cert: made.cert, key: made.key, fingerprint: made.x509.fingerprint256, selfSigned: true };
}

function operatorTls(files: { cert: string; key: string }): DeskTls {
  let cert: Buffer;
  let key: Buffer;
  try {
    cert = fs.readFileSync(files.cert);
    key = fs.readFileSync(files.key);
  } catch (e) {
    throw new DeskTlsError(`webHost.desk.tls: cannot read the certificate or its key (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { cause: e });
  }
  let x509: crypto.X509Certificate;
  try {
    x509 = new crypto.X509Certificate(cert);
    if (!x509.checkPrivateKey(crypto.createPrivateKey(key))) throw new Error('the key is not the certificate’s');
  } catch (e) {
    throw new DeskTlsError(`webHost.desk.tls: not a PEM certificate and its private key (${(e as Error).message})`, { cause: e });
  }
  return { cert, key, fingerprint: x509.fingerprint256, selfSigned: false };
}

function readPair(certFile: string, keyFile: string): { cert: Buffer; key: Buffer; x509: crypto.X509Certificate } | null {
  try {
    const cert = fs.readFileSync(certFile);
    const key = fs.readFileSync(keyFile);
    const x509 = new crypto.X509Certificate(cert);
    return x509.checkPrivateKey(crypto.createPrivateKey(key)) ? { cert, key, x509 } : null;
  } catch {
    // Missing, damaged or mismatched: made again.
    return null;
  }
}

/** openssl writes the key itself (nothing secret on a command line), into a 0700 folder, then 0600. */
async function makeSelfSigned(certFile: string, keyFile: string, ips: string[]): Promise<void> {
  const dir = path.dirname(keyFile);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmpKey = `${keyFile}.${process.pid}.tmp`;
  const tmpCert = `${certFile}.${process.pid}.tmp`;
  const san = ips.map((ip) => `IP:${ip}`).join(',');
  try {
    await promisify(execFile)('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', tmpKey, '-out', tmpCert, '-days', String(DAYS),
      '-subj', '/O=Xiangyin/CN=xiangyin-desk', '-addext', `subjectAltName=${san}`,
      '-addext', 'extendedKeyUsage=serverAuth',
    ], { timeout: 30_000 });
    fs.chmodSync(tmpKey, 0o600);
    fs.renameSync(tmpKey, keyFile);
    fs.renameSync(tmpCert, certFile);
  } catch (e) {
    fs.rmSync(tmpKey, { force: true });
    fs.rmSync(tmpCert, { force: true });
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DeskTlsError(
      missing
        ? 'the desk on a LAN address is served over HTTPS, and making its certificate needs openssl (Debian package openssl); or give webHost.desk.tls { cert, key }'
        : `could not make the desk certificate: ${(e as Error).message.split('\n')[0]}`,
      { cause: e },
    );
  }
}
