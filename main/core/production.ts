// What a station in production mode refuses to start with. The embedded
// reference sync server keeps residents' applications on the kiosk (they never
// reach the government), and the development specialist's PIN is public (it is
// in the README): both are for development and demonstration only. Checked by
// the composition root before any area starts, so both hosts refuse alike and
// nothing (no port, no database, no desk login) is opened first.
import crypto from 'node:crypto';
import type { StationConfig } from './config.js';

export const productionRefusals = ['embedded-sync-server', 'placeholder-sync-server', 'placeholder-server-key', 'development-specialist', 'placeholder-links', 'pinned-face-challenges'] as const;
export type ProductionRefusal = (typeof productionRefusals)[number];

/** A production station's config asks for something only a development kiosk may do. */
export class ProductionConfigError extends Error {
  constructor(
    readonly codes: readonly ProductionRefusal[],
    message: string,
  ) {
    super(message);
    this.name = 'ProductionConfigError';
  }
}

/** The placeholder host `station.example.json` ships with; a real URL replaces it. */
export const PLACEHOLDER_SYNC_HOST_SUFFIX = '.invalid';

const why: Record<ProductionRefusal, string> = {
  'embedded-sync-server':
    'sync.server is "embedded": the embedded reference sync server keeps applications on this kiosk and never sends them on. Set sync.server to your sync server\'s https URL.',
  'placeholder-sync-server': 'sync.server is still the example\'s placeholder (a host ending in .invalid). Set it to your sync server\'s https URL.',
  'placeholder-server-key': 'sync.serverPublicKey is not a public key (the example\'s placeholder?). Paste the PEM that `npx xiangyin server register` printed on the sync server.',
  'development-specialist':
    'specialists is empty, which lets the development specialist "dev" log in with a public PIN. List the station\'s specialists, each with a pinHash from `npx xiangyin specialist hash-pin`.',
  'placeholder-links':
    'links.payment or links.status is still a placeholder (a host ending in .invalid): the QR codes on screen and on receipts would lead nowhere. Set them to the payment and status pages\' https URL templates.',
  'pinned-face-challenges': 'face.challenges pins what the face check asks (for tests only): a known sequence is easier to replay to the camera. Remove it so each check asks a random pair.',
};

function isPublicKey(pem: string | undefined): boolean {
  try {
    return pem !== undefined && crypto.createPublicKey(pem).type === 'public';
  } catch {
    return false;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Throws ProductionConfigError listing every reason when a production config is not fit to run. */
export function assertProductionReady(config: StationConfig): void {
  if (config.mode !== 'production') return;
  const refusals: ProductionRefusal[] = [];
  if (config.sync.server === 'embedded') refusals.push('embedded-sync-server');
  else if (hostOf(config.sync.server).endsWith(PLACEHOLDER_SYNC_HOST_SUFFIX)) refusals.push('placeholder-sync-server');
  if (config.sync.server !== 'embedded' && !isPublicKey(config.sync.serverPublicKey)) refusals.push('placeholder-server-key');
  if (config.specialists.length === 0) refusals.push('development-specialist');
  if ([config.links.payment, config.links.status].some((t) => hostOf(t.replace(/\{[^{}]*\}/g, 'x')).endsWith(PLACEHOLDER_SYNC_HOST_SUFFIX))) refusals.push('placeholder-links');
  if (config.face.challenges) refusals.push('pinned-face-challenges');
  if (refusals.length === 0) return;
  const lines = refusals.map((r) => `  - ${why[r]}`).join('\n');
  throw new ProductionConfigError(
    refusals,
    `本站为正式模式（mode: "production"），配置不完整，拒绝启动。\nThis station is in production mode and refuses to start:\n${lines}\n(For a development or demonstration kiosk, set "mode": "development".)`,
  );
}
