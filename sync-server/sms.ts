// Texts to residents' phones go through one SmsGateway. The reference server's
// default is the simulated gateway: it sends nothing and writes each text to an
// outbox in the server's storage (the phone masked), where a station's desk
// reads it (the desk's 短信发件箱（模拟）) and the tests read the code. A real
// installation plugs its provider's HTTP gateway in behind this interface
// (SyncServerOptions.sms); the server logs at start which one it uses.
import type { ServerStorage } from './storage/storage.js';

export interface SmsMessage {
  /** The whole number: for the provider only, never stored or logged. */
  phone: string;
  text: string;
  /** The box the text was asked for, and the station whose desk may see the simulated outbox. */
  fromKiosk: string;
  station: string | null;
}

export interface SmsGateway {
  /** 'simulated' writes to the outbox; anything else is a provider. */
  readonly kind: string;
  /** Resolves once the provider took the text; throws when it did not. */
  send(m: SmsMessage): Promise<void>;
}

/** 13812345678 → 138****5678: enough for a family to recognise their phone. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export class SimulatedSmsGateway implements SmsGateway {
  readonly kind = 'simulated';

  constructor(
    private readonly storage: ServerStorage,
    private readonly now: () => Date,
  ) {}

  send(m: SmsMessage): Promise<void> {
    return this.storage.addSmsOutbox({ fromKiosk: m.fromKiosk, station: m.station, phoneMasked: maskPhone(m.phone), text: m.text, at: this.now().toISOString() });
  }
}
