// The order the station builds its areas in: storage first (everything records to
// it), then the desk, devices, help requests (which need the desk's session and
// the card reader) and speech, then the catalogue, the papers (printed from the
// store and the catalogue) and the app channels that read from all of them; last
// the TV's check of a keyed number (it needs the sync client).
import type { ModuleFactory } from '../module.js';
import { storeSyncModule } from './store-sync.js';
import { specialistModule } from './specialist.js';
import { helpModule } from './help.js';
import { devicesModule } from './devices.js';
import { printingModule } from './printing.js';
import { speechModule } from './speech.js';
import { catalogueModule } from './catalogue.js';
import { appModule } from './app.js';
import { repeatCheckModule } from './repeat-check.js';
import { identityCheckModule } from './identity-check.js';

export const defaultModules: ModuleFactory[] = [storeSyncModule, specialistModule, devicesModule, helpModule, speechModule, catalogueModule, printingModule, appModule, repeatCheckModule, identityCheckModule];
