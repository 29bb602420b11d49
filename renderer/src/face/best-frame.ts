// Which frame of the check becomes the photo: frontal, eyes open, sharp. The
// score is pure arithmetic on grey pixels of the face (the variance of a
// Laplacian: blur and dim light both lower it), so it is unit-tested.
import type { FaceMeasure } from './measure.js';

/** Variance of the 4-neighbour Laplacian over RGBA pixels (`width` × `height`). */
export function sharpness(rgba: Uint8ClampedArray, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  const grey = new Float32Array(width * height);
  for (let i = 0; i < width * height; i++) grey[i] = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
  let sum = 0;
  let sq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const l = grey[i - 1]! + grey[i + 1]! + grey[i - width]! + grey[i + width]! - 4 * grey[i]!;
      sum += l;
      sq += l * l;
      n++;
    }
  }
  const mean = sum / n;
  return sq / n - mean * mean;
}

/** Higher is a better photo: sharp, looking straight, eyes well open. */
export function photoScore(face: FaceMeasure, sharp: number): number {
  const frontal = Math.max(0, 1 - Math.abs(face.yawDeg) / 30) * Math.max(0, 1 - Math.abs(face.pitchDeg) / 40);
  const eyes = Math.min(1, face.eyeOpen / 0.3);
  return Math.sqrt(sharp) * frontal * eyes;
}
