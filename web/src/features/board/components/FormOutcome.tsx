interface FormOutcomeProps {
  /** What went wrong, read out at once. */
  error: string | null;
  /** What was saved, read out politely. */
  done: string | null;
}

/** The line under a drawer form that says how the last submit went. */
export function FormOutcome({ error, done }: FormOutcomeProps) {
  return (
    <>
      {error && (
        <p className="drawer-form__error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="drawer-form__done" role="status">
          {done}
        </p>
      )}
    </>
  );
}
