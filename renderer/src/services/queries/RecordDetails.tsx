// A social-insurance record in big, plain words: label → value rows and the
// last few years' payments, in pages that fit the screen (at 特大 a record is
// longer than the room under the title; design/Pager.tsx). Shared by 社保查询
// (the answer) and 证明打印 (the lines behind the preview).
import type { ReactNode } from 'react';
import type { RecordView } from './social-insurance-words.js';
import { Pager } from '../../design/Pager.js';
import { t } from '../../i18n/zh-CN.js';

/** `actions`: the screen's own buttons, on the pager's row. */
export function RecordDetails({ view, actions }: { view: RecordView; actions?: ReactNode }) {
  const s = t.queries.socialInsurance;
  const rows = view.rows.map((r) => (
    <div key={r.key} className="record-row" data-row={r.key}>
      <dt>{r.label}</dt>
      <dd>{r.value}</dd>
    </div>
  ));
  // One row per payment, each labelled 最近几年缴费 for a screen reader; on screen the label shows once.
  const payments = view.payments.length
    ? view.payments.map((p, i) => (
        <div key={`payment-${p}`} className={`record-row${i ? " record-row-more" : ""}`} data-row="payment">
          <dt className={i ? 'visually-hidden' : undefined}>{s.labels.payments}</dt>
          <dd>{p}</dd>
        </div>
      ))
    : [
        <div key="payment-none" className="record-row" data-row="payment">
          <dt>{s.labels.payments}</dt>
          <dd>{s.noPayments}</dd>
        </div>,
      ];
  return <Pager as="dl" className="record" listProps={{ 'data-testid': 'record' }} items={[...rows, ...payments]} actions={actions} />;
}
