import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A native modal <dialog> driven by store state: showModal traps focus and Escape closes it (onClose then tells
 * the store). Content mounts only while open, so a closed dialog costs nothing.
 */
export function ModalDialog({
  open,
  label,
  className,
  onClose,
  children,
}: {
  open: boolean;
  label: string;
  className?: string;
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
      {open ? children : null}
    </dialog>
  );
}
