// The first screen's answer kept between starts (main/webhost/first-screen-cache.ts):
// found only under its own key (the build and the config), only in a private
// file of ours, and a torn or foreign file is simply not used.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIdOf, cacheKey, FIRST_SCREEN_CACHE_FILE, firstScreenCache } from '../../../main/webhost/first-screen-cache.js';
import { createLogger } from '../../../main/core/logger.js';
import type { FirstScreenData } from '../../../common/ipc/first-screen.js';

const data = { appInfo: { stationName: '石桥村便民服务站' }, catalogue: { version: '1', services: [] } } as unknown as FirstScreenData;

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-cache-'));
  const lines: string[] = [];
  const log = createLogger('test', (l) => lines.push(l));
  return { dir, lines, log, file: path.join(dir, FIRST_SCREEN_CACHE_FILE) };
}

describe('the kept first screen', () => {
  it('is read back under the key it was written with, and only that one', () => {
    const { dir, log } = setup();
    const key = cacheKey('build-a', { stationName: 'x' });
    expect(firstScreenCache(dir, key, log).read()).toBeNull();
    firstScreenCache(dir, key, log).write(data);
    expect(JSON.parse(firstScreenCache(dir, key, log).read()!)).toEqual(data);
    // Another build or another config finds nothing.
    expect(firstScreenCache(dir, cacheKey('build-b', { stationName: 'x' }), log).read()).toBeNull();
    expect(firstScreenCache(dir, cacheKey('build-a', { stationName: 'y' }), log).read()).toBeNull();
    expect(fs.statSync(path.join(dir, FIRST_SCREEN_CACHE_FILE)).mode & 0o777).toBe(0o600);
  });

  it('is not used when others may write it, or when it is not a plain file', () => {
    const { dir, lines, log, file } = setup();
    const key = cacheKey('b', {});
    firstScreenCache(dir, key, log).write(data);
    fs.chmodSync(file, 0o666);
    expect(firstScreenCache(dir, key, log).read()).toBeNull();
    expect(lines.join('\n')).toContain('first screen cache ignored');
    fs.chmodSync(file, 0o600);
    const elsewhere = path.join(dir, 'elsewhere.json');
    fs.renameSync(file, elsewhere);
    fs.symlinkSync(elsewhere, file);
    expect(firstScreenCache(dir, key, log).read()).toBeNull();
  });

  it('torn by a power cut mid-write, it is a miss, and the next write mends it', () => {
    const { dir, log, file } = setup();
    const key = cacheKey('b', {});
    fs.writeFileSync(file, '{"key":"', { mode: 0o600 });
    const cache = firstScreenCache(dir, key, log);
    expect(cache.read()).toBeNull();
    cache.write(data);
    expect(firstScreenCache(dir, key, log).read()).not.toBeNull();
    expect(fs.readdirSync(dir)).toEqual([FIRST_SCREEN_CACHE_FILE]);
  });

  it('says so when the station answered otherwise than was kept, and keeps the new answer', () => {
    const { dir, lines, log } = setup();
    const key = cacheKey('b', {});
    firstScreenCache(dir, key, log).write(data);
    const cache = firstScreenCache(dir, key, log);
    expect(cache.read()).not.toBeNull();
    cache.write(data);
    expect(lines.join('\n')).not.toContain('stale');
    const changed = { ...data, catalogue: { version: '2', services: [] } } as unknown as FirstScreenData;
    cache.write(changed);
    expect(lines.join('\n')).toContain('first screen cache was stale');
    expect(JSON.parse(firstScreenCache(dir, key, log).read()!)).toEqual(changed);
  });

  it('a full disk (or a read-only folder) costs only the head start', () => {
    const { dir, lines, log } = setup();
    const missing = path.join(dir, 'file-not-folder');
    fs.writeFileSync(missing, '');
    expect(() => firstScreenCache(missing, cacheKey('b', {}), log).write(data)).not.toThrow();
    expect(lines.join('\n')).toContain('first screen cache not written');
  });

  it('a build is known only beside the built launcher', () => {
    const { dir } = setup();
    const built = path.join(dir, 'dist', 'host');
    fs.mkdirSync(built, { recursive: true });
    expect(buildIdOf(path.join(built, 'launch.js'))).toBeNull();
    fs.writeFileSync(path.join(built, 'build-id'), 'abc123\n');
    expect(buildIdOf(path.join(built, 'launch.js'))).toBe('abc123');
    // From the TypeScript sources, a build left in dist/ is not the code running.
    expect(buildIdOf(path.join(dir, 'main', 'webhost', 'launch.ts'))).toBeNull();
  });
});
