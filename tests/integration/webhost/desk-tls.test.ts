// The desk on the station's LAN is HTTPS, never plain: the specialist's PIN and
// what the desk shows (masked names, phones to call back) would otherwise cross
// a shared village Wi-Fi in clear. Real openssl makes the station's own
// certificate; real TLS sockets (https, wss) check it against that certificate
// as a tablet that trusted it once would, and a plain-HTTP client gets nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import path from 'node:path';
import type os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startDeskHost, type DeskHost } from '../../../main/webhost/desk-host.js';
import { DESK_CERT_FILE, DESK_KEY_FILE, DeskTlsError, deskAddresses, deskTls, isLoopback, type DeskTls } from '../../../main/webhost/desk-tls.js';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { nodePlatform } from '../../../main/core/platform.js';
import { silentLogger } from '../../../main/core/logger.js';
import { memorySecretStore } from '../../../offline-store/keys/secret-store.js';
import { specialistModule } from '../../../main/core/modules/specialist.js';
import { appModule } from '../../../main/core/modules/app.js';
import { tempDir } from '../../unit/store/helpers.js';

/** A station on every interface: this machine's loopback and a LAN address, as os.networkInterfaces() gives them. */
const interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: '127.0.0.1/8' }],
  wlan0: [{ address: '192.168.1.20', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '02:00:00:00:00:01', cidr: '192.168.1.20/24' }],
};

let station: Station;
let keysDir: string;
let tls: DeskTls;
let desk: DeskHost;

beforeAll(async () => {
  const dataDir = tempDir('xy-desk-tls-');
  keysDir = path.join(dataDir, 'keys');
  const rendererDir = path.join(dataDir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  station = await createStation({
    config: parseStationConfig({ stationId: 'station-tls', sync: { intervalSeconds: 3600 } }),
    platform: nodePlatform({ dataDir, secrets: memorySecretStore(), log: silentLogger }),
    host: 'web',
    modules: [specialistModule, appModule],
  });
  // A desk on every interface: its certificate names each address a tablet may use, loopback included,
  // so this test can reach it on 127.0.0.1 and check the name as a tablet checks 192.168.1.20.
  const made = await deskTls({ setting: 'auto', address: '0.0.0.0', keysDir, interfaces });
  if (!made) throw new Error('no TLS for a desk on every interface');
  tls = made;
  desk = await startDeskHost({ station, rendererDir, address: '127.0.0.1', port: 0, log: silentLogger, tls });
});

afterAll(async () => {
  await desk?.dispose();
  await station?.dispose();
});

function get(url: string, opts: https.RequestOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = (url.startsWith('https') ? https : http).get(url, { ...opts, timeout: 10_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
  });
}

describe('the desk over TLS', () => {
  it('is plain HTTP only on loopback: on a LAN address it needs TLS, and refuses to start without', async () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('192.168.1.20')).toBe(false);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(await deskTls({ setting: 'auto', address: '127.0.0.1', keysDir })).toBeNull();
    await expect(startDeskHost({ station, rendererDir: keysDir, address: '0.0.0.0', port: 0, log: silentLogger })).rejects.toThrow(DeskTlsError);
    expect(deskAddresses('0.0.0.0', interfaces)).toEqual(['127.0.0.1', '192.168.1.20']);
    expect(deskAddresses('192.168.1.20', interfaces)).toEqual(['192.168.1.20']);
  });

  it('makes the station\'s own certificate once, for the desk\'s addresses, with its key readable by this user only', async () => {
    const x509 = new crypto.X509Certificate(tls.cert);
    expect(x509.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.checkIP('192.168.1.21')).toBeUndefined();
    expect(tls.selfSigned).toBe(true);
    expect(tls.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(fs.statSync(path.join(keysDir, DESK_KEY_FILE)).mode & 0o777).toBe(0o600);
    // Started again: the same certificate (a tablet that trusted it keeps trusting it).
    expect((await deskTls({ setting: 'auto', address: '0.0.0.0', keysDir, interfaces }))?.fingerprint).toBe(tls.fingerprint);
    expect((await deskTls({ setting: 'auto', address: '192.168.1.20', keysDir }))?.fingerprint).toBe(tls.fingerprint);
  });

  it('serves the desk over HTTPS that verifies against its certificate; plain HTTP gets no page', async () => {
    expect(desk.url).toBe(`https://127.0.0.1:${desk.port}/`);
    expect(await get(desk.url, { ca: tls.cert })).toBe(200);
    // A device that does not trust the certificate is told so by TLS itself, not served.
    await expect(get(desk.url)).rejects.toThrow(/self-signed|certificate/i);
    await expect(get(`http://127.0.0.1:${desk.port}/`)).rejects.toThrow();
  });

  it('logs a specialist in over wss, from the desk\'s own https origin only', async () => {
    const open = (origin: string) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`wss://127.0.0.1:${desk.port}/ipc`, { origin, ca: tls.cert });
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      });
    await expect(open(`http://127.0.0.1:${desk.port}`)).rejects.toThrow(/403/);
    const ws = await open(`https://127.0.0.1:${desk.port}`);
    try {
      const answer = await new Promise<{ ok: boolean; value?: { outcome: string } }>((resolve) => {
        ws.on('message', (d) => {
          const m = JSON.parse(d.toString()) as { type: string; id: number; result: { ok: boolean; value?: { outcome: string } } };
          if (m.type === 'result' && m.id === 1) resolve(m.result);
        });
        ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'specialist:login', args: { specialistId: 'dev', pin: '135790' } }));
      });
      expect(answer).toMatchObject({ ok: true, value: { outcome: 'ok' } });
    } finally {
      ws.close();
    }
  });

  it('makes it again when the desk moves to an address it does not name, or the files are damaged', async () => {
    const moved = await deskTls({ setting: 'auto', address: '10.0.0.7', keysDir });
    expect(moved?.fingerprint).not.toBe(tls.fingerprint);
    expect(new crypto.X509Certificate(moved!.cert).checkIP('10.0.0.7')).toBe('10.0.0.7');
    fs.writeFileSync(path.join(keysDir, DESK_CERT_FILE), 'not a certificate');
    const remade = await deskTls({ setting: 'auto', address: '10.0.0.7', keysDir });
    expect(remade?.fingerprint).not.toBe(moved!.fingerprint);
  });

  it('takes the operator\'s certificate and key; a missing or mismatched pair is a typed error', async () => {
    const certFile = path.join(keysDir, DESK_CERT_FILE);
    const keyFile = path.join(keysDir, DESK_KEY_FILE);
    const own = await deskTls({ setting: { cert: certFile, key: keyFile }, address: '127.0.0.1', keysDir });
    expect(own?.selfSigned).toBe(false);
    expect(own?.fingerprint).toBe(new crypto.X509Certificate(fs.readFileSync(certFile)).fingerprint256);
    await expect(deskTls({ setting: { cert: path.join(keysDir, 'absent.pem'), key: keyFile }, address: '127.0.0.1', keysDir })).rejects.toThrow(/cannot read/);
    const other = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    const otherKey = path.join(keysDir, 'other-key.pem');
    fs.writeFileSync(otherKey, other, { mode: 0o600 });
    await expect(deskTls({ setting: { cert: certFile, key: otherKey }, address: '127.0.0.1', keysDir })).rejects.toThrow(DeskTlsError);
  });
});
