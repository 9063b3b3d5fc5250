import type { InputHTMLAttributes, ReactNode } from 'react';

interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The problem with this field, shown under it and read out with it. */
  error?: string;
  /** A line under the field saying what to enter. */
  hint?: ReactNode;
}

/** The props that link a control to its label, hint and error (see `Field`). */
export function controlProps(id: string, error: string | undefined, hint = false) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

interface FieldProps {
  id: string;
  label: string;
  /** The server's (or the form's own) message for this field, shown under it. */
  error?: string;
  hint?: ReactNode;
  /** Renders the control (input, select, textarea) with the props from `controlProps`. */
  children: (props: ReturnType<typeof controlProps>) => ReactNode;
  className?: string;
}

/**
 * One labelled control with its hint and error right below it, both referenced by
 * aria-describedby, so a screen reader says what is wrong when the field gets focus.
 */
export function Field({ id, label, error, hint, children, className }: FieldProps) {
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

/** A labelled text input (see `Field`). */
export function FormField({ id, label, value, onChange, error, hint, ...input }: FormFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(control) => <input {...input} {...control} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** Moves focus to the first field marked invalid inside `form`, so the person lands on the problem. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
