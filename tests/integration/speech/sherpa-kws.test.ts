// The embedded engine on real audio: sherpa-onnx's keyword spotter (the real N-API
// addon, the real model provisioned from ../shared), real Mandarin recordings of
// isolated words from speakers no setting was chosen on, and the real sentences
// that must never be taken for a command.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWav } from '../../../speech/audio/wav.js';
import { kwsModelManifest } from '../../../speech/kws/model.js';
import { isProvisioned, provisionModel, ProvisionError } from '../../../speech/models/provision.js';
import { createSherpaKwsRecognizer } from '../../../speech/recognition/sherpa-kws-recognizer.js';
import { RecognizerError, type Recognizer } from '../../../speech/recognition/recognizer.js';
import { ALL_MERGERS } from '../../../speech/kws/accent.js';
import { afterRoom } from '../../../speech/eval/spot.js';
import { chunks, realClips, sharedDir, tempDir } from './helpers.js';

const sharedKws = path.join(sharedDir, 'models', kwsModelManifest.name);
const keywordsDir = path.join(sharedDir, 'speech', 'real-zh-keywords');
let modelDir: string;
let rec: Recognizer;

beforeAll(async () => {
  modelDir = path.join(tempDir('kws'), kwsModelManifest.name);
  await provisionModel({ manifest: kwsModelManifest, dest: modelDir, localSource: sharedKws });
  rec = createSherpaKwsRecognizer({ modelDir, mergers: ALL_MERGERS });
});
afterAll(() => rec?.dispose());

function hear(samples: Int16Array, step: Parameters<Recognizer['start']>[0]) {
  const s = rec.start(step);
  const partials = chunks(samples).map((c) => s.accept(c)).filter((p) => p !== null);
  return { final: s.end(), partials };
}
const realWord = (name: string) => parseWav(fs.readFileSync(path.join(keywordsDir, `${name}.wav`))).samples;

describe('sherpa-onnx keyword spotter', () => {
  it('hears real people saying a word on the screen, and shows it while it is heard', () => {
    // Two speakers; the screen offers words that differ in one syllable (语音 / 语言 / 识别).
    const step = { kind: 'choice' as const, options: [{ id: 'voice', label: '语音' }, { id: 'language', label: '语言' }, { id: 'recognise', label: '识别' }] };
    for (const [clip, want] of [['dsp20-16307110258-01', 'voice'], ['dsp20-16307110258-02', 'language'], ['dsp20-16307130343-03', 'recognise']] as const) {
      const { final, partials } = hear(realWord(clip), step);
      expect(final, clip).toMatchObject({ kind: 'final', intent: want });
      expect(partials.at(-1)).toMatchObject({ kind: 'partial', intent: want });
    }
  });

  it('hears them as well when they speak 30 dB quieter (a quiet voice a metre from the microphone)', () => {
    // The browser's automatic gain is off (it clipped); the station brings each utterance to one loudness itself.
    const step = { kind: 'choice' as const, options: [{ id: 'voice', label: '语音' }, { id: 'language', label: '语言' }, { id: 'recognise', label: '识别' }] };
    const scaled = (s: Int16Array, g: number) => Int16Array.from(s, (x) => Math.max(-32768, Math.min(32767, Math.round(x * g))));
    // A third speaker, whose three words were all missed at that level before it did.
    for (const [clip, want] of [['dsp20-17307130064-01', 'voice'], ['dsp20-17307130064-02', 'language'], ['dsp20-17307130064-03', 'recognise']] as const) {
      expect(hear(scaled(realWord(clip), 0.03), step).final, `${clip} 30 dB quieter`).toMatchObject({ kind: 'final', intent: want });
    }
  });

  it('hears them when they speak only after a pause, as a resident does once the microphone is open', () => {
    // The spotter's search, fed a long silence, kept stale half-keywords that the real word then
    // merged into: recall on the real recordings fell from 0.91 to 0.30 after one second of room.
    // Each stretch of speech is now spotted on a fresh stream (speech-stretches.ts).
    const step = { kind: 'choice' as const, options: [{ id: 'voice', label: '语音' }, { id: 'language', label: '语言' }, { id: 'recognise', label: '识别' }] };
    for (const speaker of ['16307110258', '17307130064']) {
      for (const [n, want] of [['01', 'voice'], ['02', 'language'], ['03', 'recognise']] as const) {
        for (const pause of [1, 2]) expect(hear(afterRoom(realWord(`dsp20-${speaker}-${n}`), pause), step).final, `${speaker}-${n} after ${pause} s`).toMatchObject({ kind: 'final', intent: want });
      }
    }
  });

  it('never takes a real sentence for a command, an answer or a number, at any step', () => {
    const income = { kind: 'quantity' as const, max: 100_000, units: ['元', '块', '块钱'] };
    // The read-back's own words: its yes submits, and 提交 as people say it is a keyword there.
    const readBack = { kind: 'confirm' as const, yes: ['是，提交'], no: ['不是，要修改'], submits: true };
    const steps = [{ kind: 'home' as const }, { kind: 'confirm' as const }, readBack, { kind: 'digits' as const, minLength: 7, maxLength: 12 }, income];
    for (const r of realClips()) {
      for (const step of steps) {
        const { final } = hear(r.samples, step);
        expect(final.kind, `${r.name} at ${step.kind}: ${final.text}`).toBe('rejected');
      }
    }
  });

  it('with spoken numbers off (the station default), a number step takes no number, only its words', () => {
    const station = createSherpaKwsRecognizer({ modelDir, mergers: ALL_MERGERS, spokenNumbers: false });
    try {
      const phone = parseWav(fs.readFileSync(path.join(keywordsDir, 'digits', 'qwen3-noise2-num2.wav'))).samples;
      const s = station.start({ kind: 'digits', minLength: 11, maxLength: 11, extra: [{ id: 'skip', label: '跳过' }] });
      for (const c of chunks(phone)) s.accept(c);
      expect(s.end()).toMatchObject({ kind: 'rejected' });
    } finally {
      station.dispose();
    }
  });

  it('hears silence as no speech', () => {
    expect(hear(new Int16Array(16000 * 2), { kind: 'confirm' }).final).toMatchObject({ kind: 'rejected', reason: 'no-speech' });
  });

  it('says model-missing for an empty folder and model-corrupt for a damaged file, before native code sees it', () => {
    expect(() => createSherpaKwsRecognizer({ modelDir: tempDir('kws-none') })).toThrow(expect.objectContaining({ code: 'model-missing' }));
    const damaged = path.join(tempDir('kws-bad'), 'm');
    fs.cpSync(modelDir, damaged, { recursive: true });
    const enc = path.join(damaged, kwsModelManifest.files[0]!.path);
    const buf = fs.readFileSync(enc);
    buf[buf.length >> 1]! ^= 0xff;
    fs.writeFileSync(enc, buf);
    let err: unknown;
    try {
      createSherpaKwsRecognizer({ modelDir: damaged });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RecognizerError);
    expect(err).toMatchObject({ code: 'model-corrupt', message: expect.stringContaining('encoder') });
  });
});

describe('provisioning the spotter from its upstream archive', () => {
  let server: http.Server;
  let mirror: string;
  let archiveSha: string;

  beforeAll(async () => {
    // The upstream asset's layout: one .tar.bz2 holding a folder named like the model.
    const stage = tempDir('kws-archive');
    fs.cpSync(sharedKws, path.join(stage, kwsModelManifest.name), { recursive: true, filter: (f) => !f.endsWith('PROVENANCE.md') });
    const tarball = path.join(stage, `${kwsModelManifest.name}.tar.bz2`);
    execFileSync('tar', ['-cjf', tarball, '-C', stage, kwsModelManifest.name]);
    const bytes = fs.readFileSync(tarball);
    archiveSha = createHash('sha256').update(bytes).digest('hex');
    server = http.createServer((req, res) => (req.url?.endsWith('.tar.bz2') ? res.writeHead(200).end(bytes) : res.writeHead(404).end()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kws-models/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const manifestWith = (sha256: string) => ({ ...kwsModelManifest, upstream: { ...kwsModelManifest.upstream, archive: { ...kwsModelManifest.upstream.archive!, sha256 } } });

  it('downloads the archive, checks it, unpacks it and checks every file', async () => {
    const dest = path.join(tempDir('kws-dl'), 'm');
    const r = await provisionModel({ manifest: manifestWith(archiveSha), dest, mirror });
    expect(r).toMatchObject({ source: 'download', files: 4 });
    expect(isProvisioned(kwsModelManifest, dest)).toBe(true);
  });

  it('refuses an archive whose sha256 differs from the pinned one, and writes nothing', async () => {
    const dest = path.join(tempDir('kws-dl-bad'), 'm');
    await expect(provisionModel({ manifest: manifestWith('0'.repeat(64)), dest, mirror })).rejects.toMatchObject({ code: 'checksum-mismatch' });
    expect(fs.existsSync(dest)).toBe(false);
  });

  it('says download-failed when upstream cannot be reached', async () => {
    const dest = path.join(tempDir('kws-dl-none'), 'm');
    await expect(provisionModel({ manifest: kwsModelManifest, dest, mirror: 'http://127.0.0.1:9/' })).rejects.toBeInstanceOf(ProvisionError);
  });
});
