// Another local account must get nothing from the web host. The real host and
// the real Chromium launcher (headless) run as they do on a station; once the
// kiosk page holds its session, a client runs as `nobody` (setpriv), reads every
// process's command line and environment and any file those name, and tries
// every string it found as a launch code, a WebSocket token and a control
// token. It used to find the token on Chromium's command line and get in.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../main/webhost/server.js';
import { launchChromium } from '../../../main/webhost/chromium.js';
import { createStation, type Station } from '../../../main/core/station.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { createLogger } from '../../../main/core/logger.js';
import { memorySecretStore } from '../../../main/core/key-file-secrets.js';
import { appModule } from '../../../main/core/modules/app.js';
import { catalogueModule } from '../../../main/core/modules/catalogue.js';
import { CHROMIUM } from '../../support/browser.js';
import { repoRoot } from '../../support/kiosk-process.js';

const NOBODY = 65534;
const canSwitchUser = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0 && fs.existsSync(CHROMIUM);

let work: string;
let station: Station;
let host: WebHost;
let browser: ReturnType<typeof launchChromium> | null = null;
const logLines: string[] = [];

beforeAll(async () => {
  if (!canSwitchUser) return;
  // Not under this file's private (0700) TMPDIR: nobody must be able to reach the client script.
  work = fs.mkdtempSync(path.join(process.env.XY_OUTER_TMPDIR ?? os.tmpdir(), 'xy-other-user-'));
  const rendererDir = path.join(work, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title><script src="/boot.js"></script>');
  // What the renderer does at start: open the socket (the cookie rides along) and call.
  fs.writeFileSync(
    path.join(rendererDir, 'boot.js'),
    "const ws = new WebSocket(`ws://${location.host}/ipc`); ws.onopen = () => ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'app:info', args: {} }));",
  );
  const log = createLogger('other-user', (line) => logLines.push(line));
  const platform = { dataDir: work, now: () => new Date(), log, secrets: memorySecretStore(), env: {} };
  station = await createStation({ config: parseStationConfig({}), platform, host: 'web', modules: [catalogueModule, appModule] });
  host = await startWebHost({ station, rendererDir, port: 0, log, testControls: true });
  browser = launchChromium(CHROMIUM, host.launchUrl(), { kiosk: true, headless: true });
  // The kiosk page is in: its socket opened with the session it got from the launch code.
  for (let i = 0; i < 600 && !logLines.some((l) => l.includes('websocket session opened')); i++) await new Promise((r) => setTimeout(r, 100));
}, 90_000);

afterAll(async () => {
  await browser?.dispose();
  await host?.dispose();
  await station?.dispose();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!canSwitchUser)('another local user', () => {
  it('finds nothing on command lines, in environments or in files that opens the station', async () => {
    expect(logLines.some((l) => l.includes('websocket session opened')), logLines.join('\n')).toBe(true);
    // The client must be readable by nobody: copy it out of the (possibly private) checkout.
    const client = path.join(work, 'other-user-client.mjs');
    fs.copyFileSync(path.join(repoRoot, 'tests', 'fixtures', 'webhost', 'other-user-client.mjs'), client);
    fs.chmodSync(work, 0o755);
    fs.chmodSync(client, 0o644);
    const node = fs.realpathSync(process.execPath);
    // Asynchronously: the host under attack runs in this very process.
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const p = spawn('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', node, client, String(host.port)]);
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      p.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      p.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').pop()!) as { uid: number; processes: number; sawChromium: boolean; candidates: number; successes: string[] };
    expect(report.uid).toBe(NOBODY);
    // It did look where the token used to be: it read Chromium's command line.
    expect(report.sawChromium).toBe(true);
    expect(report.candidates).toBeGreaterThan(0);
    expect(report.successes).toEqual([]);
  }, 180_000);
});
