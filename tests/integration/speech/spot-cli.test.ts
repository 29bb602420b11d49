// `xiangyin speech spot --pause S`: the technician measures a keyword set as the
// kiosk hears it, with a quiet room before each clip (the microphone opens before
// the resident speaks; one stream over the whole session once lost most words
// said after a pause: see speech/kws/speech-stretches.ts). Real recordings, the
// real model provisioned from ../shared, the CLI's own entry point.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../../main/cli/speech.js';
import { kwsModelManifest } from '../../../speech/kws/model.js';
import { provisionModel } from '../../../speech/models/provision.js';
import { sharedDir, tempDir } from './helpers.js';

const words = [
  ['dsp20-17307130064-01', '语音'],
  ['dsp20-17307130064-02', '语言'],
  ['dsp20-17307130064-03', '识别'],
] as const;
let setDir: string;
let config: string;

beforeAll(async () => {
  const modelDir = path.join(tempDir('kws'), kwsModelManifest.name);
  await provisionModel({ manifest: kwsModelManifest, dest: modelDir, localSource: path.join(sharedDir, 'models', kwsModelManifest.name) });
  config = path.join(tempDir('config'), 'station.json');
  fs.writeFileSync(config, JSON.stringify({ speech: { recognition: { sherpaKws: { modelDir } } } }));
  setDir = tempDir('spot-set');
  fs.writeFileSync(path.join(setDir, 'phrases.txt'), words.map(([, w]) => w).join('\n'));
  for (const [clip, word] of words) {
    fs.copyFileSync(path.join(sharedDir, 'speech', 'real-zh-keywords', `${clip}.wav`), path.join(setDir, `${clip}.wav`));
    fs.writeFileSync(path.join(setDir, `${clip}.expect`), word);
  }
});
afterEach(() => vi.restoreAllMocks());

/** Runs the command; returns its exit code and what it printed. */
async function speech(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((m: unknown) => void out.push(String(m)));
  vi.spyOn(console, 'error').mockImplementation((m: unknown) => void err.push(String(m)));
  const code = await run(args);
  return { code, out, err };
}

describe('xiangyin speech spot --pause', () => {
  it('hears every word after two seconds of a quiet room, and says so in its JSON line', async () => {
    const { code, out } = await speech('spot', '--dir', setDir, '--pause', '2', '--config', config, '--quiet');
    expect(code).toBe(0);
    expect(JSON.parse(out.at(-1)!)).toMatchObject({ clips: 3, expected: 3, found: 3, recall: 1, falseAlarms: 0 });
  });

  it('refuses a pause that is not a number of seconds', async () => {
    const { code, err } = await speech('spot', '--dir', setDir, '--pause', 'soon', '--config', config);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('--pause takes seconds');
  });
});
