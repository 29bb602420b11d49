// The AudioWorklet processor: runs on the audio rendering thread, resamples the
// microphone to 16 kHz mono s16 and posts it to the page in chunks (100 ms by
// default). Doing it here, not in a ScriptProcessor on the main thread, means a
// busy page (a re-render, a big screen change) cannot drop microphone audio.
import { Resampler, TARGET_RATE } from './resampler.js';

// The worklet global scope is not in TypeScript's DOM lib.
declare const sampleRate: number;
declare function registerProcessor(name: string, ctor: new (options?: { processorOptions?: { chunkSamples?: number } }) => object): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: unknown);
}

export const PROCESSOR_NAME = 'xiangyin-pcm16k';

class Pcm16kProcessor extends AudioWorkletProcessor {
  private readonly resampler = new Resampler(sampleRate, TARGET_RATE);
  private readonly chunkSamples: number;
  private pending: Int16Array[] = [];
  private pendingSamples = 0;
  private stopped = false;

  constructor(options?: { processorOptions?: { chunkSamples?: number } }) {
    super(options);
    this.chunkSamples = options?.processorOptions?.chunkSamples ?? TARGET_RATE / 10;
    this.port.onmessage = (e: MessageEvent) => {
      if (e.data === 'flush') this.flush();
      if (e.data === 'stop') {
        this.flush();
        this.stopped = true;
      }
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (channel && !this.stopped) {
      const out = this.resampler.push(channel);
      if (out.length > 0) {
        this.pending.push(out);
        this.pendingSamples += out.length;
      }
      if (this.pendingSamples >= this.chunkSamples) this.flush();
    }
    return !this.stopped; // false lets the browser collect the node
  }

  private flush(): void {
    if (this.pendingSamples === 0) return;
    const chunk = new Int16Array(this.pendingSamples);
    let off = 0;
    for (const p of this.pending) {
      chunk.set(p, off);
      off += p.length;
    }
    this.pending = [];
    this.pendingSamples = 0;
    this.port.postMessage(chunk, [chunk.buffer]);
  }
}

registerProcessor(PROCESSOR_NAME, Pcm16kProcessor);
