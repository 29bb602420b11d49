// Device health, live from the station status stream, with a test read of the
// card reader and a test page on the printer. Both tests are audited.
import { useEffect, useState } from 'react';
import type { DeviceHealth } from '../../../common/domain/status.js';
import { useApi } from '../api/ApiContext.js';
import { Button } from '../design/Button.js';
import { t } from '../i18n/zh-CN.js';
import { useDeskAudit } from './useDeskAudit.js';

const d = t.specialist.devices;

export function DevicesSection() {
  const api = useApi();
  const audit = useDeskAudit();
  const [devices, setDevices] = useState<DeviceHealth[] | null>(null);
  const [listener, setListener] = useState<{ url: string; certificateSha256: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  useEffect(() => {
    void api.call('devices:health', {}).then((r) => {
      if (!r.ok) return;
      setDevices(r.value.devices);
      setListener(r.value.deskListener);
    });
    return api.subscribe('station:status-changed', {}, (s) => setDevices(s.devices));
  }, [api]);

  const testRead = async () => {
    setBusy(true);
    setMessage(d.testing);
    const r = await api.call('devices:test-read', {});
    setBusy(false);
    void audit('specialist.test-read', { detail: r.ok ? r.value.outcome : r.error.code });
    if (!r.ok) return setMessage(r.error.code === 'unavailable' ? d.unavailable : d.readError(r.error.message));
    const v = r.value;
    // The name is shown to the specialist holding the card, never logged or audited.
    if (v.outcome === 'read') setMessage(d.readOk(v.name, v.idNumberMasked, v.idNumberValid));
    else if (v.outcome === 'no-card') setMessage(d.readNoCard);
    else setMessage(d.readError(v.message));
  };

  const testPrint = async () => {
    setBusy(true);
    setMessage(d.testing);
    const r = await api.call('devices:test-print', {});
    setBusy(false);
    void audit('specialist.test-print', { detail: r.ok ? (r.value.printed ? 'printed' : r.value.reason) : r.error.code });
    if (!r.ok) return setMessage(r.error.code === 'unavailable' ? d.unavailable : d.printFailed(r.error.message));
    setMessage(r.value.printed ? d.printOk : d.printFailed(r.value.message));
  };

  return (
    <section aria-labelledby="desk-devices-h">
      <h2 id="desk-devices-h" className="visually-hidden">
        {d.title}
      </h2>
      {devices === null || devices.length === 0 ? (
        <p className="lead">{d.none}</p>
      ) : (
        <ul className="desk-figures" data-testid="desk-devices">
          {devices.map((x) => (
            <li key={x.id} className="desk-figure" data-device={x.id} data-state={x.state}>
              {d.names[x.kind] ?? x.kind}
              <span className="desk-figure-value">{d.state[x.state] ?? x.state}</span>
              {x.message ? <span>{x.message}</span> : null}
            </li>
          ))}
          {/* Where a specialist's tablet opens the desk, and (on a LAN, over HTTPS) the certificate it should show. */}
          {listener ? (
            <li className="desk-figure" data-testid="desk-listener">
              {d.tablet}
              <span className="desk-figure-line">{d.tabletOpen(listener.url)}</span>
              {listener.certificateSha256 ? <span className="desk-figure-line" data-testid="desk-listener-certificate">{d.tabletCertificate(listener.certificateSha256)}</span> : null}
            </li>
          ) : null}
        </ul>
      )}
      <div className="actions">
        <Button onClick={() => void testRead()} disabled={busy} data-action="test-read">
          {d.testRead}
        </Button>
        <Button onClick={() => void testPrint()} disabled={busy} data-action="test-print">
          {d.testPrint}
        </Button>
      </div>
      <p className="desk-message" role="status" aria-live="polite" data-testid="desk-devices-message">
        {message}
      </p>
    </section>
  );
}
