// What the desk shows for a resident's service: its title, never the catalogue's internal id
// (a busy desk showed 在办：social-insurance-query while its catalogue was still on its way).
import { describe, expect, it } from 'vitest';
import { titleOf } from '../../../renderer/src/specialist/service-title.js';
import type { ServiceSummary } from '../../../common/domain/catalogue-summary.js';

const services = [{ id: 'social-insurance-query', title: '社保查询' }] as ServiceSummary[];

describe('a service title on the desk', () => {
  it('is the catalogue title once the catalogue is there', () => {
    expect(titleOf(services, 'social-insurance-query')).toBe('社保查询');
  });

  it('is an ellipsis, not the internal id, while the catalogue is on its way', () => {
    expect(titleOf(null, 'social-insurance-query')).toBe('…');
  });
});
