#!/usr/bin/env node
// Technician CLI: `npx xiangyin <area> <command> …`. Each area lives in
// main/cli/<area>.ts and exports `run(args: string[]): Promise<number>`.
// TypeScript sources are loaded through tsx so the CLI needs no build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const areas = ['idcard', 'printer', 'store', 'sync', 'speech', 'server', 'specialist'];
const [area, ...rest] = process.argv.slice(2);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

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
