// A station on the default keyword spotter never maps koffi, the FFI addon only
// PocketSphinx and Vosk are called through: loading every area of the station
// and creating its recognizer leaves it out of the process. Asking for
// PocketSphinx then loads it. Each in a fresh Node process, read from its own
// /proc/self/maps.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/kiosk-process.js';

function mapsKoffiAfter(script: string): boolean {
  const r = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'node'), ['--import', 'tsx', '--input-type=module', '-e', `${script}\nconst fs = await import('node:fs');\nprocess.stdout.write(String(/koffi/.test(fs.readFileSync('/proc/self/maps', 'utf8'))));`], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`node exited with ${r.status}\n${r.stderr}`);
  return r.stdout.trim() === 'true';
}

describe('koffi', () => {
  it('is not loaded by the station with the spotter, its model loaded', () => {
    const mapped = mapsKoffiAfter(`
      await import('./main/core/modules/index.ts');
      const { createRecognizer } = await import('./speech/create-recognizer.ts');
      const { speechConfigSchema } = await import('./speech/config.ts');
      const r = createRecognizer({ ...speechConfigSchema.parse({}).recognition, engine: 'sherpa-kws' });
      if (r?.engine !== 'sherpa-kws') throw new Error('not the spotter: ' + r?.engine);
      r.dispose();`);
    expect(mapped).toBe(false);
  }, 120_000);

  it('is loaded once PocketSphinx is asked for', () => {
    const mapped = mapsKoffiAfter(`
      const { loadPocketSphinx } = await import('./speech/recognition/pocketsphinx-ffi.ts');
      try { loadPocketSphinx(); } catch { /* the library may be absent here; koffi was loaded to try */ }`);
    expect(mapped).toBe(true);
  }, 120_000);
});
