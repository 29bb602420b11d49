// The face analysis: human on tfjs's wasm backend, loaded once per page (models
// hold no personal data) before the face step opens, so the step itself starts at
// once. Per frame it gives plain measurements (measure.ts); on the chosen photo it
// runs faceres once for the descriptor the pension office compares.
import type { Human, FaceResult } from '@vladmandic/human';
import { faceAssetUrls, humanConfig, type FaceAssetUrls } from './human-config.js';
import { ratiosFromMesh, type FaceMeasure, type FrameMeasure } from './measure.js';
import type { RgbaPixels } from './camera-frames.js';

export interface FaceEngine {
  /**
   * Measures the faces in a frame: the camera's pixels where they were copied out (camera-frames.ts),
   * else a canvas or a playing video.
   */
  measure(input: RgbaPixels | HTMLVideoElement | HTMLCanvasElement): Promise<FrameMeasure>;
  /** The faceres descriptor of the one face in a still frame, or null when there is none. */
  describe(input: HTMLCanvasElement): Promise<number[] | null>;
  /** What ran, for the challenge log. */
  readonly name: string;
}

const rad2deg = (r: number) => (r * 180) / Math.PI;

function toMeasure(f: FaceResult, width: number, height: number): FaceMeasure | null {
  const ratios = ratiosFromMesh(f.mesh);
  if (!ratios) return null;
  const [x, y, w, h] = f.boxRaw.length === 4 ? f.boxRaw : [f.box[0] / width, f.box[1] / height, f.box[2] / width, f.box[3] / height];
  return {
    box: { x: x!, y: y!, w: w!, h: h! },
    score: f.score,
    // human's yaw is positive when the head turns to the person's own right (the face points to the
    // left of the unmirrored camera image): checked on the head-turn clip of ../shared/faces, whose
    // first frames (yaw +35° measured) show her looking to the image's left.
    yawDeg: rad2deg(f.rotation?.angle.yaw ?? 0),
    pitchDeg: rad2deg(f.rotation?.angle.pitch ?? 0),
    eyeOpen: ratios.eyeOpen,
    mouthOpen: ratios.mouthOpen,
  };
}

const sizeOf = (input: RgbaPixels | HTMLVideoElement | HTMLCanvasElement) =>
  input instanceof HTMLVideoElement ? { w: input.videoWidth, h: input.videoHeight } : { w: input.width, h: input.height };
const isPixels = (input: RgbaPixels | HTMLVideoElement | HTMLCanvasElement): input is RgbaPixels => 'data' in input;

class HumanEngine implements FaceEngine {
  readonly name: string;
  /** The frame as the model takes it (RGB, float), one buffer for every frame. */
  private rgb: Float32Array = new Float32Array(0);
  constructor(
    private readonly human: Human,
    private readonly urls: FaceAssetUrls,
  ) {
    this.name = `@vladmandic/human ${human.version}, tfjs ${human.tf.version_core} ${human.tf.getBackend()}; blazeface, facemesh, iris; faceres on the chosen photo`;
  }

  async measure(input: RgbaPixels | HTMLVideoElement | HTMLCanvasElement): Promise<FrameMeasure> {
    const { w, h } = sizeOf(input);
    const tf = this.human.tf;
    // The camera's pixels go in as a tensor made here: given a canvas, tfjs's wasm backend reads
    // it back (a new 1.2 MB array a frame), widens it to int32 (3.7 MB more) and human casts that
    // to float in the wasm heap; at 15 frames a second that garbage grew the renderer's heap.
    const tensor = isPixels(input) ? tf.tensor3d(this.rgbOf(input), [h, w, 3], 'float32') : null;
    const result = await this.human.detect(tensor ?? (input as Exclude<typeof input, RgbaPixels>), humanConfig(this.urls, { describe: false })).finally(() => tensor && tf.dispose(tensor));
    const faces = result.face.map((f) => toMeasure(f, w, h)).filter((m): m is FaceMeasure => m !== null);
    return { at: performance.now(), faces };
  }

  /** RGBA bytes → RGB floats (0-255, as tfjs's own reading of a canvas gives), into the reused buffer. */
  private rgbOf(p: RgbaPixels): Float32Array {
    const n = p.width * p.height;
    if (this.rgb.length !== n * 3) this.rgb = new Float32Array(n * 3);
    const [src, dst] = [p.data, this.rgb];
    for (let i = 0, j = 0; i < n * 4; i += 4, j += 3) {
      dst[j] = src[i]!;
      dst[j + 1] = src[i + 1]!;
      dst[j + 2] = src[i + 2]!;
    }
    return dst;
  }

  async describe(input: HTMLCanvasElement): Promise<number[] | null> {
    const result = await this.human.detect(input, humanConfig(this.urls, { describe: true }));
    const best = [...result.face].sort((a, b) => b.score - a.score)[0];
    return best?.embedding?.length ? [...best.embedding] : null;
  }
}

let loading: Promise<FaceEngine> | null = null;

/**
 * Loads human and its models (0.6–1.7 s on 2 cores) once per page. Called when
 * 养老资格认证 is chosen, so the face step finds them ready; a failed load is
 * forgotten so the next visit tries again.
 */
export function loadFaceEngine(): Promise<FaceEngine> {
  loading ??= (async () => {
    const urls = faceAssetUrls(document.baseURI);
    const { Human } = await import('@vladmandic/human');
    // faceres (7 MB of weights) is left out here: human loads it at the first describe(), once the
    // check has passed, so the renderer does not hold it while the camera runs.
    const human = new Human(humanConfig(urls, { describe: false }));
    await human.load();
    await human.tf.ready();
    return new HumanEngine(human, urls);
  })().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}
