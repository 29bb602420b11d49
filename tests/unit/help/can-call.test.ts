// Who gets the 叫工作人员 button and whose voice misses call the specialist.
import { describe, expect, it } from 'vitest';
import { canCallForHelp } from '../../../renderer/src/help/can-call.js';

/** A service route as the app's router holds it (with its service id). */
const service = (serviceId: string, onBehalf?: boolean) => ({ name: 'service' as const, serviceId, ...(onBehalf === undefined ? {} : { onBehalf }) });

describe('where a resident can call the specialist', () => {
  it('at the station kiosk: home and any service a resident runs', () => {
    expect(canCallForHelp('kiosk', { name: 'home' })).toBe(true);
    expect(canCallForHelp('kiosk', service('policy-qa'))).toBe(true);
    expect(canCallForHelp('kiosk', service('policy-qa', false))).toBe(true);
  });

  it('not from a TV box at home, the desk, or a service the specialist runs for a resident (代办)', () => {
    expect(canCallForHelp('tv', { name: 'home' })).toBe(false);
    expect(canCallForHelp('tv', service('social-insurance-query'))).toBe(false);
    expect(canCallForHelp('kiosk', { name: 'specialist' })).toBe(false);
    expect(canCallForHelp('kiosk', service('elderly-allowance', true))).toBe(false);
  });
});
