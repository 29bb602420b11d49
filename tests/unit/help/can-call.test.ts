// Who gets the 叫工作人员 button and whose voice misses call the specialist.
import { describe, expect, it } from 'vitest';
import { canCallForHelp } from '../../../renderer/src/help/can-call.js';

describe('where a resident can call the specialist', () => {
  it('at the station kiosk: home and any service a resident runs', () => {
    expect(canCallForHelp('kiosk', { name: 'home' })).toBe(true);
    expect(canCallForHelp('kiosk', { name: 'service', serviceId: 'policy-qa' })).toBe(true);
    expect(canCallForHelp('kiosk', { name: 'service', serviceId: 'policy-qa', onBehalf: false })).toBe(true);
  });

  it('not from a TV box at home, the desk, or a service the specialist runs for a resident (代办)', () => {
    expect(canCallForHelp('tv', { name: 'home' })).toBe(false);
    expect(canCallForHelp('tv', { name: 'service', serviceId: 'social-insurance-query' })).toBe(false);
    expect(canCallForHelp('kiosk', { name: 'specialist' })).toBe(false);
    expect(canCallForHelp('kiosk', { name: 'service', serviceId: 'elderly-allowance', onBehalf: true })).toBe(false);
  });
});
