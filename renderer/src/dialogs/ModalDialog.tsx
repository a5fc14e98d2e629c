import { type ReactNode, Suspense, useEffect, useRef } from 'react';

/**
 * The one modal dialog of the window: a native <dialog> driven by state — showModal traps focus, Escape closes it
 * (onClose then tells the owner), and closing gives the focus back to where it was. The frame stays in the page so
 * the browser can restore that focus; the content mounts only while open, so a closed dialog costs nothing. Content in
 * a chunk of its own (lib/lazy-chunk) is fetched when the window is idle; opened before that, it shows "Loading…".
 */
export function ModalDialog({
  open,
  label,
  className,
  heading,
  closeButton = false,
  onClose,
  children,
}: {
  open: boolean;
  /** The dialog's accessible name. */
  label: string;
  className?: string;
  /** A title row (h2) above the content; without it the content brings its own. */
  heading?: string;
  /** A "Close" button in the title row. */
  closeButton?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog ref={dialog} className={`modal ${className ?? ''}`} aria-label={label} onClose={onClose}>
      {heading !== undefined ? (
        <div className="dialog-head">
          <h2>{heading}</h2>
          {closeButton ? (
            <button type="button" onClick={onClose}>
              Close
            </button>
          ) : null}
        </div>
      ) : null}
      {open ? <Suspense fallback={<p className="muted">Loading…</p>}>{children}</Suspense> : null}
    </dialog>
  );
}
