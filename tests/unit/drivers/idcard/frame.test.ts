import { describe, expect, it } from 'vitest';
import { Command, encodeFrame } from '../../../../drivers/idcard/frame.js';
import { FrameParser } from '../../../../drivers/idcard/frame-parser.js';
import { encodeReply, Status } from '../../../../drivers/idcard/reply.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('SAM frames (golden bytes)', () => {
  it('encodes the host commands as readers expect them', () => {
    expect(hex(encodeFrame(Command.findCard))).toBe('aaaaaa9669000320' + '0122');
    expect(hex(encodeFrame(Command.selectCard))).toBe('aaaaaa966900032002' + '21');
    expect(hex(encodeFrame(Command.readBaseInfo))).toBe('aaaaaa966900033001' + '32');
    expect(hex(encodeFrame(Command.reset))).toBe('aaaaaa96690003' + '10ffec');
    expect(hex(encodeFrame(Command.status))).toBe('aaaaaa96690003' + '11ffed');
  });

  it('encodes replies with status bytes', () => {
    expect(hex(encodeFrame(encodeReply(Status.cardFound, Buffer.alloc(4))))).toBe('aaaaaa96690008' + '00009f00000000' + '97');
    expect(hex(encodeFrame(encodeReply(Status.noCard)))).toBe('aaaaaa96690004' + '000080' + '84');
  });
});

describe('FrameParser', () => {
  const frame = encodeFrame(encodeReply(Status.cardFound, Buffer.alloc(4)));

  it('finds a frame fed one byte at a time', () => {
    const p = new FrameParser();
    const events = [...frame].flatMap((b) => p.push(Uint8Array.of(b)));
    expect(events).toEqual([{ kind: 'frame', body: Buffer.from('00009f00000000', 'hex') }]);
    expect(p.pending).toBe(0);
  });

  it('skips garbage before a preamble, including a false start', () => {
    const p = new FrameParser();
    const garbage = Buffer.from('0102aaaa9669aaaaaa', 'hex');
    const events = [...p.push(garbage), ...p.push(frame)];
    expect(events.filter((e) => e.kind === 'frame')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'skipped').reduce((n, e) => n + (e.kind === 'skipped' ? e.bytes : 0), 0)).toBe(garbage.length);
  });

  it('reports a wrong checksum and carries on', () => {
    const bad = Buffer.from(frame);
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 1;
    const p = new FrameParser();
    const events = p.push(Buffer.concat([bad, frame]));
    expect(events.map((e) => (e.kind === 'error' ? e.code : e.kind))).toEqual(['checksum', 'frame']);
  });

  it('reports a frame cut short by the next one as truncated, and reads the next one', () => {
    const p = new FrameParser();
    const events = p.push(Buffer.concat([frame.subarray(0, 9), frame]));
    expect(events.map((e) => (e.kind === 'error' ? e.code : e.kind))).toEqual(['truncated', 'frame']);
  });

  it('reports a partial frame at flush, and finds frames that started inside it', () => {
    const p = new FrameParser();
    const header = Buffer.from('aaaaaa96690400', 'hex'); // declares 1024 bytes that never come
    expect(p.push(Buffer.concat([header, frame]))).toEqual([]);
    const events = p.flush().filter((e) => e.kind !== 'skipped');
    expect(events.map((e) => (e.kind === 'error' ? e.code : e.kind))).toEqual(['truncated', 'frame']);
    expect(p.pending).toBe(0);
  });

  it('rejects impossible lengths at once', () => {
    const p = new FrameParser({ maxLength: 4096 });
    const events = p.push(Buffer.concat([Buffer.from('aaaaaa9669ffff', 'hex'), frame]));
    expect(events.map((e) => (e.kind === 'error' ? e.code : e.kind))).toEqual(['bad-length', 'skipped', 'frame']);
  });
});
