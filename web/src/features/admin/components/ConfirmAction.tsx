import { useEffect, useRef, useState, type ReactNode } from 'react';

interface ConfirmActionProps {
  /** The first button ("Deactivate"). */
  label: string;
  /** What will happen, asked before it does ("Deactivate Sam Rivera? …"). */
  question: ReactNode;
  /** The button that does it ("Yes, deactivate"). */
  confirmLabel: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm: () => void | Promise<void>;
}

/**
 * A button that asks first. The question takes the first button's place with the confirming
 * button focused; Cancel, Escape or the end of the action puts the first button back, focused.
 */
export function ConfirmAction({ label, question, confirmLabel, busy, danger, onConfirm }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returnFocus.current) openRef.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };

  if (!asking) {
    return (
      <button
        type="button"
        ref={openRef}
        className={danger ? 'button--danger' : 'button--quiet'}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span
      className="confirm"
      role="group"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
      }}
    >
      <span className="confirm__question">{question}</span>{' '}
      <button
        type="button"
        ref={confirmRef}
        className={danger ? 'button--danger' : undefined}
        disabled={busy}
        onClick={() => void Promise.resolve(onConfirm()).finally(cancel)}
      >
        {busy ? 'Working…' : confirmLabel}
      </button>{' '}
      <button type="button" className="button--quiet" onClick={cancel}>
        Cancel
      </button>
    </span>
  );
}
