// A social-insurance record in big, plain words: label → value rows and the
// last few years' payments. Shared by 社保查询 (the answer) and 证明打印 (the
// lines behind the preview).
import type { RecordView } from './social-insurance-words.js';
import { t } from '../../i18n/zh-CN.js';

export function RecordDetails({ view }: { view: RecordView }) {
  const s = t.queries.socialInsurance;
  return (
    <>
      <dl className="record" data-testid="record">
        {view.rows.map((r) => (
          <div key={r.key} className="record-row" data-row={r.key}>
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="record-sub">{s.labels.payments}</h3>
      {view.payments.length ? (
        <ul className="plain-list" data-testid="payments">
          {view.payments.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : (
        <p>{s.noPayments}</p>
      )}
    </>
  );
}
