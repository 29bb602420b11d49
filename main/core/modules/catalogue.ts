// catalogue:* channels: what services this station offers.
import { BUILTIN_CATALOGUE_VERSION, builtinServiceSummaries, tvServiceIds } from '../../../common/catalogue/builtin-summary.js';
import type { ModuleFactory } from '../module.js';

export const catalogueModule: ModuleFactory = ({ config }) => ({
  name: 'catalogue',
  handlers: {
    'catalogue:list': () => ({
      version: BUILTIN_CATALOGUE_VERSION,
      services: builtinServiceSummaries.map((s) => ({ ...s, available: config.uiMode === 'kiosk' || tvServiceIds.includes(s.id) })),
    }),
  },
});
