// Which screen runs which service. Application services run on the generic
// catalogue-driven flow (FlowService); query services have screens of their own.
// Register a screen here to take over a service id.
import type { ComponentType } from 'react';
import type { ServiceId } from '../../../common/domain/catalogue-summary.js';
import { ApplicationStatus, CertificatePrint, PolicyQa, SocialInsuranceQuery } from './queries/index.js';
import { DeskScreen } from '../specialist/DeskScreen.js';

export interface ServiceScreenProps {
  serviceId: ServiceId;
  /** A specialist started this service for a resident (代办). */
  onBehalf: boolean;
}

export const serviceScreens: Partial<Record<ServiceId, ComponentType<ServiceScreenProps>>> = {};
serviceScreens['social-insurance-query'] = SocialInsuranceQuery;
serviceScreens['application-status'] = ApplicationStatus;
serviceScreens['certificate-print'] = CertificatePrint;
serviceScreens['policy-qa'] = PolicyQa;

/** The specialist desk, when built into this renderer. */
export const specialistScreen: { component: ComponentType | null } = { component: null };
specialistScreen.component = DeskScreen;
