import { type ReactNode, useEffect, useRef, useState } from 'react';

/** A button that opens a small panel below it; closes on outside click, Escape, or when an item asks. */
export function MenuButton({
  label,
  wide = false,
  children,
}: {
  label: string;
  wide?: boolean;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false); // event targets are DOM nodes
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button type="button" className="menu-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {label}
        <span className="menu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? <div className={wide ? 'menu-body menu-wide' : 'menu-body'}>{children(() => setOpen(false))}</div> : null}
    </div>
  );
}
