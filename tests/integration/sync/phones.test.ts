// The province's phones on file, recorded by its operator (`npx xiangyin server
// phones FILE`): until now only the demo residents had one, so a TV's one-time
// code could reach nobody else. Each phone is sealed at rest, found by the keyed
// hash of its ID number exactly as the codes look it up; a bad line stops the
// whole import and is named by its number, never echoed. Against both storages,
// and the CLI as a real process.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIdLines, parsePhoneLines } from '../../../main/cli/server.js';
import { PhoneImportError } from '../../../sync-server/admin.js';
import { storages } from '../../support/postgres.js';
import { tempDir } from '../../unit/store/helpers.js';
import { serverWithKiosks } from './harness.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Not a demo resident: no phone on file until one is recorded. */
const WANG = '110102195006010311';

describe('phone lines', () => {
  it('takes comma, tab or spaces; skips blanks and comments; keeps line numbers', () => {
    expect(parsePhoneLines('# 户籍导出\n110102195006010311,13700001111\n\n13062419361118108x\t13933121086\n1 2 3\n')).toEqual([
      { line: 2, idNumber: WANG, phone: '13700001111' },
      { line: 4, idNumber: '13062419361118108X', phone: '13933121086' },
      { line: 5, idNumber: '', phone: '2' },
    ]);
    // For --remove: one ID number a line; a line with more is bad (named by its number).
    expect(parseIdLines(`${WANG}\n\n# x\n${WANG},13700001111\n`)).toEqual([
      { line: 1, idNumber: WANG },
      { line: 4, idNumber: '' },
    ]);
  });
});

describe.each(storages)('phones on file (%s storage)', (storage) => {
  it('a recorded phone gets the one-time code; replaced, the next code goes to the new one; a bad line records nothing', async () => {
    const { started, kiosks } = await serverWithKiosks(storage, ['tv-home-1'], cleanups);
    const tv = kiosks['tv-home-1'];

    expect(await tv.client.requestIdentityCode({ idNumber: WANG, station: null })).toEqual({ outcome: 'no-phone-on-file' });
    expect(await started.server.admin.recordPhones([{ line: 1, idNumber: WANG, phone: '13700001111' }])).toEqual({ added: 1, replaced: 0 });
    expect(await tv.client.requestIdentityCode({ idNumber: WANG, station: null })).toMatchObject({ outcome: 'sent', phoneMasked: '137****1111' });

    // Sealed at rest: the stored value holds neither the phone nor the number.
    const idKey = (started.server as unknown as { vault: { residentKey(n: string): string } }).vault.residentKey(WANG);
    const sealed = await started.server.storage.residentPhone(idKey);
    expect(sealed).not.toBeNull();
    expect(sealed!.toString('latin1')).not.toContain('13700001111');

    // A bad line anywhere: nothing at all is written, and the error names lines, not numbers.
    const bad = started.server.admin.recordPhones([
      { line: 1, idNumber: WANG, phone: '13800002222' },
      { line: 2, idNumber: '110102195006010312', phone: '13800003333' },
    ]);
    await expect(bad).rejects.toBeInstanceOf(PhoneImportError);
    await expect(bad).rejects.toThrow(/line\(s\) 2 /);
    await bad.catch((e: Error) => expect(e.message).not.toContain('110102'));
    expect(await started.server.admin.recordPhones([{ line: 1, idNumber: WANG, phone: '13800002222' }])).toEqual({ added: 0, replaced: 1 });
    expect(await started.server.storage.residentPhone(idKey)).not.toEqual(sealed);
  });

  it('a phone taken off file: no code goes out, and a code already sent to it no longer opens the records', async () => {
    const { started, kiosks } = await serverWithKiosks(storage, ['tv-home-1'], cleanups);
    const tv = kiosks['tv-home-1'];
    await started.server.admin.recordPhones([{ line: 1, idNumber: WANG, phone: '13700001111' }]);
    expect(await tv.client.requestIdentityCode({ idNumber: WANG, station: null })).toMatchObject({ outcome: 'sent' });
    const code = /验证码是(\d{6})/.exec((await tv.client.smsOutbox())[0]!.text)?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);

    // A bad line anywhere: nothing is removed, and the error names lines, not numbers.
    const bad = started.server.admin.removePhones([
      { line: 1, idNumber: WANG },
      { line: 2, idNumber: '110102195006010312' },
    ]);
    await expect(bad).rejects.toThrow(/no phone removed: line\(s\) 2 /);
    await bad.catch((e: Error) => expect(e.message).not.toContain('110102'));

    expect(await started.server.admin.removePhones([{ line: 1, idNumber: WANG }])).toEqual({ removed: 1 });
    expect(await tv.client.verifyIdentityCode({ idNumber: WANG, code })).toEqual({ outcome: 'no-code' });
    expect(await tv.client.requestIdentityCode({ idNumber: WANG, station: null })).toEqual({ outcome: 'no-phone-on-file' });
    // Removing again removes nothing, and says so.
    expect(await started.server.admin.removePhones([{ line: 1, idNumber: WANG }])).toEqual({ removed: 0 });
  });
});

describe('npx xiangyin server phones', () => {
  it('records a file of phones into the embedded server of a data folder, and refuses a file with a bad line', { timeout: 90_000 }, async () => {
    const dir = tempDir('xy-phones-');
    const dataDir = path.join(dir, 'data');
    const cli = async (...args: string[]) => {
      try {
        const r = await run(path.join(root, 'node_modules', '.bin', 'node'), [path.join(root, 'bin', 'xiangyin.js'), ...args], { cwd: root, env: { ...process.env, XIANGYIN_CONFIG: '' } });
        return { code: 0, out: r.stdout, err: r.stderr };
      } catch (e) {
        const x = e as { code: number; stdout: string; stderr: string };
        return { code: x.code, out: x.stdout, err: x.stderr };
      }
    };
    const good = path.join(dir, 'phones.csv');
    fs.writeFileSync(good, `# 户籍导出\n${WANG},13700001111\n`);
    const ok = await cli('server', 'phones', good, '--data-dir', dataDir);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('1 added, 0 replaced');
    const badFile = path.join(dir, 'bad.csv');
    fs.writeFileSync(badFile, `${WANG},13700001111\n${WANG},12345\n`);
    const refused = await cli('server', 'phones', badFile, '--data-dir', dataDir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('line(s) 2');
    expect(refused.out + refused.err).not.toContain(WANG);
    // Taken off file again, the ID numbers read from a file (never from the command line).
    const gone = path.join(dir, 'gone.txt');
    fs.writeFileSync(gone, `# 已迁出\n${WANG}\n`);
    const removed = await cli('server', 'phones', '--remove', gone, '--data-dir', dataDir);
    expect(removed.code, removed.err).toBe(0);
    expect(removed.out).toContain('1 removed');
  });
});
