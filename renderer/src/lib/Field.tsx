import type { ReactNode } from 'react';

/**
 * A labelled form field: its name (the `field-label` text) and its control inside one <label>, so the control is
 * named by it. `className` sets the layout (`field`, `field field-wide`, `field inline`).
 */
export function Field({
  label,
  className = 'field',
  children,
}: {
  label: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is among the children
    <label className={className}>
      <span className="field-label">{label}</span>
      {children}
    </label>
  );
}
