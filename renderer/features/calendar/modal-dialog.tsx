// A modal <dialog> the calendar's forms open in: the browser traps focus and
// Escape closes it; the heading names it for assistive technology.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Wider for forms with two columns. */
  isWide?: boolean;
}

/** Rendered only while open: mounting shows it, unmounting closes it. */
export function ModalDialog({ title, onClose, children, isWide = false }: ModalDialogProps) {
  const headingId = useId();
  const dialog = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={`calendar-dialog${isWide ? ' is-wide' : ''}`}
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={headingId}>{title}</h2>
      {children}
    </dialog>
  );
}
