// Which screen runs which service. Application services run on the generic
// catalogue-driven flow (FlowService); query services have screens of their own.
// Register a screen here to take over a service id.
import type { ComponentType } from 'react';
import type { ServiceId } from '../../../common/domain/catalogue-summary.js';

export interface ServiceScreenProps {
  serviceId: ServiceId;
  /** A specialist started this service for a resident (代办). */
  onBehalf: boolean;
}

export const serviceScreens: Partial<Record<ServiceId, ComponentType<ServiceScreenProps>>> = {};

/** The specialist desk, when built into this renderer. */
export const specialistScreen: { component: ComponentType | null } = { component: null };
