// `npx xiangyin specialist …` — for the technician setting up a station's desk.
//   hash-pin    reads a PIN (4–12 digits) from stdin and prints the `pinHash` to put
//               in the station config's `specialists` list: { id, name, pinHash }.
// The PIN is read from stdin (not the command line) so it stays out of the shell
// history and the process list.
import { pinSchema } from '../../common/domain/specialist.js';
import { hashPin } from '../specialist/pin-hash.js';

const USAGE = `usage: xiangyin specialist hash-pin < pin.txt
       echo 135790 | npx xiangyin specialist hash-pin
  prints a scrypt hash for the station config: "specialists": [{ "id": "…", "name": "…", "pinHash": "<hash>" }]`;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('PIN (4–12 digits), then Enter and Ctrl-D: ');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(args: string[]): Promise<number> {
  const [cmd] = args;
  if (cmd !== 'hash-pin') {
    console.error(USAGE);
    return 2;
  }
  const pin = (await readStdin()).trim();
  if (!pinSchema.safeParse(pin).success) {
    console.error('xiangyin specialist: the PIN must be 4 to 12 digits');
    return 1;
  }
  console.log(await hashPin(pin));
  return 0;
}
