// `npx xiangyin idcard …` — for the technician with a reader or a capture file.
//   decode FILE                  one JSON object per frame found in a raw capture of
//                                bytes a reader sent: {"ok":true,"status":"9f"},
//                                {"ok":true,"status":"90","card":{…}} or
//                                {"ok":false,"error":{"code":"checksum","message":…}}
//   read --port PATH [--baud N] [--wait SECONDS]
//                                asks a live reader: status, then find/select/read
//                                until a card is read or the wait ends; prints the
//                                replies in the same JSON form
// The full card is printed: this is the technician's own terminal, not a log.
import fs from 'node:fs';
import { decodeCapture, interpretReplyBody, type CaptureResult } from '../../drivers/idcard/capture.js';
import { hex2, Status } from '../../drivers/idcard/reply.js';
import { SamClient, SamError } from '../../drivers/idcard/sam-client.js';
import type { CommandName } from '../../drivers/idcard/frame.js';
import { openSerialLink } from '../../drivers/serial/serial-link.js';
import type { LinkError } from '../../drivers/serial/link.js';

const USAGE = `usage: xiangyin idcard decode FILE
       xiangyin idcard read --port PATH [--baud 115200] [--wait 10]`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const print = (r: CaptureResult) => console.log(JSON.stringify(r));

export async function run(args: string[]): Promise<number> {
  const [cmd, ...rest] = args;
  if (cmd === 'decode' && rest[0]) return decodeFile(rest[0]);
  if (cmd === 'read' && option(rest, '--port')) return readLive(option(rest, '--port')!, Number(option(rest, '--baud') ?? 115200), Number(option(rest, '--wait') ?? 10));
  console.error(USAGE);
  return 2;
}

function decodeFile(file: string): number {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    console.error(`xiangyin idcard: cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  for (const r of decodeCapture(bytes)) print(r);
  return 0;
}

async function readLive(port: string, baudRate: number, waitSeconds: number): Promise<number> {
  let link;
  try {
    link = await openSerialLink({ path: port, baudRate });
  } catch (e) {
    console.error(`xiangyin idcard: ${(e as LinkError).message}`);
    return 1;
  }
  const client = new SamClient(link, { replyTimeoutMs: 2000 });
  // Re-frame each reply so a live answer prints exactly as the same bytes would in `decode`.
  const ask = async (name: CommandName) => {
    const r = await client.command(name);
    const result = interpretReplyBody(Buffer.concat([Buffer.of(r.sw1, r.sw2, r.sw3), r.data]));
    print(result);
    return { sw: r.sw3, result };
  };
  try {
    if ((await ask('status')).sw !== Status.ok) return 1;
    const deadline = Date.now() + waitSeconds * 1000;
    for (;;) {
      if ((await ask('findCard')).sw === Status.cardFound) {
        if ((await ask('selectCard')).sw !== Status.ok) return 1;
        const read = await ask('readBaseInfo');
        return read.result.ok && read.result.card ? 0 : 1;
      }
      if (Date.now() > deadline) {
        console.error(`xiangyin idcard: no card within ${waitSeconds} s (last status ${hex2(Status.noCard)})`);
        return 1;
      }
      await new Promise((r) => setTimeout(r, 300)); // the SAM's minimum polling interval
    }
  } catch (e) {
    if (e instanceof SamError) {
      print({ ok: false, error: { code: e.code, message: e.message } });
      return 1;
    }
    throw e;
  } finally {
    client.dispose();
    await link.close();
  }
}
