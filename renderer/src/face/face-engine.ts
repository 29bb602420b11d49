// The face analysis: human on tfjs's wasm backend, loaded once per page (models
// hold no personal data) before the face step opens, so the step itself starts at
// once. Per frame it gives plain measurements (measure.ts); on the chosen photo it
// runs faceres once for the descriptor the pension office compares.
import type { Human, FaceResult } from '@vladmandic/human';
import { faceAssetUrls, humanConfig, type FaceAssetUrls } from './human-config.js';
import { ratiosFromMesh, type FaceMeasure, type FrameMeasure } from './measure.js';

export interface FaceEngine {
  /** Measures the faces in the current frame of a playing video (or a canvas). */
  measure(input: HTMLVideoElement | HTMLCanvasElement): Promise<FrameMeasure>;
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

const sizeOf = (input: HTMLVideoElement | HTMLCanvasElement) => (input instanceof HTMLVideoElement ? { w: input.videoWidth, h: input.videoHeight } : { w: input.width, h: input.height });

class HumanEngine implements FaceEngine {
  readonly name: string;
  constructor(
    private readonly human: Human,
    private readonly urls: FaceAssetUrls,
  ) {
    this.name = `@vladmandic/human ${human.version}, tfjs ${human.tf.version_core} ${human.tf.getBackend()}; blazeface, facemesh, iris; faceres on the chosen photo`;
  }

  async measure(input: HTMLVideoElement | HTMLCanvasElement): Promise<FrameMeasure> {
    const { w, h } = sizeOf(input);
    const result = await this.human.detect(input, humanConfig(this.urls, { describe: false }));
    const faces = result.face.map((f) => toMeasure(f, w, h)).filter((m): m is FaceMeasure => m !== null);
    return { at: performance.now(), faces };
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
