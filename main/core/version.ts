// Read once from package.json so the About line, the sync User-Agent and the
// receipt footer all agree.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const APP_VERSION: string = (require('../../package.json') as { version: string }).version;
