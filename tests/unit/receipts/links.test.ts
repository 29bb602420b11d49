// Every QR code is a URL a phone can act on, built from the station config's
// templates, and none can carry personal data: the templates accept only the
// order/tracking number and the amount, and a receipt whose QR content holds the
// ID number or the name is refused by the contract's schema.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LINKS, fillLink, linksConfigSchema, paymentLink, statusLink } from '../../../common/domain/links.js';
import { receiptDocumentSchema } from '../../../common/domain/receipt.js';
import { parseStationConfig } from '../../../main/core/config.js';
import { certificate, receipt } from '../../fixtures/drivers/receipts.js';

describe('QR link templates (station config `links`)', () => {
  it('defaults to https URLs with the number in them, so `{}` still works', () => {
    const c = parseStationConfig({});
    expect(c.links).toEqual(DEFAULT_LINKS);
    expect(new URL(paymentLink(c.links, 'XY-20261206-0013', 800)).searchParams.get('order')).toBe('XY-20261206-0013');
    expect(statusLink(c.links, 'XY-20261206-0013')).toBe('https://status.example.invalid/xiangyin/track/XY-20261206-0013');
  });

  it('accepts a real template and fills it URL-encoded', () => {
    const links = parseStationConfig({ links: { status: 'https://zwfw.example.gov.cn/q?no={tracking}&src=kiosk' } }).links;
    expect(links.payment).toBe(DEFAULT_LINKS.payment);
    expect(statusLink(links, 'A B/1')).toBe('https://zwfw.example.gov.cn/q?no=A%20B%2F1&src=kiosk');
  });

  it.each([
    ['payment', 'https://pay.example.gov.cn/p?id={idNumber}&order={order}', /unknown placeholder \{idNumber\}.*never personal data/],
    ['status', 'https://s.example.gov.cn/{tracking}?n={name}', /unknown placeholder \{name\}/],
    ['payment', 'https://pay.example.gov.cn/p?amount={amount}', /must contain \{order\}/],
    ['status', 'http://s.example.gov.cn/{tracking}', /must be an https:\/\/ URL/],
    ['status', 'not a url {tracking}', /is not a URL/],
    ['status', 'https://s.example.gov.cn/{tracking}}', /unmatched/],
    ['status', 'https://user:pw@s.example.gov.cn/{tracking}', /user name or password/],
  ] as const)('refuses links.%s = %s', (kind, template, why) => {
    const r = linksConfigSchema.safeParse({ [kind]: template });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message).join('\n')).toMatch(why);
    expect(() => parseStationConfig({ links: { [kind]: template } })).toThrow(new RegExp(`links\\.${kind}`));
  });

  it('fills only the values it was given', () => {
    expect(() => fillLink('https://x.example.gov.cn/{order}', {})).toThrow(/no value for \{order\}/);
  });
});

describe('no personal data in a QR code', () => {
  it('refuses a receipt whose QR content holds the ID number, in clear or URL-encoded', () => {
    expect(receiptDocumentSchema.safeParse({ ...receipt, qrPayload: `https://s.example.gov.cn/t?id=${receipt.idNumber}` }).success).toBe(false);
    expect(
      receiptDocumentSchema.safeParse({ ...receipt, payment: { amountYuan: 400, deadline: '2026-12-31', method: 'qr-phone', qrPayload: `https://p.example.gov.cn/?x=${receipt.idNumber}` } })
        .success,
    ).toBe(false);
    expect(receiptDocumentSchema.safeParse(receipt).success).toBe(true);
  });

  it('refuses a certificate whose QR content holds the holder name', () => {
    expect(receiptDocumentSchema.safeParse({ ...certificate, qrPayload: `https://v.example.gov.cn/?n=${encodeURIComponent(certificate.holderName)}` }).success).toBe(false);
    expect(receiptDocumentSchema.safeParse(certificate).success).toBe(true);
  });
});
