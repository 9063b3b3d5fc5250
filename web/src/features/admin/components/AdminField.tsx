import type { ReactNode } from 'react';
import { controlProps } from '../adminForm.js';

interface AdminFieldProps {
  id: string;
  label: string;
  /** The server's (or the form's own) message for this field, shown under it. */
  error?: string;
  hint?: ReactNode;
  /** Renders the control with the props that link it to its label, hint and error. */
  children: (props: ReturnType<typeof controlProps>) => ReactNode;
  className?: string;
}

/** One labelled form control with its hint and its error right below it. */
export function AdminField({ id, label, error, hint, children, className }: AdminFieldProps) {
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(controlProps(id, error, Boolean(hint)))}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
