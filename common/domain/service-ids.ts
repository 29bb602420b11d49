// The services a station offers, by id: the tiles, the voice intents and the
// flows all name them so. No zod here: the home screen needs the list itself.

export const serviceIds = [
  'pension-certification',
  'social-insurance-query',
  'medical-insurance-payment',
  'elderly-allowance',
  'subsistence-allowance',
  'application-status',
  'certificate-print',
  'policy-qa',
] as const;
export type ServiceId = (typeof serviceIds)[number];
