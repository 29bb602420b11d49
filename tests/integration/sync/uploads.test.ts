// The resumable upload's rules (uploads.ts), over HTTP, against each storage:
// what a chunk at the wrong place, a chunk past the end, bytes that do not add
// up, another kiosk's upload and a finished upload resent are answered, and
// that none of them leaves bytes behind that the next try would build on.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { H } from '../../../offline-store/sync/protocol.js';
import { sha256Hex } from '../../../offline-store/sync/canonical.js';
import { storages } from '../../support/postgres.js';
import { photo } from '../../unit/store/helpers.js';
import { raw, startServer, type StartedServer } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const SIZE = 16 * 1024;

describe.each(storages)('resumable uploads (%s storage)', (storage) => {
  async function setup() {
    const s: StartedServer = await startServer({ storage });
    cleanups.push(() => s.server.dispose());
    const key = crypto.generateKeyPairSync('ed25519');
    const other = crypto.generateKeyPairSync('ed25519');
    const pem = (k: crypto.KeyPairKeyObjectResult) => k.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await s.server.admin.registerKiosk('k-up', pem(key));
    await s.server.admin.registerKiosk('k-other', pem(other));
    const pic = photo(60 * 1024, 11);
    const id = crypto.randomUUID();
    const parts = Array.from({ length: Math.ceil(pic.data.length / SIZE) }, (_, i) => pic.data.subarray(i * SIZE, (i + 1) * SIZE));
    const put = (offset: number, bytes: Buffer, o: { kiosk?: 'k-up' | 'k-other'; sha256?: string; total?: number } = {}) =>
      raw(s.url, {
        method: 'PUT',
        path: `/v1/uploads/${id}`,
        body: bytes,
        kioskId: o.kiosk ?? 'k-up',
        key: (o.kiosk === 'k-other' ? other : key).privateKey,
        headers: { 'content-type': 'application/octet-stream', [H.uploadOffset]: String(offset), [H.uploadLength]: String(o.total ?? pic.data.length), [H.uploadSha256]: o.sha256 ?? pic.sha256 },
      });
    const state = async () => (await raw(s.url, { path: `/v1/uploads/${id}`, kioskId: 'k-up', key: key.privateKey })).json;
    /** Sends every chunk from `from` on, each expected to be taken. */
    const rest = async (from: number) => {
      for (let i = from; i < parts.length; i++) expect((await put(i * SIZE, parts[i]!)).status).toBe(200);
    };
    return { s, id, pic, parts, put, state, rest };
  }

  it('a chunk ahead of what is stored is told where to resume, and nothing is created for it', async () => {
    const { put, state, parts, rest, s, id, pic } = await setup();
    const ahead = await put(SIZE, parts[1]!);
    expect(ahead.status).toBe(409);
    expect(ahead.json).toMatchObject({ received: 0, complete: false });
    expect(await state()).toMatchObject({ received: 0, size: 0 });
    await rest(0);
    expect(await state()).toMatchObject({ received: pic.data.length, complete: true });
    expect(sha256Hex((await s.server.attachment(id))!)).toBe(pic.sha256);
  });

  it('a chunk resent after it was stored is told where to resume and is not stored twice', async () => {
    const { put, parts, rest, s, id, pic } = await setup();
    expect((await put(0, parts[0]!)).status).toBe(200);
    const again = await put(0, parts[0]!);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ received: SIZE });
    await rest(1);
    expect(sha256Hex((await s.server.attachment(id))!)).toBe(pic.sha256);
  });

  it('bytes that do not add up to the signed sha256 are refused at the last chunk, and the upload starts again from 0', async () => {
    const { put, state, parts, rest, s, id, pic } = await setup();
    for (let i = 0; i < parts.length - 1; i++) expect((await put(i * SIZE, parts[i]!)).status).toBe(200);
    const last = Buffer.from(parts[parts.length - 1]!);
    last[0] = last[0]! ^ 0xff;
    const bad = await put((parts.length - 1) * SIZE, last);
    expect(bad.status).toBe(422);
    expect(bad.json.error?.code).toBe('sha256-mismatch');
    expect(await state()).toMatchObject({ received: 0, complete: false });
    expect(await s.server.attachment(id)).toBeNull();
    await rest(0);
    expect(await state()).toMatchObject({ received: pic.data.length, complete: true });
    expect(sha256Hex((await s.server.attachment(id))!)).toBe(pic.sha256);
  });

  it("another kiosk's chunk, a changed length and a chunk past the end are refused; a finished upload resent is answered as finished", async () => {
    const { put, state, parts, rest, pic } = await setup();
    expect((await put(0, parts[0]!)).status).toBe(200);
    const stranger = await put(SIZE, parts[1]!, { kiosk: 'k-other' });
    expect(stranger.status).toBe(403);
    expect(stranger.json.error?.code).toBe('not-yours');
    const changed = await put(SIZE, parts[1]!, { total: pic.data.length + 1 });
    expect(changed.status).toBe(422);
    expect(changed.json.error?.code).toBe('upload-mismatch');
    const past = await put(SIZE, Buffer.concat([parts[1]!, pic.data]));
    expect(past.status).toBe(400);
    expect(past.json.error?.code).toBe('bad-chunk');
    expect(await state()).toMatchObject({ received: SIZE, complete: false });
    await rest(1);
    const resent = await put(0, parts[0]!);
    expect(resent.status).toBe(200);
    expect(resent.json).toMatchObject({ received: pic.data.length, complete: true });
  });
});
