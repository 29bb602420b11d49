// A byte pipe to a device: serial port, TCP socket or device file. Drivers speak
// their protocol over this and never know which one it is.
export class LinkError extends Error {
  constructor(
    readonly code: 'open-failed' | 'closed' | 'write-failed' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'LinkError';
  }
}

export interface ByteLink {
  readonly description: string;
  readonly isOpen: boolean;
  write(data: Uint8Array): Promise<void>;
  /** Returns an unsubscribe function. */
  onData(listener: (chunk: Buffer) => void): () => void;
  /** Called once when the link goes away, whether we closed it or the device vanished. */
  onClose(listener: (reason: Error | null) => void): () => void;
  close(): Promise<void>;
}

/** Small listener set used by the link implementations. */
export class Listeners<T> {
  private readonly set = new Set<(v: T) => void>();
  add(l: (v: T) => void): () => void {
    this.set.add(l);
    return () => this.set.delete(l);
  }
  emit(v: T): void {
    for (const l of [...this.set]) {
      try {
        l(v);
      } catch {
        // One faulty listener must not starve the others of bytes.
      }
    }
  }
  clear(): void {
    this.set.clear();
  }
}
