// The order the station builds its areas in: storage first (everything records to
// it), then the desk and help requests (which need the desk's session), devices
// and speech, then the catalogue and the app channels that read from all of them.
import type { ModuleFactory } from '../module.js';
import { storeSyncModule } from './store-sync.js';
import { specialistModule } from './specialist.js';
import { helpModule } from './help.js';
import { devicesModule } from './devices.js';
import { speechModule } from './speech.js';
import { catalogueModule } from './catalogue.js';
import { appModule } from './app.js';
import { repeatCheckModule } from './repeat-check.js';

export const defaultModules: ModuleFactory[] = [storeSyncModule, specialistModule, helpModule, devicesModule, speechModule, catalogueModule, appModule, repeatCheckModule];
