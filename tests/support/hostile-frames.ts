// Hostile WebSocket traffic for the web host's /ipc socket, written frame by
// frame on a raw TCP connection so that nothing on our side checks it first:
// messages that bend the wire format (odd ids, channel names such as
// `__proto__`, random arguments, deep nesting, big or non-UTF-8 text, binary),
// and frames that break the framing (unmasked, reserved bits and opcodes,
// orphan continuations, oversized control frames, odd close codes, lying
// lengths). Each script runs on a connection of its own, authenticated like the
// kiosk's page (session cookie, Origin, Host), and ends with a ping: a pong
// says the host still reads that socket. Used by the hostile-requests test
// (which asserts) and bench:faults (which counts).
import crypto from 'node:crypto';
import net from 'node:net';
import fc from 'fast-check';
import { channels, streams } from '../../common/ipc/contract.js';
import { WS_PATH } from '../../common/ipc/paths.js';

export interface Frame {
  fin: boolean;
  /** The three reserved bits; no extension is negotiated, so anything but 0 is a protocol error. */
  rsv: number;
  opcode: number;
  /** A client must mask; an unmasked frame is a protocol error. */
  masked: boolean;
  payload: Buffer;
  /** A length field that lies about the payload (else the payload's length). */
  declaredLength?: number;
}

export function encodeFrame(f: Frame): Buffer {
  const len = f.declaredLength ?? f.payload.length;
  const b0 = (f.fin ? 0x80 : 0) | ((f.rsv & 7) << 4) | (f.opcode & 0x0f);
  const m = f.masked ? 0x80 : 0;
  let head: Buffer;
  if (len < 126) head = Buffer.from([b0, m | len]);
  else if (len < 65536) {
    head = Buffer.from([b0, m | 126, 0, 0]);
    head.writeUInt16BE(len, 2);
  } else {
    head = Buffer.alloc(10);
    head[0] = b0;
    head[1] = m | 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  if (!f.masked) return Buffer.concat([head, f.payload]);
  const key = crypto.randomBytes(4);
  const body = Buffer.from(f.payload);
  for (let i = 0; i < body.length; i++) body[i]! ^= key[i % 4]!;
  return Buffer.concat([head, key, body]);
}

const TEXT = 0x1;
const BINARY = 0x2;
const CONTINUATION = 0x0;
const CLOSE = 0x8;
const PING = 0x9;

const good = (opcode: number, payload: Buffer | string): Frame => ({ fin: true, rsv: 0, opcode, masked: true, payload: Buffer.from(payload) });

const names = [...Object.keys(channels), ...Object.keys(streams), '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app:', ':', ''];
const id = fc.oneof(fc.integer(), fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 31), 1.5, '1', null, 1e308));
const wireMessage = fc
  .record({
    type: fc.constantFrom('call', 'subscribe', 'unsubscribe', 'result', 'launch-missiles'),
    id,
    channel: fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 120 })),
    stream: fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 120 })),
    args: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constant({}), fc.constantFrom(JSON.parse('{"__proto__":{"admin":true}}') as unknown, { constructor: { prototype: { x: 1 } } })),
  })
  .map((m) => JSON.stringify(m));
const text = fc.oneof(
  { arbitrary: wireMessage, weight: 6 },
  fc.json(),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{"type":"call","id":1,"channel":"app:info","args":{"__proto__":{"x":1}}}', '{"type":"call"', 'null', '[]', '"call"', ''),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1000, max: 50_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.integer({ min: 64 * 1024, max: 1024 * 1024 }).map((n) => JSON.stringify({ type: 'call', id: 1, channel: 'app:report-error', args: { where: 'x', message: 'x'.repeat(n) } })),
);

/** Well-framed frames with hostile content: the host must read them and answer or refuse each. */
const message: fc.Arbitrary<Frame | Frame[]> = fc.oneof(
  { arbitrary: text.map((t) => good(TEXT, t)), weight: 12 },
  { arbitrary: fc.uint8Array({ maxLength: 256 }).map((b) => good(BINARY, Buffer.from(b))), weight: 1 },
  // A message in two fragments with a ping between them, as the protocol allows.
  { arbitrary: text.map((t) => [{ ...good(TEXT, t.slice(0, t.length >> 1)), fin: false }, good(PING, Buffer.alloc(125)), good(CONTINUATION, t.slice(t.length >> 1))]), weight: 1 },
);

/** Frames that break the framing: after one of these the host may only close the connection. */
const broken: fc.Arbitrary<Frame> = fc.oneof(
  fc.record({ fin: fc.boolean(), rsv: fc.integer({ min: 0, max: 7 }), opcode: fc.integer({ min: 0, max: 15 }), masked: fc.boolean(), payload: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) }),
  // A close with any code (valid, reserved, out of range) and a reason that may not be UTF-8.
  fc.tuple(fc.integer({ min: 0, max: 65535 }), fc.uint8Array({ maxLength: 20 })).map(([code, r]) => good(CLOSE, Buffer.concat([Buffer.from([code >> 8, code & 255]), Buffer.from(r)]))),
  fc.constantFrom(good(CLOSE, Buffer.from([3])), good(PING, Buffer.alloc(200)), good(CONTINUATION, 'orphan'), { ...good(TEXT, 'unmasked'), masked: false }, { ...good(TEXT, '{"type":'), fin: false }),
  fc.uint8Array({ maxLength: 64 }).map((b) => good(TEXT, Buffer.concat([Buffer.from('{"type":"'), Buffer.from(b), Buffer.from([0xc3, 0x28, 0xff])]))),
  // Length fields beyond what the host takes (8 MB), or beyond 2^53: refused before any byte of payload.
  fc.constantFrom(9 * 1024 * 1024, 2 ** 53 + 2, 2 ** 63).map((n) => ({ ...good(TEXT, 'x'), declaredLength: n })),
);

/** What one connection sends: one to four hostile messages, and now and then a broken frame to end on (the host may close on it). */
export const hostileFrameScript: fc.Arbitrary<Frame[]> = fc
  .tuple(fc.array(message, { minLength: 1, maxLength: 4 }), fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: broken, weight: 1 }))
  .map(([messages, last]) => [...messages.flat(), ...(last ? [last] : [])]);

export interface FrameScriptOutcome {
  /** The handshake was refused (not 101): the frames were never sent. */
  refused: boolean;
  /** The host answered the closing ping with its pong. */
  ponged: boolean;
  /** The host closed the socket (a close frame or the connection). */
  closed: boolean;
  /** Neither within the time given: the host still waits for bytes a lying length announced, say. */
  timedOut: boolean;
  /** Messages the host answered with (results, refusals, protocol errors). */
  answers: number;
  /** Answers that report an internal failure rather than a typed refusal. */
  internalErrors: number;
}

/** Parses the server's (unmasked) frames out of buf; returns them and the bytes of an unfinished one. */
function serverFrames(buf: Buffer): { frames: { opcode: number; payload: Buffer }[]; rest: Buffer } {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let at = 0;
  for (;;) {
    if (buf.length - at < 2) break;
    let len = buf[at + 1]! & 0x7f;
    let off = at + 2;
    if (len === 126) {
      if (buf.length - at < 4) break;
      len = buf.readUInt16BE(at + 2);
      off = at + 4;
    } else if (len === 127) {
      if (buf.length - at < 10) break;
      len = Number(buf.readBigUInt64BE(at + 2));
      off = at + 10;
    }
    if (buf.length < off + len) break;
    frames.push({ opcode: buf[at]! & 0x0f, payload: buf.subarray(off, off + len) });
    at = off + len;
  }
  return { frames, rest: buf.subarray(at) };
}

function isInternal(payload: Buffer): boolean {
  try {
    const m = JSON.parse(payload.toString()) as { type?: string; error?: { code?: string }; result?: { ok?: boolean; error?: { code?: string } } };
    return m.error?.code === 'internal' || m.result?.error?.code === 'internal';
  } catch {
    return false;
  }
}

/**
 * Opens /ipc on 127.0.0.1:port as the kiosk's page would (cookie, Origin,
 * Host), sends the script's frames and a ping, and reads until the pong, a
 * close, or timeoutMs.
 */
export function sendFrameScript(port: number, cookie: string, script: Frame[], timeoutMs: number): Promise<FrameScriptOutcome> {
  const host = `127.0.0.1:${port}`;
  const probe = crypto.randomBytes(8);
  return new Promise((resolve, reject) => {
    const out: FrameScriptOutcome = { refused: false, ponged: false, closed: false, timedOut: false, answers: 0, internalErrors: 0 };
    const sock = net.connect(port, '127.0.0.1');
    let buf: Buffer = Buffer.alloc(0);
    let upgraded = false;
    const timer = setTimeout(() => ((out.timedOut = true), finish()), timeoutMs);
    function finish() {
      clearTimeout(timer);
      sock.destroy();
      resolve(out);
    }
    sock.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      if (!upgraded) {
        const head = buf.indexOf('\r\n\r\n');
        if (head < 0) return;
        if (!/^HTTP\/1\.1 101 /.test(buf.toString('latin1', 0, 16))) return ((out.refused = true), finish());
        upgraded = true;
        buf = buf.subarray(head + 4);
        // A write after the host closed fails with EPIPE or ECONNRESET: that is its answer, handled below.
        sock.write(Buffer.concat([...script.map(encodeFrame), encodeFrame(good(PING, probe))]));
      }
      const { frames, rest } = serverFrames(buf);
      buf = rest;
      for (const f of frames) {
        if (f.opcode === TEXT) out.answers++;
        if (f.opcode === TEXT && isInternal(f.payload)) out.internalErrors++;
        if (f.opcode === 0xa && f.payload.equals(probe)) out.ponged = true;
        if (f.opcode === CLOSE) out.closed = true;
      }
      if (out.ponged || out.closed) finish();
    });
    const ended = () => ((out.closed = true), finish());
    sock.on('end', ended);
    sock.on('close', ended);
    sock.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? ended() : (clearTimeout(timer), reject(e))));
    const key = crypto.randomBytes(16).toString('base64');
    sock.write(
      `GET ${WS_PATH} HTTP/1.1\r\nHost: ${host}\r\nOrigin: http://${host}\r\nCookie: ${cookie}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\n\r\n`,
    );
  });
}

/** Redeems a web host's one-time launch URL as the browser's first load would; returns the session cookie (`name=value`). */
export async function sessionCookie(launchUrl: string): Promise<string> {
  const res = await fetch(launchUrl, { redirect: 'manual' });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 303 || !cookie) throw new Error(`launch URL answered ${res.status} without a session cookie`);
  return cookie;
}
