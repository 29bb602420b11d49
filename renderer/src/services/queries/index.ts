// The query services' screens, registered in ../registry.ts.
export { SocialInsuranceQuery } from './SocialInsuranceQuery.js';
export { ApplicationStatus } from './ApplicationStatus.js';
export { CertificatePrint } from './CertificatePrint.js';
export { PolicyQa } from './PolicyQa.js';
