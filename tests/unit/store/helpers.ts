// Shared fixtures for the store tests: a fresh data folder per test, demo
// residents with valid GB 11643 numbers, and a deterministic clock.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { memorySecretStore, type SecretStore } from '../../../offline-store/keys/secret-store.js';
import { OfflineStore, type StoreHealth } from '../../../offline-store/store.js';
import type { SubmitInput } from '../../../offline-store/repo/applications.js';

export const residents = [
  { idNumber: '110101194303050028', name: '张秀英', address: '北京市东城区东华门街道南池子大街88号' },
  { idNumber: '130624193808120037', name: '李德福', address: '河北省保定市阜平县龙泉关镇骆驼湾村12号' },
  { idNumber: '13062419361118108X', name: '张桂兰', address: '河北省保定市阜平县城南庄镇后庄村3组' },
] as const;

export function tempDir(prefix = 'xy-store-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export class ManualClock {
  constructor(public t = Date.parse('2026-11-22T08:00:00Z')) {}
  now = (): Date => new Date(this.t);
  advanceDays(d: number): void {
    this.t += d * 86_400_000;
  }
}

export function photo(bytes = 60 * 1024, seed = 1): { data: Buffer; sha256: string } {
  // Deterministic pseudo-random bytes: photos do not compress, neither should these.
  const data = Buffer.alloc(bytes);
  let x = seed * 2654435761;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    data[i] = x >>> 24;
  }
  return { data, sha256: crypto.createHash('sha256').update(data).digest('hex') };
}

export function sampleSubmit(i = 0, withPhoto = true): SubmitInput {
  const r = residents[i % residents.length]!;
  const p = photo(8 * 1024, i + 1);
  return {
    serviceId: 'elderly-allowance',
    catalogueVersion: '2026.11.0',
    applicant: { idNumber: r.idNumber, name: r.name },
    formData: { address: r.address, phone: '13800138000', bankAccount: '6217000010001234567' },
    attachments: withPhoto ? [{ name: '身份证正面', mediaType: 'image/jpeg', data: p.data, sha256: p.sha256 }] : [],
    actor: { kind: 'resident' },
  };
}

export async function openTestStore(
  dir: string,
  opts: { secrets?: SecretStore; clock?: ManualClock; onHealth?: (h: StoreHealth) => void } = {},
): Promise<OfflineStore> {
  return OfflineStore.open({
    file: path.join(dir, 'store', 'kiosk.db'),
    secrets: opts.secrets ?? memorySecretStore(),
    now: opts.clock?.now ?? (() => new Date()),
    onHealth: opts.onHealth ?? (() => {}),
  });
}
