// The QR code a family scans with a phone to pay the yearly medical-insurance
// fee (never card data at the kiosk). It carries the receipt (or tracking)
// number and the amount; the payment itself happens on the phone or at the
// village office.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { t } from '../i18n/zh-CN.js';

export function paymentPayload(reference: string, totalYuan: number): string {
  return `XYPAY:${reference}:${totalYuan}`;
}

export function PaymentQr({ reference, totalYuan }: { reference: string; totalYuan: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(paymentPayload(reference, totalYuan), { margin: 2, width: 320, errorCorrectionLevel: 'M' }).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [reference, totalYuan]);
  return (
    <figure className="payment-qr" data-testid="payment-qr" data-payload={paymentPayload(reference, totalYuan)}>
      {src ? <img src={src} width={320} height={320} alt={t.flow.payQrAlt(totalYuan)} /> : null}
      <figcaption className="lead">{t.flow.payQrCaption(totalYuan)}</figcaption>
    </figure>
  );
}
