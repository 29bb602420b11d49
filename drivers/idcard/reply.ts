// SAM replies: three status bytes (00 00 SW) then data. SW says what happened.
export const Status = {
  ok: 0x90,
  cardFound: 0x9f,
  noCard: 0x80,
  selectFailed: 0x81,
  readFailed: 0x41,
  selfTestFailed: 0x60,
  badChecksum: 0x10,
  badLength: 0x11,
  badCommand: 0x21,
  unauthorized: 0x23,
  unknownCommand: 0x24,
  cardAuthFailed: 0x31,
} as const;

/** Plain words for each status, for logs and the specialist's panel. */
const MEANING: Record<number, string> = {
  0x90: '操作成功',
  0x9f: '找到卡片',
  0x80: '未找到卡片',
  0x81: '选卡失败',
  0x41: '读卡失败',
  0x60: '安全模块自检失败',
  0x10: '安全模块收到的数据校验和错误',
  0x11: '安全模块收到的数据长度错误',
  0x21: '命令参数错误',
  0x23: '越权操作',
  0x24: '无法识别的命令',
  0x31: '卡片认证失败',
};

export function statusMeaning(sw: number): string {
  return MEANING[sw] ?? `未知状态 ${hex2(sw)}`;
}

export function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

export interface SamReply {
  readonly sw1: number;
  readonly sw2: number;
  readonly sw3: number;
  readonly data: Buffer;
}

export function parseReply(body: Buffer): SamReply | undefined {
  if (body.length < 3) return undefined;
  return { sw1: body[0]!, sw2: body[1]!, sw3: body[2]!, data: body.subarray(3) };
}

export function encodeReply(sw3: number, data: Uint8Array = new Uint8Array(0)): Buffer {
  const out = Buffer.alloc(3 + data.length);
  out[2] = sw3;
  out.set(data, 3);
  return out;
}
