// The card photo arrives as 1,024 bytes of WLT, a vendor-compressed format that
// only the vendor's library (e.g. libwlt2bmp) can turn into a bitmap. We keep the
// bytes as they came; a station with the library installed plugs a decoder in here.
export const PHOTO_BYTES = 1024;

export interface PhotoDecoder {
  readonly name: string;
  /** Returns a BMP image, or throws if the bytes are not a WLT photo. */
  decode(wlt: Uint8Array): Promise<Uint8Array>;
}

/** What a station without the vendor library has: the photo stays undecoded. */
export const noPhotoDecoder: PhotoDecoder | null = null;
