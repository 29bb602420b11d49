// Puts the speech model into the app's model folder and proves it is the right
// one: copied from ../shared when it is there (every developer and CI machine),
// else downloaded from the upstream repository at the pinned commit. Every file's
// sha256 is checked against the committed manifest; a mismatch is an error and
// nothing half-copied is left behind (files land under a temp name, then rename).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ModelFile, ModelManifest } from './manifest.js';

export class ProvisionError extends Error {
  constructor(
    readonly code: 'checksum-mismatch' | 'source-missing' | 'download-failed' | 'archive-unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'ProvisionError';
  }
}

export interface ProvisionOptions {
  readonly manifest: ModelManifest;
  /** Destination folder, e.g. <app>/models/pocketsphinx-zh-tdt_sc_8k. */
  readonly dest: string;
  /** A local copy laid out like upstream (e.g. ../shared/models/<name>); used when it exists. */
  readonly localSource?: string;
  /** A mirror laid out like upstream's raw URLs, used instead of upstream (an offline depot). */
  readonly mirror?: string;
  /** Injected for tests; defaults to the global fetch. */
  readonly fetch?: (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;
  readonly log?: (line: string) => void;
}

export interface ProvisionReport {
  readonly source: 'local' | 'download' | 'already-present';
  readonly files: number;
  readonly bytes: number;
}

const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

function verify(f: ModelFile, buf: Buffer, where: string): void {
  const got = sha256(buf);
  if (got !== f.sha256 || buf.length !== f.bytes) {
    throw new ProvisionError('checksum-mismatch', `${f.path} from ${where}: sha256 ${got} (${buf.length} bytes), expected ${f.sha256} (${f.bytes} bytes)`);
  }
}

/** True when every file of the manifest is in `dir` with the right checksum. */
export function isProvisioned(manifest: ModelManifest, dir: string): boolean {
  return manifest.files.every((f) => {
    try {
      verify(f, fs.readFileSync(path.join(dir, f.path)), dir);
      return true;
    } catch {
      return false;
    }
  });
}

async function download(url: string, o: ProvisionOptions): Promise<Buffer> {
  const fetcher = o.fetch ?? ((u: string) => fetch(u));
  (o.log ?? (() => {}))(`downloading ${url}`);
  let res;
  try {
    res = await fetcher(url);
  } catch (e) {
    throw new ProvisionError('download-failed', `${url}: ${(e as Error).message}`);
  }
  if (!res.ok) throw new ProvisionError('download-failed', `${url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * Upstream ships some models only as one .tar.bz2: the archive's sha256 is checked
 * first (a wrong or truncated download never reaches tar), then it is unpacked in a
 * private temp folder and each file is checked again against the manifest.
 */
async function fromArchive(o: ProvisionOptions, archive: NonNullable<ModelManifest['upstream']['archive']>): Promise<string> {
  const url = o.mirror ? o.mirror.replace(/\/?$/, '/') + path.basename(archive.url) : archive.url;
  const buf = await download(url, o);
  const got = sha256(buf);
  if (got !== archive.sha256) throw new ProvisionError('checksum-mismatch', `${url}: sha256 ${got}, expected ${archive.sha256}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xiangyin-model-'));
  const file = path.join(tmp, 'model.tar.bz2');
  fs.writeFileSync(file, buf);
  const r = spawnSync('tar', ['-xjf', file, '-C', tmp], { encoding: 'utf8' });
  if (r.status !== 0) fs.rmSync(tmp, { recursive: true, force: true });
  if (r.status !== 0) throw new ProvisionError('archive-unreadable', `${url}: tar failed: ${(r.stderr || r.error?.message || '').trim()}`);
  return path.join(tmp, archive.folder);
}

export async function provisionModel(o: ProvisionOptions): Promise<ProvisionReport> {
  const log = o.log ?? (() => {});
  const bytes = o.manifest.files.reduce((n, f) => n + f.bytes, 0);
  if (isProvisioned(o.manifest, o.dest)) return { source: 'already-present', files: o.manifest.files.length, bytes };
  const archive = o.manifest.upstream.archive;
  let local = o.localSource && fs.existsSync(o.localSource) ? o.localSource : undefined;
  let unpacked: string | undefined;
  if (!local && archive) local = unpacked = await fromArchive(o, archive);
  try {
    for (const f of o.manifest.files) await placeFile(o, f, local, log);
  } finally {
    if (unpacked) fs.rmSync(path.dirname(unpacked), { recursive: true, force: true });
  }
  return { source: local && !unpacked ? 'local' : 'download', files: o.manifest.files.length, bytes };
}

async function placeFile(o: ProvisionOptions, f: ModelFile, local: string | undefined, log: (line: string) => void): Promise<void> {
  const target = path.join(o.dest, f.path);
  let buf: Buffer;
  if (local) {
    const from = path.join(local, f.path);
    if (!fs.existsSync(from)) throw new ProvisionError('source-missing', `${from} is missing from the local model copy`);
    buf = fs.readFileSync(from);
    verify(f, buf, local);
  } else {
    const url = (o.mirror ?? o.manifest.upstream.rawBase).replace(/\/?$/, '/') + f.path;
    buf = await download(url, o);
    verify(f, buf, url);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.part-${process.pid}`;
  fs.writeFileSync(tmp, buf);
  fs.renameSync(tmp, target);
  log(`ok ${f.path} (${f.bytes} bytes)`);
}
