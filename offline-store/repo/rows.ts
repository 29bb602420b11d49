// Row shapes of the applications table and their mapping to the domain types the
// renderer sees. The full ID number never leaves the store through a summary.
import type { ApplicationStatus, ApplicationSummary, OnBehalfOf } from '../../common/domain/application.js';
import { maskIdNumber } from '../../common/domain/application.js';
import type { ServiceId } from '../../common/domain/catalogue-summary.js';

export interface ApplicationRow {
  id: string;
  local_tracking_number: string;
  service_id: string;
  catalogue_version: string;
  status: ApplicationStatus;
  applicant_key: string | null;
  applicant_id: string | null;
  applicant_name: string | null;
  form_json: string | null;
  on_behalf_json: string | null;
  revision: number;
  receipt_number: string | null;
  reason: string | null;
  attempts: number;
  next_attempt_at: number;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  purged_at: string | null;
}

export interface AttachmentRow {
  id: string;
  application_id: string;
  ordinal: number;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  uploaded: number;
}

export function toSummary(r: ApplicationRow): ApplicationSummary {
  return {
    id: r.id,
    localTrackingNumber: r.local_tracking_number,
    serviceId: r.service_id as ServiceId,
    catalogueVersion: r.catalogue_version,
    status: r.status,
    applicantIdMasked: r.applicant_id ? maskIdNumber(r.applicant_id) : null,
    applicantName: r.applicant_name,
    receiptNumber: r.receipt_number,
    reason: r.reason,
    onBehalfOf: r.on_behalf_json ? (JSON.parse(r.on_behalf_json) as OnBehalfOf) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    purged: r.purged_at !== null,
  };
}

export const ATTACHMENT_META_COLUMNS = 'id, application_id, ordinal, name, media_type, size, sha256, uploaded';
