// Test residents with real, check-digit-correct ID numbers (made-up people).
import { idCheckChar } from '../../../common/flow/id-number.js';
import type { ResidentIdentity } from '../../../common/flow/identity.js';

export function makeIdNumber(birth: string, seq = '123', region = '430621'): string {
  const first17 = `${region}${birth.replaceAll('-', '')}${seq}`;
  return first17 + idCheckChar(first17);
}

export function resident(birthDate: string, name = '张秀英'): ResidentIdentity {
  return { name, idNumber: makeIdNumber(birthDate), birthDate, address: '湖南省岳阳县新墙镇清水村三组', source: 'card' };
}

export const TODAY = '2026-11-22';
export const photo = { ref: 'photo:0001', mime: 'image/jpeg' as const, bytes: 180_000 };
