// Pure decoding of HID input reports into key down/up events. A report says which
// usages are held *now*; we compare with the previous report of the same kind to
// find what went down and what came up. No I/O: tests feed bytes directly.
import { CONSUMER_USAGES, KEYBOARD_USAGES, type RemoteKey } from './key-map.js';

export interface KeyTransition {
  key: RemoteKey;
  action: 'down' | 'up';
}

export interface ReportLayout {
  /** Report IDs carrying consumer-control usages (16-bit little-endian each). */
  consumerReportIds: readonly number[];
  /** Report IDs carrying a keyboard boot-style report (modifiers, reserved, 6 keys). */
  keyboardReportIds: readonly number[];
}

/** Common 2.4 GHz TV remotes: keyboard on report 1, consumer control on 2 or 3. */
export const defaultReportLayout: ReportLayout = { consumerReportIds: [2, 3], keyboardReportIds: [1] };

export class HidReportDecoder {
  private held = new Map<'consumer' | 'keyboard', Set<RemoteKey>>([
    ['consumer', new Set()],
    ['keyboard', new Set()],
  ]);
  /** Reports we could not classify (other report IDs, odd lengths). */
  ignored = 0;

  constructor(private readonly layout: ReportLayout = defaultReportLayout) {}

  decode(report: Uint8Array): KeyTransition[] {
    if (report.length === 0) return this.ignore();
    const id = report[0]!;
    if (this.layout.consumerReportIds.includes(id)) return this.consumer(report.subarray(1));
    if (this.layout.keyboardReportIds.includes(id) && report.length >= 4) return this.keyboard(report.subarray(1));
    // Unnumbered reports: an 8-byte boot keyboard report, or a bare 16-bit consumer usage.
    if (report.length === 8) return this.keyboard(report);
    if (report.length === 2) return this.consumer(report);
    return this.ignore();
  }

  /** All keys up (e.g. the remote went away while a key was held). */
  releaseAll(): KeyTransition[] {
    const out: KeyTransition[] = [];
    for (const set of this.held.values()) {
      for (const key of set) out.push({ key, action: 'up' });
      set.clear();
    }
    return out;
  }

  private ignore(): KeyTransition[] {
    this.ignored++;
    return [];
  }

  private consumer(body: Uint8Array): KeyTransition[] {
    const now = new Set<RemoteKey>();
    for (let i = 0; i + 1 < body.length; i += 2) {
      const key = CONSUMER_USAGES.get(body[i]! | (body[i + 1]! << 8));
      if (key) now.add(key);
    }
    return this.diff('consumer', now);
  }

  private keyboard(body: Uint8Array): KeyTransition[] {
    const now = new Set<RemoteKey>();
    for (const usage of body.subarray(2, 8)) {
      const key = KEYBOARD_USAGES.get(usage);
      if (key) now.add(key);
    }
    return this.diff('keyboard', now);
  }

  private diff(kind: 'consumer' | 'keyboard', now: Set<RemoteKey>): KeyTransition[] {
    const before = this.held.get(kind)!;
    const out: KeyTransition[] = [];
    for (const key of before) if (!now.has(key)) out.push({ key, action: 'up' });
    for (const key of now) if (!before.has(key)) out.push({ key, action: 'down' });
    this.held.set(kind, now);
    return out;
  }
}
