// Watches a reader: polls for a card (never faster than every 300 ms, the pace
// the SAM is specified for), reads it once when it arrives, reports when it
// leaves, and reopens the port after the cable is pulled and put back.
import type { DeviceHealth } from '../../common/domain/status.js';
import type { IdCard } from '../../common/domain/idcard.js';
import type { ByteLink } from '../serial/link.js';
import { decodeBaseInfo, looksLikeBaseInfo, type CardRead } from './base-info.js';
import { hex2, Status, statusMeaning } from './reply.js';
import { SamClient, SamError } from './sam-client.js';
import { TextBlockError } from './text-block.js';
import type { PhotoDecoder } from './photo.js';

export const MIN_POLL_MS = 300;

export type IdCardEvent =
  | { type: 'inserted' }
  | { type: 'read'; card: IdCard }
  | { type: 'removed' }
  /**
   * `during`: 'read' when a card was being read (the card, or its placing, is at fault: a card
   * event); 'poll' when the reader was only asked whether a card is there, or could not be reached
   * (the reader's health: says nothing about the card or who holds it).
   */
  | { type: 'error'; code: string; message: string; during: 'read' | 'poll' };

export type HealthState = DeviceHealth['state'];

export interface ReaderServiceOptions {
  /** Opens the link to the reader; called again after the link is lost. */
  open: () => Promise<ByteLink>;
  pollMs?: number;
  replyTimeoutMs?: number;
  reconnectMs?: number;
  onHealth?: (state: HealthState, message: string) => void;
  /** The vendor's WLT decoder, where a station has one installed (see photo.ts). */
  photoDecoder?: PhotoDecoder | null;
}

export class ReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}

export class IdCardReaderService {
  private readonly listeners = new Set<(e: IdCardEvent) => void>();
  private link: ByteLink | null = null;
  private client: SamClient | null = null;
  private present = false;
  private lastRead: CardRead | null = null;
  /** The select serial of the card read: a different one while "present" means the card was swapped. */
  private lastSerial: Buffer | null = null;
  private lastErrorCode: string | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private readonly pollMs: number;
  health: { state: HealthState; message: string } = { state: 'starting', message: '读卡器启动中' };

  constructor(private readonly opts: ReaderServiceOptions) {
    this.pollMs = Math.max(MIN_POLL_MS, opts.pollMs ?? 500);
  }

  start(): void {
    this.loop ??= this.run();
  }

  subscribe(listener: (e: IdCardEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The card on the reader now, if it was read (the photo stays here in main). */
  current(): CardRead | null {
    return this.present ? this.lastRead : null;
  }

  /** Whether a card lies on the reader as of the last poll, read or not (one that failed to read too). */
  get cardPresent(): boolean {
    return this.present;
  }

  /** For the specialist's test button: the card on the reader, read now if need be. */
  async testRead(): Promise<CardRead | null> {
    if (this.lastRead && this.present) return this.lastRead;
    const client = this.client;
    if (!client) throw new ReadError('disconnected', '读卡器未连接');
    const found = await client.command('findCard');
    if (found.sw3 !== Status.cardFound) return null;
    return (await this.readCard(client)).read;
  }

  /** The current card's photo as a bitmap, or null without a decoder (or without a card). */
  async currentPhotoBitmap(): Promise<Uint8Array | null> {
    const read = this.current();
    if (!read || !this.opts.photoDecoder) return null;
    return this.opts.photoDecoder.decode(read.photo);
  }

  async dispose(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.dropLink();
    this.listeners.clear();
  }

  private emit(e: IdCardEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch {
        // a subscriber's bug must not stop the reader
      }
    }
  }

  private setHealth(state: HealthState, message: string): void {
    if (this.health.state === state && this.health.message === message) return;
    this.health = { state, message };
    this.opts.onHealth?.(state, message);
  }

  /** Reports an error once, not on every poll while it lasts. */
  private reportError(code: string, message: string, during: 'read' | 'poll' = 'poll'): void {
    if (this.lastErrorCode === code) return;
    this.lastErrorCode = code;
    this.emit({ type: 'error', code, message, during });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (!this.client) {
        if (!(await this.connect())) {
          await this.sleep(this.opts.reconnectMs ?? 1000);
          continue;
        }
      }
      const started = Date.now();
      await this.pollOnce();
      await this.sleep(Math.max(0, this.pollMs - (Date.now() - started)));
    }
  }

  private async connect(): Promise<boolean> {
    let link: ByteLink;
    try {
      link = await this.opts.open();
    } catch (e) {
      this.setHealth('disconnected', '读卡器未连接');
      this.reportError('disconnected', `读卡器未连接：${(e as Error).message}`);
      return false;
    }
    if (this.stopped) {
      await link.close();
      return false;
    }
    this.link = link;
    const client = new SamClient(link, { replyTimeoutMs: this.opts.replyTimeoutMs ?? 1000 });
    this.client = client;
    link.onClose(() => void this.onLinkLost());
    this.lastErrorCode = null;
    try {
      const st = await client.command('status');
      if (st.sw3 === Status.selfTestFailed) this.setHealth('fault', statusMeaning(st.sw3));
      else this.setHealth('ok', '读卡器正常');
    } catch (e) {
      // The port is there but the reader does not answer properly: keep polling it,
      // the specialist sees a warning rather than "not connected".
      const code = e instanceof SamError ? e.code : 'internal';
      if (code !== 'link') this.setHealth('warning', `读卡器通信异常（${code}）`);
    }
    return this.client !== null;
  }

  private async onLinkLost(): Promise<void> {
    if (this.stopped || !this.link) return;
    await this.dropLink();
    this.setHealth('disconnected', '读卡器连接断开');
    this.reportError('disconnected', '读卡器连接断开');
    this.cardGone();
  }

  private async dropLink(): Promise<void> {
    this.client?.dispose();
    this.client = null;
    const link = this.link;
    this.link = null;
    await link?.close().catch(() => undefined);
  }

  private cardGone(): void {
    if (!this.present) return;
    this.present = false;
    this.lastRead = null;
    this.lastSerial = null;
    this.emit({ type: 'removed' });
  }

  private async pollOnce(): Promise<void> {
    const client = this.client;
    if (!client) return;
    // Whether a card is being read now. A reply lost while only asking whether a card is there
    // (a timeout or a garbled frame on a busy or noisy line) says nothing about the card or who
    // holds it: it is reported as the reader's ('poll'), and the next poll asks again.
    let reading = false;
    try {
      const found = (await client.command('findCard')).sw3 === Status.cardFound;
      if (!this.present) {
        if (!found) return this.settle();
        this.present = true;
        this.emit({ type: 'inserted' });
      } else {
        // Some SAMs stop "finding" a card that was already read, others keep finding it: select
        // tells if a card is still there, and its serial whether it is still the card that was
        // read. A card swapped for another between two polls is a removal and a new card, so the
        // first resident's identity never carries over to the second (or to an unreadable card).
        const sel = await client.command('selectCard');
        if (sel.sw3 !== Status.ok) return this.cardGone();
        if (this.lastSerial && !sel.data.equals(this.lastSerial)) {
          this.cardGone();
          this.present = true;
          this.emit({ type: 'inserted' });
        }
      }
      if (!this.lastRead) {
        reading = true;
        const { read, serial } = await this.readCard(client);
        this.lastRead = read;
        this.lastSerial = serial;
        this.emit({ type: 'read', card: read.card });
      }
      this.settle();
    } catch (e) {
      const code = e instanceof SamError || e instanceof ReadError ? e.code : 'internal';
      if (code === 'link' || this.stopped) return;
      if (!(e instanceof ReadError)) this.setHealth('warning', `读卡器通信异常（${code}）`);
      this.reportError(code, e instanceof Error ? e.message : String(e), reading || e instanceof ReadError ? 'read' : 'poll');
    }
  }

  private settle(): void {
    if (this.health.state === 'warning') this.setHealth('ok', '读卡器正常');
    this.lastErrorCode = null;
  }

  private async readCard(client: SamClient): Promise<{ read: CardRead; serial: Buffer | null }> {
    const sel = await client.command('selectCard');
    // A SAM that answers select without a serial cannot tell a swap: nothing to compare then.
    const serial = sel.data.length > 0 && !sel.data.every((b) => b === 0) ? Buffer.from(sel.data) : null;
    if (sel.sw3 !== Status.ok) throw new ReadError('select-failed', `${statusMeaning(sel.sw3)}，请把身份证放平`);
    const r = await client.command('readBaseInfo');
    if (r.sw3 !== Status.ok) throw new ReadError('read-failed', `${statusMeaning(r.sw3)}（${hex2(r.sw3)}），请重新放卡`);
    if (!looksLikeBaseInfo(r.data)) throw new ReadError('bad-card-data', '读卡器返回的数据格式不对');
    try {
      return { read: decodeBaseInfo(r.data), serial };
    } catch (e) {
      if (e instanceof TextBlockError) throw new ReadError('bad-card-data', `卡片信息无法识别（${e.field}）`);
      throw e;
    }
  }
}
