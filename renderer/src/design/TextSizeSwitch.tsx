// 标准 / 大 / 特大: three big buttons; the chosen one is marked pressed.
import { textSizes } from '../../../common/domain/display-modes.js';
import { t } from '../i18n/zh-CN.js';

export type TextSize = (typeof textSizes)[number];

export function TextSizeSwitch({ value, onChange }: { value: TextSize; onChange(v: TextSize): void }) {
  return (
    <div className="text-size" role="group" aria-label={t.textSize.label}>
      <span className="text-size-label" aria-hidden="true">
        {t.textSize.label}
      </span>
      {textSizes.map((size) => (
        <button key={size} type="button" className="btn btn-toggle" aria-pressed={value === size} onClick={() => onChange(size)} data-text-size={size}>
          <span className="btn-label">{t.textSize[size]}</span>
        </button>
      ))}
    </div>
  );
}
