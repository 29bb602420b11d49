// One big button per option: the resident presses one (or says it).
import { Button } from '../../design/Button.js';

export function OptionButtons({ options, selected, onPick }: { options: readonly { value: string; label: string }[]; selected?: unknown; onPick(value: string): void }) {
  return (
    <div className="option-grid" role="group">
      {options.map((o, i) => (
        <Button
          key={o.value}
          className="option"
          variant={selected === o.value ? 'primary' : 'secondary'}
          aria-pressed={selected === o.value}
          data-option={o.value}
          autoFocusOnMount={selected === undefined ? i === 0 : selected === o.value}
          onClick={() => onPick(o.value)}
        >
          {o.label}
        </Button>
      ))}
    </div>
  );
}
