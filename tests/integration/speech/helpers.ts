// Shared set-up for the speech integration tests: the real model, provisioned
// once per test file from ../shared into a temp folder (which also exercises the
// provisioning path), and the committed clips.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pocketSphinxZhManifest } from '../../../speech/models/manifest.js';
import { provisionModel } from '../../../speech/models/provision.js';
import { parseWav } from '../../../speech/audio/wav.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const sharedDir = process.env.XIANGYIN_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
export const sharedModel = path.join(sharedDir, 'models', pocketSphinxZhManifest.name);
export const realZhDir = path.join(sharedDir, 'speech', 'real-zh');
export const fixturesDir = path.join(repoRoot, 'tests', 'fixtures', 'speech');

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `xiangyin-${name}-`));
}

export async function provisionedModelDir(): Promise<string> {
  const dest = path.join(tempDir('model'), pocketSphinxZhManifest.name);
  await provisionModel({ manifest: pocketSphinxZhManifest, dest, localSource: sharedModel });
  return dest;
}

export function clip(name: string): Int16Array {
  return parseWav(fs.readFileSync(path.join(fixturesDir, `${name}.wav`))).samples;
}

export function realClips(): { name: string; samples: Int16Array }[] {
  return fs
    .readdirSync(realZhDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.wav'))
    .sort()
    .map((f) => ({ name: f, samples: parseWav(fs.readFileSync(path.join(realZhDir, f))).samples }));
}

/** Streams samples through a session in 100 ms chunks, as the capture path does. */
export function chunks(samples: Int16Array, size = 1600): Int16Array[] {
  const out: Int16Array[] = [];
  for (let i = 0; i < samples.length; i += size) out.push(samples.subarray(i, i + size));
  return out;
}
