// Signatures both ways. Every request carries the kiosk id, a timestamp, a random
// nonce, the SHA-256 of the body bytes as sent and every header the server acts
// on, and an Ed25519 signature over all of them plus the method and path; the
// server rejects unknown kiosks, bad signatures, timestamps more than 5 minutes
// off and nonces it has seen. Every answer carries the server's Ed25519
// signature over its status, the request it answers (kiosk, method, path, nonce)
// and its body, checked against the key the kiosk pinned at registration: a
// proxy's page, a forged "accepted" or an answer replayed from another request
// is never taken for the server's word.
import crypto, { type KeyObject } from 'node:crypto';

export const REQUEST_SIGNATURE_VERSION = 'XY-SIG-2';
export const RESPONSE_SIGNATURE_VERSION = 'XY-RSIG-1';

export interface SignedParts {
  method: string;
  /** Path with query string, exactly as sent. */
  path: string;
  kioskId: string;
  timestamp: string;
  nonce: string;
  bodySha256: string;
  /** Headers the server acts on, signed so that nothing in between can change them ('' when absent). */
  contentEncoding: string;
  uploadOffset: string;
  uploadLength: string;
  uploadSha256: string;
}

export function canonicalRequest(p: SignedParts): string {
  return [
    REQUEST_SIGNATURE_VERSION,
    p.method.toUpperCase(),
    p.path,
    p.kioskId,
    p.timestamp,
    p.nonce,
    p.bodySha256,
    p.contentEncoding,
    p.uploadOffset,
    p.uploadLength,
    p.uploadSha256,
  ].join('\n');
}

export function sign(privateKey: KeyObject, p: SignedParts): string {
  return signText(privateKey, canonicalRequest(p));
}

export function verify(publicKey: KeyObject, p: SignedParts, signature: string): boolean {
  return verifyText(publicKey, canonicalRequest(p), signature);
}

/** What a server answer is bound to: its status and body, and the one request it answers. */
export interface SignedAnswer {
  status: number;
  kioskId: string;
  method: string;
  path: string;
  /** The request's nonce: an answer cannot be replayed to another request. */
  requestNonce: string;
  /** SHA-256 (hex) of the answer's body after any gzip is undone: the bytes the kiosk acts on. */
  bodySha256: string;
}

export function canonicalAnswer(a: SignedAnswer): string {
  return [RESPONSE_SIGNATURE_VERSION, String(a.status), a.kioskId, a.method.toUpperCase(), a.path, a.requestNonce, a.bodySha256].join('\n');
}

export function signAnswer(privateKey: KeyObject, a: SignedAnswer): string {
  return signText(privateKey, canonicalAnswer(a));
}

export function verifyAnswer(publicKey: KeyObject, a: SignedAnswer, signature: string): boolean {
  return verifyText(publicKey, canonicalAnswer(a), signature);
}

function signText(privateKey: KeyObject, text: string): string {
  return crypto.sign(null, Buffer.from(text), privateKey).toString('base64');
}

function verifyText(publicKey: KeyObject, text: string, signature: string): boolean {
  try {
    return crypto.verify(null, Buffer.from(text), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A new Ed25519 private key as PKCS#8 DER: the form kept in the SecretStore. */
export function generateSigningKey(): Buffer {
  return crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' });
}

export interface SigningIdentity {
  privateKey: KeyObject;
  /** SPKI PEM: what the other side pins (a server operator registers a kiosk's; a kiosk pins the server's). */
  publicKeyPem: string;
  /** Short SHA-256 of the public key, to read over the phone when registering. */
  fingerprint: string;
}

export function signingIdentity(pkcs8Der: Buffer): SigningIdentity {
  const privateKey = crypto.createPrivateKey({ key: pkcs8Der, format: 'der', type: 'pkcs8' });
  const publicKey = crypto.createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  return { privateKey, publicKeyPem, fingerprint: publicKeyFingerprint(publicKeyPem) };
}

export function publicKeyFingerprint(publicKeyPem: string): string {
  const der = crypto.createPublicKey(publicKeyPem).export({ format: 'der', type: 'spki' });
  return crypto.createHash('sha256').update(der).digest('hex').slice(0, 16);
}
