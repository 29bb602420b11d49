// The one button of the design system: ≥ 96 × 96 px, large text, a thick focus
// ring. `variant="primary"` is the single primary action of a screen.
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useFocusOnMount } from './focus-on-mount.js';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'plain';
  /** Focus this button when it appears (dialogs, a screen's primary action). */
  autoFocusOnMount?: boolean;
  icon?: ReactNode;
}

export function Button({ variant = 'secondary', autoFocusOnMount, icon, className, children, ...rest }: ButtonProps) {
  const ref = useFocusOnMount<HTMLButtonElement>(autoFocusOnMount === true);
  return (
    <button
      ref={ref}
      type="button"
      className={`btn btn-${variant}${className ? ` ${className}` : ''}`}
      data-autofocus={autoFocusOnMount ? '' : undefined}
      {...rest}
    >
      {icon ? (
        <span className="btn-icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <span className="btn-label">{children}</span>
    </button>
  );
}
