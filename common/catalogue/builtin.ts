// The catalogue the kiosk ships with, used until sync brings a newer one. It goes
// through parseCatalogue() like any synced catalogue, so a mistake in this data
// fails the unit tests rather than a resident's flow.
import { parseCatalogue, type Catalogue, type CatalogueInput } from './schema/catalogue.js';
import { builtinSatisfaction } from './satisfaction.js';
import type { ServiceDefinitionInput } from './schema/service.js';
import { serviceVoiceSynonyms } from './voice-synonyms.js';
import { pensionCertification } from './services/pension-certification.js';
import { elderlyAllowance } from './services/elderly-allowance.js';
import { medicalInsurancePayment } from './services/medical-insurance-payment.js';
import { subsistenceAllowance } from './services/subsistence-allowance.js';
import { applicationStatus, certificatePrint, policyQa, socialInsuranceQuery } from './services/queries.js';

export const BUILTIN_CATALOGUE_VERSION = '2026.11.1';

/** In home-screen order: the most asked-for first. */
export const builtinCatalogueInput: CatalogueInput = {
  version: BUILTIN_CATALOGUE_VERSION,
  effectiveFrom: '2026-11-01',
  services: [
    pensionCertification,
    socialInsuranceQuery,
    medicalInsurancePayment,
    elderlyAllowance,
    subsistenceAllowance,
    applicationStatus,
    certificatePrint,
    policyQa,
  ].map(withSpeechSynonyms),
  satisfaction: builtinSatisfaction,
};

/** Adds the speech area's words for a service, so the recogniser's grammar and the catalogue agree. */
function withSpeechSynonyms(service: ServiceDefinitionInput): ServiceDefinitionInput {
  return { ...service, synonyms: [...new Set([...(service.synonyms ?? []), ...serviceVoiceSynonyms[service.id]])] };
}

let cached: Catalogue | undefined;

/** The validated built-in catalogue (parsed once). */
export function builtinCatalogue(): Catalogue {
  cached ??= parseCatalogue(builtinCatalogueInput);
  return cached;
}
