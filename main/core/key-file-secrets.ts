// The web host's secrets (it has no OS keyring): the store's key files. One
// implementation, offline-store/keys/key-file-store.ts, shared with the CLI:
// atomic, race-free creation (many first starts at once end with one key) and
// 0600 files in a 0700 folder kept apart from the database folder.
export { keyFileSecretStore, SecretFileError } from '../../offline-store/keys/key-file-store.js';
export { memorySecretStore } from '../../offline-store/keys/secret-store.js';
