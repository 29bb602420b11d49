// What a server operator does (through `npx xiangyin server …`, or the embedded
// server for its own kiosk): register kiosks, and mark applications completed
// or rejected, which reaches the kiosk through the change feed (the download path).
import { catalogueVersionSchema } from '../offline-store/sync/protocol.js';
import { publicKeyFingerprint } from '../offline-store/sync/signing.js';
import type { ApplicationRow, ServerStorage } from './storage/storage.js';
import { applicationAd, phoneAd, type Vault } from './vault.js';
import { isValidIdNumber } from '../common/domain/id-number.js';

/** Catalogue payloads larger than this would not fit a kiosk's answer limit. */
export const MAX_CATALOGUE_BYTES = 1024 * 1024;

/** An operator's command that cannot be carried out as given; nothing was written. */
export class AdminError extends Error {
  constructor(
    readonly code: 'bad-catalogue-version' | 'bad-catalogue',
    message: string,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

export interface ServerApplication {
  id: string;
  kioskId: string;
  revision: number;
  receiptNumber: string;
  status: string;
  reason: string | null;
  receivedAt: string;
  attachments: { id: string; name: string; mediaType: string; sha256: string; size: number }[];
}

/** A mainland mobile number, as the SMS gateway texts it. */
const PHONE = /^1\d{10}$/;

export class PhoneImportError extends Error {
  override name = 'PhoneImportError';
  constructor(
    readonly lines: readonly number[],
    removing = false,
  ) {
    const which = `line(s) ${lines.slice(0, 20).join(', ')}${lines.length > 20 ? ', …' : ''}`;
    super(removing ? `no phone removed: ${which} need a valid ID number (check digit)` : `no phone recorded: ${which} need a valid ID number (check digit) and an 11-digit mobile number`);
  }
}

export class AdminDesk {
  constructor(
    private readonly storage: ServerStorage,
    private readonly vault: Vault,
    private readonly now: () => Date,
  ) {}

  /**
   * The province's phones on file (an import from its registry): each sealed and found by the keyed
   * hash of its ID number, as the one-time codes look them up. Every row is checked before any is
   * written; a bad row is named by its line, never by its content. All or nothing.
   */
  async recordPhones(rows: readonly { line: number; idNumber: string; phone: string }[]): Promise<{ added: number; replaced: number }> {
    const bad = rows.filter((r) => !isValidIdNumber(r.idNumber) || !PHONE.test(r.phone)).map((r) => r.line);
    if (bad.length) throw new PhoneImportError(bad);
    return this.storage.recordResidentPhones(
      rows.map((r) => {
        const idKey = this.vault.residentKey(r.idNumber);
        return { idKey, phoneEnc: this.vault.seal(r.phone, phoneAd(idKey)) };
      }),
    );
  }

  /**
   * Takes residents' phones off file (moved away, a wrong number, or asked to): with them goes any
   * one-time code in flight. Checked like an import: every line first, all or nothing.
   */
  async removePhones(rows: readonly { line: number; idNumber: string }[]): Promise<{ removed: number }> {
    const bad = rows.filter((r) => !isValidIdNumber(r.idNumber)).map((r) => r.line);
    if (bad.length) throw new PhoneImportError(bad, true);
    return this.storage.removeResidentPhones(rows.map((r) => this.vault.residentKey(r.idNumber)));
  }

  async registerKiosk(kioskId: string, publicKeyPem: string): Promise<{ kioskId: string; fingerprint: string; replaced: boolean }> {
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(kioskId)) throw new Error('kiosk id: 1-64 letters, digits, dot, dash, underscore');
    const fingerprint = publicKeyFingerprint(publicKeyPem);
    const replaced = await this.storage.registerKiosk({ id: kioskId, publicKeyPem, fingerprint, registeredAt: this.now().toISOString() });
    return { kioskId, fingerprint, replaced };
  }

  async kiosks(): Promise<{ id: string; fingerprint: string; registeredAt: string }[]> {
    return (await this.storage.kiosks()).map((k) => ({ id: k.id, fingerprint: k.fingerprint, registeredAt: k.registeredAt }));
  }

  /** Marks an accepted application done (办结) or refused (不予受理/退回), with a reason for the latter. */
  async decide(applicationId: string, status: 'completed' | 'rejected', reason: string | null): Promise<ServerApplication> {
    const row = await this.storage.decide(
      applicationId,
      (r) => {
        if (!r) throw new Error(`no application ${applicationId} on this server`);
        if (r.status !== 'accepted') throw new Error(`application is already ${r.status}`);
        if (status === 'rejected' && !reason) throw new Error('a rejection needs a reason the specialist can read to the resident');
      },
      status,
      reason,
      this.now().toISOString(),
    );
    return this.toApplication(row);
  }

  /**
   * Publishes a catalogue version to every kiosk through the change feed. What
   * the feed cannot carry is refused here, with a typed error, rather than
   * breaking the feed for every kiosk later.
   */
  async publishCatalogue(version: string, payload: unknown): Promise<void> {
    const v = catalogueVersionSchema.safeParse(version);
    if (!v.success) throw new AdminError('bad-catalogue-version', `catalogue version ${JSON.stringify(version.slice(0, 40))}: ${v.error.issues[0]?.message}`);
    if (payload === undefined || payload === null || typeof payload !== 'object') throw new AdminError('bad-catalogue', 'a catalogue is a JSON object');
    const json = JSON.stringify({ version, payload });
    if (Buffer.byteLength(json) > MAX_CATALOGUE_BYTES) throw new AdminError('bad-catalogue', `a catalogue must stay under ${MAX_CATALOGUE_BYTES} bytes`);
    await this.storage.publishCatalogue(json, this.now().toISOString());
  }

  async application(id: string): Promise<ServerApplication | null> {
    const r = await this.storage.application(id);
    return r ? this.toApplication(r) : null;
  }

  async applications(opts: { kioskId?: string; status?: string; limit?: number } = {}): Promise<ServerApplication[]> {
    return (await this.storage.applications(opts)).map((r) => this.toApplication(r));
  }

  counts(): Promise<Record<string, number>> {
    return this.storage.counts();
  }

  /** The whole application as the kiosk sent it (with the resident's data), opened from its sealed body. */
  async body(id: string): Promise<unknown> {
    const r = await this.storage.application(id);
    return r ? JSON.parse(this.vault.openText(r.bodyEnc, applicationAd(r.id))) : null;
  }

  private toApplication(r: ApplicationRow): ServerApplication {
    const body = JSON.parse(this.vault.openText(r.bodyEnc, applicationAd(r.id))) as { attachments: { id: string; name: string; mediaType: string; sha256: string; size: number }[] };
    return {
      id: r.id,
      kioskId: r.kioskId,
      revision: r.revision,
      receiptNumber: r.receiptNumber,
      status: r.status,
      reason: r.reason,
      receivedAt: r.receivedAt,
      attachments: body.attachments.map((a) => ({ id: a.id, name: a.name, mediaType: a.mediaType, sha256: a.sha256, size: a.size })),
    };
  }
}
