// The device side of an ID card reader: answers SAM commands over a ByteLink with
// scripted cards and faults. It speaks the same wire protocol as a real reader, so
// the host driver under test cannot tell the difference (apart from the faults we ask for).
import crypto from 'node:crypto';
import type { IdCard } from '../../common/domain/idcard.js';
import type { ByteLink } from '../serial/link.js';
import { encodeBaseInfo } from './base-info.js';
import { commandName, encodeFrame } from './frame.js';
import { FrameParser } from './frame-parser.js';
import { PHOTO_BYTES } from './photo.js';
import { encodeReply, Status } from './reply.js';
import type { SampleCard } from './samples.js';

export const idCardFaults = ['none', 'no-card', 'corrupt-checksum', 'slow-reply', 'read-failed', 'self-test-failed', 'unplug-mid-frame'] as const;
export type IdCardFault = (typeof idCardFaults)[number];

/** What tests (and the lead's browser tests) use to drive the simulated reader. */
export interface IdCardSimulatorControl {
  insertCard(card: SampleCard | IdCard, photo?: Uint8Array): void;
  removeCard(): void;
  /**
   * 'no-card': the reader cannot see an inserted card. 'corrupt-checksum': every
   * reply has a wrong checksum. 'slow-reply': replies come after `slowReplyMs`.
   * 'read-failed' / 'self-test-failed': the SAM says so. 'unplug-mid-frame': the
   * next card read stops halfway and the cable is pulled (then plugged back in).
   * Faults stay until set to 'none', except unplug, which happens once.
   */
  setFault(kind: IdCardFault): void;
  readonly fault: IdCardFault;
  readonly cardInserted: boolean;
  /** Commands received, by name ('unknown' for anything else); for tests. */
  readonly commandCount: Readonly<Record<string, number>>;
}

export interface IdCardSimulatorOptions {
  slowReplyMs?: number;
  /** Called when an unplug fault fires; the owner of the pty pulls and re-plugs the cable. */
  onUnplug?: () => void;
}

export class IdCardSimulator implements IdCardSimulatorControl {
  private card: { card: SampleCard; photo: Uint8Array } | null = null;
  private currentFault: IdCardFault = 'none';
  private link: ByteLink | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly parser = new FrameParser();
  private readonly timers = new Set<NodeJS.Timeout>();
  readonly commandCount: Record<string, number> = {};

  constructor(private readonly opts: IdCardSimulatorOptions = {}) {}

  get fault(): IdCardFault {
    return this.currentFault;
  }
  get cardInserted(): boolean {
    return this.card !== null;
  }

  insertCard(card: SampleCard | IdCard, photo: Uint8Array = defaultPhoto()): void {
    const { name, sex, ethnicity, birthDate, address, idNumber, issuer, validFrom, validTo } = card;
    this.card = { card: { name, sex, ethnicity, birthDate, address, idNumber, issuer, validFrom, validTo }, photo };
  }

  removeCard(): void {
    this.card = null;
  }

  setFault(kind: IdCardFault): void {
    this.currentFault = kind;
  }

  /** Starts answering on `link` (the device end of the pty). */
  attach(link: ByteLink): void {
    this.detach();
    this.link = link;
    this.parser.reset();
    this.unsubscribe = link.onData((chunk) => {
      for (const e of this.parser.push(chunk)) {
        if (e.kind === 'frame') this.answer(e.body);
        else if (e.kind === 'error' && e.code === 'checksum') this.send(encodeReply(Status.badChecksum));
      }
    });
  }

  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.link = null;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private answer(body: Buffer): void {
    const name = commandName(body) ?? 'unknown';
    this.commandCount[name] = (this.commandCount[name] ?? 0) + 1;
    const visible = this.card !== null && this.currentFault !== 'no-card';
    switch (name) {
      case 'reset':
        return this.send(encodeReply(Status.ok));
      case 'status':
        return this.send(encodeReply(this.currentFault === 'self-test-failed' ? Status.selfTestFailed : Status.ok));
      case 'findCard':
        return this.send(visible ? encodeReply(Status.cardFound, Buffer.alloc(4)) : encodeReply(Status.noCard));
      case 'selectCard':
        return this.send(visible && this.card ? encodeReply(Status.ok, cardSerial(this.card.card)) : encodeReply(Status.selectFailed));
      case 'readBaseInfo': {
        if (!visible || !this.card || this.currentFault === 'read-failed') return this.send(encodeReply(Status.readFailed));
        const reply = encodeReply(Status.ok, encodeBaseInfo(this.card.card, this.card.photo));
        if (this.currentFault === 'unplug-mid-frame') return this.unplugMidFrame(reply);
        return this.send(reply);
      }
      default:
        return this.send(encodeReply(Status.unknownCommand));
    }
  }

  private send(replyBody: Buffer): void {
    const frame = encodeFrame(replyBody);
    if (this.currentFault === 'corrupt-checksum') frame[frame.length - 1] = frame[frame.length - 1]! ^ 0x5a;
    const write = () => {
      this.link?.write(frame).catch(() => undefined); // a pulled cable is the host's problem to notice
    };
    if (this.currentFault !== 'slow-reply') return write();
    const t = setTimeout(() => {
      this.timers.delete(t);
      write();
    }, this.opts.slowReplyMs ?? 2000);
    this.timers.add(t);
  }

  private unplugMidFrame(replyBody: Buffer): void {
    this.currentFault = 'none';
    const frame = encodeFrame(replyBody);
    const link = this.link;
    void link
      ?.write(frame.subarray(0, Math.floor(frame.length / 2)))
      .catch(() => undefined)
      .finally(() => this.opts.onUnplug?.());
  }
}

/**
 * The 8-byte serial a SAM answers select with: one per physical card, so a card
 * swapped for another between two polls is told from the one that was read.
 */
function cardSerial(card: SampleCard): Buffer {
  return crypto.createHash('sha256').update(`${card.idNumber}|${card.name}|${card.validFrom}`).digest().subarray(0, 8);
}

/** A stand-in for the 1,024-byte WLT photo: recognisable, not an image. */
function defaultPhoto(): Uint8Array {
  const photo = Buffer.alloc(PHOTO_BYTES);
  photo.write('WLT-SIMULATED', 0, 'ascii');
  for (let i = 16; i < PHOTO_BYTES; i++) photo[i] = (i * 31) & 0xff;
  return photo;
}
