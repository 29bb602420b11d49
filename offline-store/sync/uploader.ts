// One upload run over the outbox: attachments first (resumable chunks, several
// in parallel so the link stays busy through each request's round trip), then
// the applications in batches as their attachments complete. The first failure
// that means "the link or server is unwell" stops the run; everything not yet
// confirmed stays in the outbox, so the next run resumes where this one ended.
import type { SyncConfig } from '../config.js';
import type { OfflineStore } from '../store.js';
import type { PendingApplication } from '../repo/outbox.js';
import type { SyncClient } from './client.js';
import { SyncError } from './errors.js';

export interface UploadOutcome {
  accepted: number;
  rejected: number;
  deferred: number;
}

type Call = <T>(fn: () => Promise<T>) => Promise<T>;

export class Uploader {
  private readonly outcome: UploadOutcome = { accepted: 0, rejected: 0, deferred: 0 };
  private abort: unknown = null;
  private page: PendingApplication[] = [];
  private afterId = '';
  private exhausted = false;
  private readonly ready: PendingApplication[] = [];

  constructor(
    private readonly store: OfflineStore,
    private readonly client: SyncClient,
    private readonly config: SyncConfig,
    /** Wraps each request so the engine learns about the link from real outcomes. */
    private readonly call: Call,
    private readonly onProgress: () => void,
  ) {}

  async run(): Promise<UploadOutcome> {
    const workers = Array.from({ length: this.config.concurrency }, () => this.worker());
    await Promise.all(workers);
    if (!this.abort && this.ready.length) await this.flush().catch((e) => this.fail(e));
    if (this.abort) throw this.abort;
    return this.outcome;
  }

  private async worker(): Promise<void> {
    for (let app = this.next(); app && !this.abort; app = this.next()) {
      try {
        if (await this.uploadAttachments(app)) this.ready.push(app);
        if (this.ready.length >= this.config.batchSize) await this.flush();
      } catch (e) {
        this.fail(e);
      }
    }
  }

  private next(): PendingApplication | undefined {
    if (!this.page.length && !this.exhausted) {
      this.page = this.store.outbox.pending(this.config.batchSize, this.afterId);
      if (this.page.length) this.afterId = this.page.at(-1)!.id;
      else this.exhausted = true;
    }
    return this.page.shift();
  }

  /** Returns false when the server refused the attachment for good (the application is rejected). */
  private async uploadAttachments(app: PendingApplication): Promise<boolean> {
    for (const att of app.attachments) {
      let offset = att.uploaded;
      // A well-behaved server needs size/chunk rounds; allow generous slack, never loop forever.
      let rounds = Math.ceil(att.size / this.config.chunkBytes) * 3 + 5;
      while (offset < att.size) {
        if (rounds-- <= 0) throw new SyncError('bad-response', 'upload offsets do not advance');
        const chunk = this.store.outbox.readChunk(att.id, offset, this.config.chunkBytes);
        if (chunk.length === 0) {
          this.store.outbox.reject(app.id, app.revision, '附件数据已丢失，请重新办理 (attachment bytes missing on the kiosk)');
          this.outcome.rejected++;
          return false;
        }
        let r;
        try {
          r = await this.call(() => this.client.uploadChunk(att.id, offset, att.size, att.sha256, chunk));
        } catch (e) {
          if (e instanceof SyncError && e.code === 'rejected') {
            this.store.outbox.reject(app.id, app.revision, `附件被服务器拒收：${e.message}`);
            this.outcome.rejected++;
            return false;
          }
          throw e;
        }
        const next = r.complete ? att.size : r.received;
        if (next > att.size || next < 0) throw new SyncError('bad-response', 'server reported an upload offset outside the attachment');
        offset = next;
        this.store.outbox.setUploaded(att.id, offset);
        this.onProgress();
      }
    }
    return true;
  }

  private async flush(): Promise<void> {
    const batch = this.ready.splice(0, this.config.batchSize);
    if (batch.length) await this.submit(batch);
  }

  private async submit(batch: PendingApplication[]): Promise<void> {
    this.store.outbox.markSending(batch.map((a) => a.id));
    // Only per-application results in the server's signed answer decide anything.
    // Any failure of the request as a whole (a proxy's 4xx, a 5xx, a timeout, an
    // unsigned answer) leaves the whole batch in the outbox for the next pass: it
    // may well have been accepted, and sending again is answered `replayed`.
    const results = await this.call(() => this.client.submitBatch(batch.map((a) => a.wire)));
    const byId = new Map(batch.map((a) => [a.id, a]));
    for (const r of results) {
      const app = byId.get(r.id);
      if (!app) continue;
      if ((r.outcome === 'accepted' || r.outcome === 'replayed') && r.receiptNumber) {
        this.store.outbox.accept(app.id, app.revision, r.receiptNumber);
        this.outcome.accepted++;
      } else if (r.outcome === 'conflict' || r.outcome === 'invalid') {
        this.store.outbox.reject(app.id, app.revision, r.reason ?? `HTTP ${r.httpStatus}`);
        this.outcome.rejected++;
      } else {
        // incomplete: the server lacks an attachment we thought done; upload again from its offset.
        for (const att of app.attachments) this.store.outbox.setUploaded(att.id, 0);
        this.outcome.deferred++;
      }
    }
    this.onProgress();
  }

  private fail(e: unknown): void {
    this.abort ??= e ?? new Error('upload failed');
  }
}
