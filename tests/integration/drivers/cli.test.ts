// The technician CLI, run as a real child process (`bin/xiangyin.js`, as `npx
// xiangyin` runs it), against capture files and against simulators on socat ptys
// and a TCP port.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdCardSimulator } from '../../../drivers/idcard/simulator.js';
import { bateer } from '../../../drivers/idcard/samples.js';
import { encodeGb18030 } from '../../../drivers/printer/escpos.js';
import { PrinterSimulator } from '../../../drivers/printer/simulator.js';
import { serveTcpPrinterSimulator, type TcpPrinterSimulator } from '../../../drivers/printer/tcp-simulator.js';
import { SimulatorOnPty } from '../../../drivers/serial/sim-on-pty.js';
import { tempDir } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = path.join(root, 'tests/fixtures/drivers');

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'bin/xiangyin.js'), ...args], { cwd: root, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const jsonLines = (s: string) => s.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('xiangyin idcard / printer CLI', () => {
  const idSim = new IdCardSimulator();
  const prSim = new PrinterSimulator();
  let idPty: SimulatorOnPty;
  let prPty: SimulatorOnPty;
  let tcp: TcpPrinterSimulator;

  beforeAll(async () => {
    idPty = await SimulatorOnPty.start({ dir: tempDir('cli-idcard'), simulator: idSim });
    prPty = await SimulatorOnPty.start({ dir: tempDir('cli-printer'), simulator: prSim });
    tcp = await serveTcpPrinterSimulator(prSim);
  });
  afterAll(async () => {
    await idPty?.dispose();
    await prPty?.dispose();
    await tcp?.close();
  });

  it('idcard decode prints one JSON object per frame, in order', async () => {
    const r = await cli('idcard', 'decode', path.join(fixtures, 'idcard-capture.bin'));
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, 4)).toEqual(['{"ok":true,"status":"90"}', '{"ok":true,"status":"80"}', '{"ok":true,"status":"9f"}', '{"ok":true,"status":"90"}']);
    expect(lines[4]).toBe(
      '{"ok":true,"status":"90","card":{"name":"张秀英","sex":"女","ethnicity":"汉","birthDate":"1943-03-05","address":"北京市东城区东华门街道南池子大街12号","idNumber":"110101194303050028","issuer":"北京市公安局东城分局","validFrom":"2015-06-01","validTo":"长期","idNumberValid":true}}',
    );
    const rest = jsonLines(lines.slice(5).join('\n'));
    expect(rest.map((o) => (o.ok ? (o.status as string) : (o.error as { code: string }).code))).toEqual(['checksum', 'truncated', '9f', '90']);
    expect((rest[3]!.card as { name: string }).name).toBe('王㛃');
  });

  it('idcard decode of a missing file fails plainly', async () => {
    const r = await cli('idcard', 'decode', '/nonexistent/capture.bin');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read');
  });

  it('idcard read talks to a live reader over the pty', async () => {
    idSim.insertCard(bateer);
    const r = await cli('idcard', 'read', '--port', idPty.hostPath, '--wait', '5');
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => l.status)).toEqual(['90', '9f', '90', '90']);
    expect(lines.at(-1)!.card).toEqual({ ...bateer, idNumberValid: true });
  });

  it('printer decode prints text lines, [QR] and [CUT], and writes a PNG preview', async () => {
    const png = path.join(tempDir('cli-png'), 'receipt.png');
    const r = await cli('printer', 'decode', path.join(fixtures, 'printer-receipt.bin'), '--png', png);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('办事回执');
    expect(lines).toContain('身份证号：1306**********004X');
    expect(lines).toContain('[QR] https://xiangyin.example.invalid/track/XY20261122-0007');
    expect(lines.at(-1)).toBe('[CUT]');
    const image = PNG.sync.read(fs.readFileSync(png));
    expect(image.width).toBe(384 + 32);
    let dark = 0;
    for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 128) dark++;
    expect(dark).toBeGreaterThan(5000); // text and a QR code, not a blank page
  });

  it('printer decode of a crafted capture says each bogus command plainly and exits 1, no stack', async () => {
    const dir = tempDir('cli-crafted');
    const qrData = Buffer.alloc(3000, 0x61); // more than a level-M QR code holds in byte mode
    const qrLen = qrData.length + 3;
    const bytes = Buffer.concat([
      encodeGb18030('前面\n'),
      Buffer.from([0x1d, 0x76, 0x30, 0, 0xff, 0xff, 0xff, 0xff]), // a raster image of 65,535 × 65,535 bytes
      encodeGb18030('后面\n'),
      Buffer.from([0x1d, 0x28, 0x6b, qrLen & 0xff, qrLen >> 8, 0x31, 0x50, 0x30]),
      qrData,
      Buffer.from([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]),
    ]);
    const file = path.join(dir, 'crafted.bin');
    fs.writeFileSync(file, bytes);
    const png = path.join(dir, 'crafted.png');
    const r = await cli('printer', 'decode', file, '--png', png);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n').slice(0, 2)).toEqual(['前面', '后面']);
    expect(r.stderr).toContain('byte 5: GS v raster image of 65535 bytes × 65535 dots');
    expect(r.stderr).toContain('no preview written: a QR code of 3000 bytes cannot be drawn');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(png)).toBe(false);
  });

  it('printer status and test over a serial pty and over TCP', async () => {
    const s = await cli('printer', 'status', '--port', prPty.hostPath);
    expect(s.code).toBe(0);
    expect(jsonLines(s.stdout)[0]).toMatchObject({ ok: true, problem: null, status: { paperEnd: false } });
    prSim.clearJobs();
    const t = await cli('printer', 'test', '--port', `tcp:127.0.0.1:${tcp.port}`);
    expect(t.code).toBe(0);
    expect(jsonLines(t.stdout)[0]).toEqual({ printed: true });
    expect(prSim.jobs()[0]?.lines).toContain('打印测试');
    prSim.setPaperOut(true);
    const out = await cli('printer', 'status', '--port', prPty.hostPath);
    expect(out.code).toBe(1);
    expect(jsonLines(out.stdout)[0]).toMatchObject({ problem: 'paper-out' });
    prSim.setPaperOut(false);
  });
});
