// The camera's frames, copied into a canvas for analysis. The obvious way,
// `drawImage(video)`, costs the renderer dearly where Chromium draws without a GPU
// (a kiosk PC's integrated graphics blocked, a set-top box): every video frame
// drawn becomes a new shared-memory region the renderer keeps (measured here:
// +145 MB after 150 frames, still held 10 s later, which was most of what the
// face check added to the renderer). A MediaStreamTrackProcessor's VideoFrame
// copied out as RGBA into one reused buffer leaves nothing behind (shared memory
// 7 → 8 MB over the same 150 frames). bench:face: the check added 355 MB to the
// renderer before, 192 MB after. drawImage stays the fallback where the
// processor or the RGBA copy is missing.

/** A frame's pixels as the camera gave them: RGBA bytes, row by row. */
export interface RgbaPixels {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** One camera frame at a time, into `into` (resized to the frame). */
export interface CameraFrames {
  /** Where frames come from now: 'video-frame' (the processor) or 'video-element' (drawImage, the costly fallback). */
  readonly kind: 'video-frame' | 'video-element';
  /**
   * The last frame's pixels, when they were copied out (the processor; null from the video element).
   * The buffer is reused by the next frame: read it before asking for another.
   */
  readonly pixels: RgbaPixels | null;
  /** Copies the newest frame into `into`; false when the camera has stopped giving frames. */
  next(into: HTMLCanvasElement): Promise<boolean>;
  /** Stops reading (a pending `next` resolves false). */
  close(): void;
}

interface VideoFrameLike {
  readonly displayWidth: number;
  readonly displayHeight: number;
  allocationSize(o: { format: 'RGBA' }): number;
  copyTo(dest: Uint8ClampedArray, o: { format: 'RGBA' }): Promise<unknown>;
  close(): void;
}
type Processor = new (init: { track: MediaStreamTrack; maxBufferSize?: number }) => { readable: ReadableStream<VideoFrameLike> };

/** A willReadFrequently context keeps the canvas in ordinary memory (never a shared-memory region). */
export function readableContext(c: HTMLCanvasElement): CanvasRenderingContext2D {
  return c.getContext('2d', { willReadFrequently: true })!;
}

function fit(c: HTMLCanvasElement, w: number, h: number): void {
  if (c.width !== w || c.height !== h) [c.width, c.height] = [w, h];
}

/** Frames drawn from the playing video element: the fallback. */
function fromVideo(video: () => HTMLVideoElement | null): CameraFrames {
  return {
    kind: 'video-element',
    pixels: null,
    async next(into) {
      const v = video();
      if (!v || v.readyState < 2 || v.videoWidth === 0) return false;
      fit(into, v.videoWidth, v.videoHeight);
      readableContext(into).drawImage(v, 0, 0, into.width, into.height);
      return true;
    },
    close() {},
  };
}

export function cameraFrames(stream: MediaStream, video: () => HTMLVideoElement | null): CameraFrames {
  const Processor = (globalThis as unknown as { MediaStreamTrackProcessor?: Processor }).MediaStreamTrackProcessor;
  const track = stream.getVideoTracks()[0];
  if (!Processor || !track) return fromVideo(video);
  // One frame buffered: the analysis always gets the newest, never a queue of old ones.
  const reader = new Processor({ track, maxBufferSize: 1 }).readable.getReader();
  let rgba: Uint8ClampedArray<ArrayBuffer> | null = null;
  let pixels: RgbaPixels | null = null;
  let fallback: CameraFrames | null = null;
  return {
    get kind() {
      return fallback ? fallback.kind : 'video-frame';
    },
    get pixels() {
      return fallback ? null : pixels;
    },
    async next(into) {
      if (fallback) return fallback.next(into);
      const { value: frame, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done || !frame) return false;
      try {
        const [w, h] = [frame.displayWidth, frame.displayHeight];
        const size = frame.allocationSize({ format: 'RGBA' });
        if (rgba?.length !== size) rgba = new Uint8ClampedArray(size);
        await frame.copyTo(rgba, { format: 'RGBA' });
        fit(into, w, h);
        readableContext(into).putImageData(new ImageData(rgba, w, h), 0, 0);
        pixels = { data: rgba, width: w, height: h };
        return true;
      } catch {
        // A Chromium without RGBA conversion in copyTo: draw from the video from now on.
        fallback = fromVideo(video);
        return fallback.next(into);
      } finally {
        frame.close();
      }
    },
    close() {
      void reader.cancel().catch(() => undefined);
    },
  };
}
