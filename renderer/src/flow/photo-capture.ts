// Takes a photo of a document (or the resident's face) with the kiosk camera:
// one frame from getUserMedia, drawn to a canvas, encoded as JPEG, hashed with
// SubtleCrypto so the store and the server can check it arrived intact.
import type { CapturedPhoto } from './to-application.js';

export async function openCamera(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 960 } }, audio: false });
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Grabs the current frame of a playing <video>; quality lowers until it fits `maxBytes`. */
export async function captureFrame(video: HTMLVideoElement, name: string, maxBytes: number): Promise<CapturedPhoto> {
  const canvas = document.createElement('canvas');
  const scale = Math.min(1, 1280 / Math.max(1, video.videoWidth));
  canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
  canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
  canvas.getContext('2d')!.drawImage(video, 0, 0, canvas.width, canvas.height);
  for (const quality of [0.85, 0.7, 0.5, 0.35]) {
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', quality));
    if (!blob) break;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    if (bytes.length <= maxBytes) return { name, mediaType: 'image/jpeg', base64: toBase64(bytes), sha256: await sha256Hex(bytes) };
  }
  throw new Error('photo-too-large');
}
