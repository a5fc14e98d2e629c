import { type CSSProperties, type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Room kept between a menu and the window's edge. */
const EDGE = 8;

/**
 * Where the panel goes so all of it is inside the window: under the button, opening rightwards, moved left by as
 * much as it would stick out on the right (product.md §6 v3: every menu inside the viewport at 1024 px too).
 */
function placeInside(button: DOMRect, width: number, viewport: number): CSSProperties {
  const overflow = button.left + width - (viewport - EDGE);
  const shift = Math.max(overflow, 0);
  return { left: Math.max(EDGE - button.left, -shift), right: 'auto' };
}

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
  const body = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<CSSProperties>({ left: 0, right: 'auto' });
  useLayoutEffect(() => {
    const button = root.current?.getBoundingClientRect();
    const panel = body.current?.getBoundingClientRect();
    if (!open || !button || !panel) return;
    setPlace(placeInside(button, panel.width, document.documentElement.clientWidth));
  }, [open]);
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
      {open ? (
        <div ref={body} style={place} className={wide ? 'menu-body menu-wide' : 'menu-body'}>
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  );
}
