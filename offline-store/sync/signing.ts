// Request signing: every request carries the kiosk id, a timestamp, a random
// nonce and the SHA-256 of the body bytes as sent, and an Ed25519 signature over
// all of them plus the method and path. The server rejects unknown kiosks, bad
// signatures, timestamps more than 5 minutes off and nonces it has seen.
import crypto, { type KeyObject } from 'node:crypto';

export interface SignedParts {
  method: string;
  /** Path with query string, exactly as sent. */
  path: string;
  timestamp: string;
  nonce: string;
  bodySha256: string;
}

export function canonicalRequest(p: SignedParts): string {
  return ['XY-SIG-1', p.method.toUpperCase(), p.path, p.timestamp, p.nonce, p.bodySha256].join('\n');
}

export function sign(privateKey: KeyObject, p: SignedParts): string {
  return crypto.sign(null, Buffer.from(canonicalRequest(p)), privateKey).toString('base64');
}

export function verify(publicKey: KeyObject, p: SignedParts, signature: string): boolean {
  try {
    return crypto.verify(null, Buffer.from(canonicalRequest(p)), publicKey, Buffer.from(signature, 'base64'));
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
  /** SPKI PEM: what a server operator registers. */
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
