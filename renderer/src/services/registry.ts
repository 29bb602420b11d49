// Which screen runs which service. Application services run on the generic
// catalogue-driven flow (FlowService); query services have screens of their own.
// Register a screen here to take over a service id. Each is its own chunk,
// fetched once the home screen is up (../app/lazy-screen.tsx).
import type { ComponentType } from 'react';
import type { ServiceId } from '../../../common/domain/catalogue-summary.js';
import { lazyScreen } from '../app/lazy-screen.js';

export interface ServiceScreenProps {
  serviceId: ServiceId;
  /** A specialist started this service for a resident (代办). */
  onBehalf: boolean;
}

export const serviceScreens: Partial<Record<ServiceId, ComponentType<ServiceScreenProps>>> = {};
serviceScreens['social-insurance-query'] = lazyScreen(() => import('./queries/SocialInsuranceQuery.js').then((m) => m.SocialInsuranceQuery));
serviceScreens['application-status'] = lazyScreen(() => import('./queries/ApplicationStatus.js').then((m) => m.ApplicationStatus));
serviceScreens['certificate-print'] = lazyScreen(() => import('./queries/CertificatePrint.js').then((m) => m.CertificatePrint));
serviceScreens['policy-qa'] = lazyScreen(() => import('./queries/PolicyQa.js').then((m) => m.PolicyQa));

/** The specialist desk, when built into this renderer. */
export const specialistScreen: { component: ComponentType | null } = { component: null };
specialistScreen.component = lazyScreen(() => import('../specialist/DeskScreen.js').then((m) => m.DeskScreen));
