// Framing of the resident ID card SAM serial protocol (GA/T 467):
//   AA AA AA 96 69 | LEN (2 bytes, big-endian) | BODY | XOR
// LEN counts the body and the checksum byte that follows it, as real readers do
// (a "find card" command is AA AA AA 96 69 00 03 20 01 22). The checksum is the
// XOR of the two length bytes and every body byte.

export const PREAMBLE = Uint8Array.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
/** Preamble plus the two length bytes. */
export const HEADER_LENGTH = PREAMBLE.length + 2;
/** Largest LEN we accept; a base-info read is 0x0508, fingerprint reads about 0x0908. */
export const DEFAULT_MAX_LENGTH = 4096;

/** Host → SAM commands (two bytes each: command, parameter). */
export const Command = {
  reset: Uint8Array.from([0x10, 0xff]),
  status: Uint8Array.from([0x11, 0xff]),
  findCard: Uint8Array.from([0x20, 0x01]),
  selectCard: Uint8Array.from([0x20, 0x02]),
  readBaseInfo: Uint8Array.from([0x30, 0x01]),
} as const;
export type CommandName = keyof typeof Command;

export function xorChecksum(lengthHi: number, lengthLo: number, body: Uint8Array): number {
  let x = lengthHi ^ lengthLo;
  for (const b of body) x ^= b;
  return x & 0xff;
}

/** Wraps a body (a command, or a reply's status bytes and data) in a frame. */
export function encodeFrame(body: Uint8Array): Buffer {
  const len = body.length + 1;
  if (len > 0xffff) throw new RangeError('frame body too long');
  const out = Buffer.alloc(HEADER_LENGTH + len);
  out.set(PREAMBLE, 0);
  out.writeUInt16BE(len, PREAMBLE.length);
  out.set(body, HEADER_LENGTH);
  out[out.length - 1] = xorChecksum(len >> 8, len & 0xff, body);
  return out;
}

/** Which command a body is, if it is one we know (the simulator dispatches on this). */
export function commandName(body: Uint8Array): CommandName | undefined {
  if (body.length !== 2) return undefined;
  for (const [name, bytes] of Object.entries(Command) as [CommandName, Uint8Array][]) {
    if (bytes[0] === body[0] && bytes[1] === body[1]) return name;
  }
  return undefined;
}
