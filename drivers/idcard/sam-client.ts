// The host side of the SAM protocol: one command at a time, each with a reply
// timeout. Frames that arrive when no command is waiting (a late reply after a
// timeout) are dropped rather than mistaken for the next command's answer.
import type { ByteLink } from '../serial/link.js';
import { Command, encodeFrame, type CommandName } from './frame.js';
import { FrameParser, type FrameErrorCode } from './frame-parser.js';
import { parseReply, Status, type SamReply } from './reply.js';
import { looksLikeBaseInfo } from './base-info.js';

export type SamErrorCode = FrameErrorCode | 'timeout' | 'link' | 'short-reply';

export class SamError extends Error {
  constructor(
    readonly code: SamErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SamError';
  }
}

interface Pending {
  resolve(r: SamReply): void;
  reject(e: SamError): void;
}

export class SamClient {
  private readonly parser = new FrameParser();
  private pending: Pending | null = null;
  private waitingFor: CommandName | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly stopData: () => void;
  /** Frames dropped because no command was waiting for them. */
  strayFrames = 0;

  constructor(
    private readonly link: ByteLink,
    private readonly opts: { replyTimeoutMs: number },
  ) {
    this.stopData = link.onData((chunk) => this.onBytes(chunk));
  }

  /** Sends a command and waits for its reply; commands never overlap. */
  command(name: CommandName): Promise<SamReply> {
    const run = this.queue.then(() => this.exchange(name));
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.stopData();
    this.pending?.reject(new SamError('link', 'reader closed'));
    this.pending = null;
  }

  private exchange(name: CommandName): Promise<SamReply> {
    this.waitingFor = name;
    return new Promise<SamReply>((resolve, reject) => {
      // Whatever is half-received from an earlier, abandoned exchange is noise now.
      this.parser.reset();
      const timer = setTimeout(() => {
        this.pending = null;
        for (const e of this.parser.flush()) if (e.kind === 'frame') this.strayFrames++;
        reject(new SamError('timeout', `no reply to ${name} within ${this.opts.replyTimeoutMs} ms`));
      }, this.opts.replyTimeoutMs);
      this.pending = {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.link.write(encodeFrame(Command[name])).catch((e: Error) => {
        const p = this.pending;
        this.pending = null;
        p?.reject(new SamError('link', e.message));
      });
    });
  }

  private onBytes(chunk: Buffer): void {
    for (const e of this.parser.push(chunk)) {
      if (e.kind === 'skipped') continue;
      const p = this.pending;
      if (!p) {
        if (e.kind === 'frame') this.strayFrames++;
        continue;
      }
      this.pending = null;
      if (e.kind === 'error') {
        p.reject(new SamError(e.code, e.message));
        continue;
      }
      const reply = parseReply(e.body);
      if (!reply) {
        p.reject(new SamError('short-reply', 'reply shorter than its status bytes'));
        continue;
      }
      if (!replyFits(this.waitingFor!, reply)) {
        // A late answer to an earlier, timed-out command: not ours, keep waiting.
        this.strayFrames++;
        this.pending = p;
        continue;
      }
      p.resolve(reply);
    }
  }
}

/**
 * Whether a reply can be the answer to `name`. Replies do not echo their command,
 * but their status and data length tell most apart: a "card found" answers only a
 * find, and base info answers only a read. Error statuses without data fit anything.
 */
export function replyFits(name: CommandName, r: SamReply): boolean {
  const baseInfo = looksLikeBaseInfo(r.data);
  if (r.sw3 === Status.cardFound) return name === 'findCard';
  if (r.sw3 === Status.ok) return name === 'readBaseInfo' ? baseInfo : !baseInfo;
  return r.data.length === 0 || !baseInfo;
}
