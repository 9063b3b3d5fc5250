interface FieldErrorProps {
  id: string;
  message: string | undefined;
}

/** The server's message for one field, referenced by the field's aria-describedby. */
export function FieldError({ id, message }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}
