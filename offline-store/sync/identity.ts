// The kiosk's Ed25519 identity: created at first start and kept in the
// SecretStore (safeStorage-wrapped under Electron, a 0600 key file otherwise).
import { SIGNING_KEY_NAME, type SecretStore } from '../keys/secret-store.js';
import { generateSigningKey, signingIdentity, type SigningIdentity } from './signing.js';

export async function loadKioskIdentity(secrets: SecretStore): Promise<SigningIdentity> {
  return signingIdentity(await secrets.getOrCreate(SIGNING_KEY_NAME, generateSigningKey));
}
