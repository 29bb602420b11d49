// SamClient's matching of replies to commands, with an in-memory link standing in
// for the port (the same client runs over real ptys in tests/integration/drivers).
import { describe, expect, it } from 'vitest';
import { encodeBaseInfo } from '../../../../drivers/idcard/base-info.js';
import { encodeFrame } from '../../../../drivers/idcard/frame.js';
import { encodeReply, Status } from '../../../../drivers/idcard/reply.js';
import { replyFits, SamClient, SamError } from '../../../../drivers/idcard/sam-client.js';
import { zhangXiuying } from '../../../../drivers/idcard/samples.js';
import { Listeners, type ByteLink } from '../../../../drivers/serial/link.js';

function memoryLink() {
  const data = new Listeners<Buffer>();
  const written: Buffer[] = [];
  const link: ByteLink = {
    description: 'memory',
    isOpen: true,
    write: async (b) => {
      written.push(Buffer.from(b));
    },
    onData: (l) => data.add(l),
    onClose: () => () => undefined,
    close: async () => undefined,
  };
  return { link, written, deliver: (b: Buffer) => data.emit(b) };
}

const readReply = encodeFrame(encodeReply(Status.ok, encodeBaseInfo(zhangXiuying)));
const foundReply = encodeFrame(encodeReply(Status.cardFound, Buffer.alloc(4)));

describe('SamClient', () => {
  it('skips a late reply to an earlier command and takes the one that fits', async () => {
    const { link, deliver } = memoryLink();
    const client = new SamClient(link, { replyTimeoutMs: 1000 });
    const p = client.command('findCard');
    await Promise.resolve();
    deliver(readReply.subarray(0, 700));
    deliver(Buffer.concat([readReply.subarray(700), foundReply]));
    expect((await p).sw3).toBe(Status.cardFound);
    expect(client.strayFrames).toBe(1);
  });

  it('fails a command with a typed error on a corrupt reply, and on silence', async () => {
    const { link, deliver } = memoryLink();
    const client = new SamClient(link, { replyTimeoutMs: 100 });
    const bad = Buffer.from(foundReply);
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 1;
    const p = client.command('findCard');
    await Promise.resolve();
    deliver(bad);
    await expect(p).rejects.toMatchObject({ code: 'checksum' });
    await expect(client.command('status')).rejects.toBeInstanceOf(SamError);
  });

  it('sends commands one at a time', async () => {
    const { link, written, deliver } = memoryLink();
    const client = new SamClient(link, { replyTimeoutMs: 1000 });
    const a = client.command('status');
    const b = client.command('findCard');
    await new Promise((r) => setTimeout(r, 10));
    expect(written).toHaveLength(1);
    deliver(encodeFrame(encodeReply(Status.ok)));
    await a;
    await new Promise((r) => setTimeout(r, 10));
    expect(written).toHaveLength(2);
    deliver(foundReply);
    expect((await b).sw3).toBe(Status.cardFound);
  });

  it('knows which replies can answer which command', () => {
    const r = (sw3: number, data: Buffer = Buffer.alloc(0)) => ({ sw1: 0, sw2: 0, sw3, data: data as Buffer<ArrayBuffer> });
    expect(replyFits('findCard', r(Status.cardFound, Buffer.alloc(4)))).toBe(true);
    expect(replyFits('readBaseInfo', r(Status.cardFound, Buffer.alloc(4)))).toBe(false);
    expect(replyFits('readBaseInfo', r(Status.ok, encodeBaseInfo(zhangXiuying)))).toBe(true);
    expect(replyFits('selectCard', r(Status.ok, encodeBaseInfo(zhangXiuying)))).toBe(false);
    expect(replyFits('readBaseInfo', r(Status.readFailed))).toBe(true);
  });
});
