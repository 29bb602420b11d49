#!/usr/bin/env node
// Technician CLI: `npx xiangyin <area> <command> …`. Each area lives in
// main/cli/<area>.ts and exports `run(args: string[]): Promise<number>`.
// TypeScript sources are loaded through tsx so the CLI needs no build step.
//
// The station code needs Node 22 (the Node that Electron embeds; the prebuilt
// SQLCipher module crashes on 20), which the project brings itself as
// node_modules/.bin/node. `npx` (or `node bin/xiangyin.js`) may start us on
// Debian's Node 20: then we run again on that Node 22. That is why package.json
// says `engines.node >= 20` (what may start us) and npm has no engine to warn about.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const NEEDS_MAJOR = 22;
const rootDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
if (Number(process.versions.node.split('.')[0]) < NEEDS_MAJOR) {
  const own = path.join(rootDir, 'node_modules', '.bin', 'node');
  if (!fs.existsSync(own) || process.env.XIANGYIN_REEXEC) {
    console.error(`xiangyin: needs Node ${NEEDS_MAJOR} (this is ${process.version}) and ${own} is missing: run \`bash scripts/setup.sh\` (or \`npm ci\`) first.`);
    process.exit(2);
  }
  const r = spawnSync(own, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, XIANGYIN_REEXEC: '1' } });
  process.exit(r.status ?? 1);
}
const { register } = await import('tsx/esm/api');

const areas = ['idcard', 'printer', 'store', 'sync', 'speech', 'server', 'specialist'];
const [area, ...rest] = process.argv.slice(2);
const root = rootDir;

if (!area || !areas.includes(area)) {
  console.error(`usage: xiangyin <${areas.join('|')}> …`);
  process.exit(2);
}
const file = path.join(root, 'main', 'cli', `${area}.ts`);
if (!fs.existsSync(file)) {
  console.error(`xiangyin: the '${area}' commands are not installed in this build`);
  process.exit(2);
}
register();
const mod = await import(file);
process.exitCode = await mod.run(rest);
