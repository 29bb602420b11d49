// What the web host loads before Chromium starts, and what the kiosk's embedded
// sync server loads: each is a chunk's static import graph in the real build
// (scripts/host-build-options.mjs, metafile only, nothing written). The port is
// bound and Chromium started from launch.js before the station chunk is
// imported, so the station's code must not ride in launch's graph; and the
// kiosk's embedded server (SQLite) must not parse the PostgreSQL client, which
// only a province's server with a database uses.
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { hostBuildOptions } from '../../../scripts/host-build-options.mjs';
import { repoRoot } from '../../support/kiosk-process.js';

async function metafile(): Promise<Metafile> {
  const r = await build({ ...hostBuildOptions, absWorkingDir: repoRoot, outdir: path.join(repoRoot, 'dist/host'), write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
  return r.metafile;
}

/** Every source file a chunk loads at once: its own inputs and those of the chunks it imports statically. */
function staticInputs(meta: Metafile, chunk: string): Set<string> {
  const seen = new Set<string>();
  const inputs = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const out = meta.outputs[name]!;
    for (const i of Object.keys(out.inputs)) inputs.add(i);
    for (const imp of out.imports) if (!imp.external && imp.kind === 'import-statement') visit(imp.path);
  };
  visit(chunk);
  return inputs;
}

const chunkOf = (meta: Metafile, prefix: string) => Object.keys(meta.outputs).find((o) => path.basename(o).startsWith(prefix) && o.endsWith('.js'))!;

describe('the web host bundle', () => {
  it('loads neither the station nor the sync server before Chromium starts, and the embedded server never loads pg', { timeout: 60_000 }, async () => {
    const meta = await metafile();
    const launch = [...staticInputs(meta, chunkOf(meta, 'launch'))];
    expect(launch.filter((i) => i.startsWith('main/core/station') || i.startsWith('sync-server/') || i.includes('node_modules/pg'))).toEqual([]);
    const embedded = [...staticInputs(meta, chunkOf(meta, 'embedded'))];
    expect(embedded.some((i) => i.startsWith('sync-server/server.ts'))).toBe(true);
    expect(embedded.filter((i) => i.includes('node_modules/pg') || i.includes('storage/postgres'))).toEqual([]);
    // The PostgreSQL storage is still built, as its own chunk, for a server that names a database.
    expect(chunkOf(meta, 'postgres-storage')).toBeDefined();
  });

  it('starts Chromium before it builds a single schema: no zod and no config check in the launcher', { timeout: 60_000 }, async () => {
    // main/webhost/launch.ts binds the port and starts Chromium (early-start.ts)
    // before it loads the rest; zod's schemas (the config's, the contract's) take
    // ≈ 100 ms of a box's CPU to build, and are built only after.
    const meta = await metafile();
    const launch = [...staticInputs(meta, chunkOf(meta, 'launch'))];
    expect(launch).toContain('main/webhost/early-start.ts');
    expect(launch.filter((i) => i.includes('node_modules/zod') || i === 'main/core/config.ts' || i === 'main/webhost/server.ts')).toEqual([]);
  });

  it('loads ws and serialport where they are first used, not with the launcher or the station', { timeout: 60_000 }, async () => {
    // Requiring them is ≈ 20 and ≈ 40 ms of one synchronous block: before the
    // port is bound, Chromium would start that much later; in the station's, the
    // host could not answer Chromium's first page requests meanwhile.
    const meta = await metafile();
    const early = [...staticInputs(meta, chunkOf(meta, 'launch')), ...staticInputs(meta, chunkOf(meta, 'station'))];
    expect(early.filter((i) => /^via-require:(ws|serialport|@serialport\/.*)$/.test(i))).toEqual([]);
  });

  it('takes Node built-ins and CommonJS packages with require(), never through an ESM facade', { timeout: 60_000 }, async () => {
    // An ESM import of node:http reads all its exports at once, loading undici
    // (scripts/via-require.mjs); of a CommonJS package, scans its source first.
    const meta = await metafile();
    const esmImports = Object.values(meta.outputs).flatMap((out) => out.imports.filter((i) => i.external && i.kind !== 'require-call').map((i) => i.path));
    // koffi is an ES module of its own; everything else outside the bundle is CommonJS or a built-in.
    expect([...new Set(esmImports)].filter((p) => p !== 'koffi')).toEqual([]);
  });

  it("holds zod's English messages only, not its 64 languages", { timeout: 60_000 }, async () => {
    // `z.locales` re-exports them all and esbuild cannot shake it: ≈ 360 KB of the
    // launcher's chunk and ≈ 3.5 MB of the host's resident memory (scripts/zod-english-only.mjs).
    const meta = await metafile();
    const locales = Object.values(meta.outputs).flatMap((out) => Object.keys(out.inputs).filter((i) => i.includes('node_modules/zod/v4/locales/')));
    expect([...new Set(locales)]).toEqual(['node_modules/zod/v4/locales/en.js']);
  });
});
