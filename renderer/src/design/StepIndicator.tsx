import { t } from '../i18n/zh-CN.js';

export function StepIndicator({ current, total }: { current: number; total: number }) {
  return (
    <p className="step-indicator" data-testid="step-indicator">
      {t.step(current, total)}
    </p>
  );
}
