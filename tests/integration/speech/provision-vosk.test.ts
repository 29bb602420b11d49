// Model provisioning (local copy and download, both checksum-verified) and the
// Vosk engine up to loading a model — no Vosk Mandarin model can be obtained on
// these machines, so a real load is not tested here.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pocketSphinxZhManifest } from '../../../speech/models/manifest.js';
import { isProvisioned, provisionModel, ProvisionError } from '../../../speech/models/provision.js';
import { createVoskRecognizer, defaultVoskLibrary, voskGrammarJson } from '../../../speech/recognition/vosk-recognizer.js';
import { buildStepGrammar } from '../../../speech/grammar/step-grammar.js';
import { loadDictionary } from '../../../speech/grammar/dictionary.js';
import { sharedModel, tempDir } from './helpers.js';

describe('model provisioning', () => {
  let server: http.Server;
  let mirror: string;
  const served: string[] = [];

  beforeAll(async () => {
    // A real HTTP mirror laid out like upstream's raw file URLs, serving ../shared.
    server = http.createServer((req, res) => {
      const rel = decodeURIComponent((req.url ?? '/').replace(/^\/pinned\//, ''));
      served.push(rel);
      const file = path.join(sharedModel, rel);
      if (!rel.startsWith('model/') || !fs.existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200).end(fs.readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pinned/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('copies the local model, verifies every file, and is idempotent', async () => {
    const dest = path.join(tempDir('prov'), 'm');
    expect(await provisionModel({ manifest: pocketSphinxZhManifest, dest, localSource: sharedModel })).toMatchObject({ source: 'local', files: 8 });
    expect(isProvisioned(pocketSphinxZhManifest, dest)).toBe(true);
    expect(await provisionModel({ manifest: pocketSphinxZhManifest, dest, localSource: sharedModel })).toMatchObject({ source: 'already-present' });
  });

  it('downloads from upstream (here a local mirror) when there is no local copy', async () => {
    const dest = path.join(tempDir('prov-dl'), 'm');
    const r = await provisionModel({ manifest: pocketSphinxZhManifest, dest, localSource: path.join(tempDir('absent'), 'nothing'), mirror });
    expect(r.source).toBe('download');
    expect(served).toEqual(expect.arrayContaining(pocketSphinxZhManifest.files.map((f) => f.path)));
    expect(isProvisioned(pocketSphinxZhManifest, dest)).toBe(true);
  });

  it('refuses a file whose checksum is wrong and leaves no partial file behind', async () => {
    const bad = path.join(tempDir('prov-bad'), 'src');
    fs.cpSync(sharedModel, bad, { recursive: true });
    fs.chmodSync(path.join(bad, 'model/hmm/zh/tdt_sc_8k/means'), 0o644);
    fs.appendFileSync(path.join(bad, 'model/hmm/zh/tdt_sc_8k/means'), 'x');
    const dest = path.join(tempDir('prov-bad-dest'), 'm');
    await expect(provisionModel({ manifest: pocketSphinxZhManifest, dest, localSource: bad })).rejects.toMatchObject({ code: 'checksum-mismatch' });
    expect(fs.existsSync(path.join(dest, 'model/hmm/zh/tdt_sc_8k/means'))).toBe(false);
    expect(fs.readdirSync(path.join(dest, 'model/hmm/zh/tdt_sc_8k')).some((f) => f.includes('.part'))).toBe(false);
  });

  it('reports a failed download as a typed error', async () => {
    const dest = path.join(tempDir('prov-404'), 'm');
    await expect(provisionModel({ manifest: pocketSphinxZhManifest, dest, mirror: mirror + 'missing/' })).rejects.toBeInstanceOf(ProvisionError);
    await expect(provisionModel({ manifest: pocketSphinxZhManifest, dest, mirror: 'http://127.0.0.1:9/' })).rejects.toMatchObject({ code: 'download-failed' });
  });
});

describe('Vosk engine (no model obtainable here: tested up to loading one)', () => {
  it('ships libvosk.so in node_modules/vosk', () => {
    expect(fs.existsSync(defaultVoskLibrary())).toBe(true);
  });

  it('a missing model folder is model-missing; a folder that is not a model is model-corrupt', () => {
    expect(() => createVoskRecognizer({ modelDir: path.join(tempDir('vosk'), 'absent') })).toThrow(expect.objectContaining({ code: 'model-missing' }));
    expect(() => createVoskRecognizer({ modelDir: tempDir('vosk-empty') })).toThrow(expect.objectContaining({ code: 'model-corrupt' }));
  });

  it('loads libvosk through koffi and reports a damaged model as model-corrupt (not a crash)', () => {
    const dir = tempDir('vosk-bad');
    fs.mkdirSync(path.join(dir, 'am'));
    fs.mkdirSync(path.join(dir, 'conf'));
    fs.writeFileSync(path.join(dir, 'am', 'final.mdl'), Buffer.alloc(1024, 7));
    fs.writeFileSync(path.join(dir, 'conf', 'model.conf'), '');
    expect(() => createVoskRecognizer({ modelDir: dir })).toThrow(expect.objectContaining({ code: 'model-corrupt', message: expect.stringMatching(/Vosk could not load/) }));
  });

  it('turns a step grammar into Vosk runtime grammar JSON with [unk] for everything else', () => {
    const dict = loadDictionary(path.join(sharedModel, 'model/lm/zh_CN/mandarin_notone.dic'));
    const phrases = JSON.parse(voskGrammarJson(buildStepGrammar({ kind: 'confirm' }, dict))) as string[];
    expect(phrases).toContain('是');
    expect(phrases).toContain('不是');
    expect(phrases).toContain('对 的');
    expect(phrases.at(-1)).toBe('[unk]');
    const home = JSON.parse(voskGrammarJson(buildStepGrammar({ kind: 'home' }, dict))) as string[];
    expect(home).toContain('我要 养老 认证');
  });
});
