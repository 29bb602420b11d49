// Placeholder until the drivers area (issue 4) lands: no devices are opened.
import type { ModuleFactory } from '../module.js';

export const devicesModule: ModuleFactory = () => ({ name: 'devices' });
