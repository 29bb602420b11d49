// The QR code a family scans with a phone to pay the yearly medical-insurance
// fee (never card data at the kiosk): the station's payment URL (`links.payment`)
// for this order (the tracking number, the same as on the receipt) and amount.
// Shown only when the resident chose to pay by phone, or was not asked.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { paymentLink, type Links } from '../../../common/domain/links.js';
import { t } from '../i18n/zh-CN.js';

export function PaymentQr({ links, order, totalYuan }: { links: Links; order: string; totalYuan: number }) {
  const payload = paymentLink(links, order, totalYuan);
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(payload, { margin: 2, width: 320, errorCorrectionLevel: 'M' }).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [payload]);
  return (
    <figure className="payment-qr" data-testid="payment-qr" data-payload={payload}>
      {src ? <img src={src} width={320} height={320} alt={t.flow.payQrAlt(totalYuan)} /> : null}
      <figcaption className="lead">{t.flow.payQrCaption(totalYuan)}</figcaption>
    </figure>
  );
}
