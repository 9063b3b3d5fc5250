import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormField, focusFirstInvalid } from '../../../shared/FormField.js';
import { readProblem, type FormProblem, type LinkPage } from '../accessErrors.js';
import { checkNewPassword } from '../passwords.js';
import { LinkProblem } from './LinkProblem.js';
import { NewPasswordFields } from './NewPasswordFields.js';

interface SetPasswordFormProps {
  page: LinkPage;
  email: string | null | undefined;
  /** Ask for the member's name too (an invitation), prefilled with `initialName`. */
  askName?: boolean;
  initialName?: string;
  submitLabel: string;
  busy: boolean;
  /** Sends the form; throws what the mutation threw. */
  onSubmit: (values: { name: string; password: string }) => Promise<void>;
}

/** A name (for invitations) and a new password typed twice; the server's problems by field. */
export function SetPasswordForm({ page, email, askName = false, initialName = '', ...props }: SetPasswordFormProps) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(initialName);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(form.current);
  }, [attempt]);

  if (problem?.link) return <LinkProblem page={page} reason={problem.link} />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const local = checkNewPassword(password, confirm);
    if (askName && !name.trim()) local.name = 'Enter your name as colleagues know it.';
    setFields(local);
    setAttempt((n) => n + 1);
    if (Object.keys(local).length > 0) return;
    try {
      await props.onSubmit({ name: name.trim(), password });
    } catch (caught) {
      const read = readProblem(caught);
      setProblem(read);
      setFields(read.fields);
      setAttempt((n) => n + 1);
    }
  };

  const edited = (field: string) => setFields(({ [field]: _gone, ...rest }) => rest);
  // A message the fields do not show (no field named, or a field this form does not have).
  const shown = new Set(['name', 'password', 'confirm']);
  const general = problem && !Object.keys(problem.fields).some((f) => shown.has(f)) ? problem.message : null;

  return (
    <form ref={form} className="access-form" onSubmit={(e) => void submit(e)} noValidate>
      {askName && (
        <FormField
          id={`${id}-name`}
          label="Your name"
          autoComplete="name"
          value={name}
          onChange={(value) => {
            setName(value);
            edited('name');
          }}
          error={fields.name}
          required
        />
      )}
      <NewPasswordFields
        id={id}
        email={email}
        label={askName ? 'Password' : 'New password'}
        password={password}
        confirm={confirm}
        onPasswordChange={(value) => {
          setPassword(value);
          edited('password');
        }}
        onConfirmChange={(value) => {
          setConfirm(value);
          edited('confirm');
        }}
        errors={{ password: fields.password, confirm: fields.confirm }}
      />
      {general && (
        <div className="form-error" role="alert">
          <p>{general}</p>
        </div>
      )}
      <button type="submit" className="access-form__submit" disabled={props.busy}>
        {props.busy ? 'Saving…' : props.submitLabel}
      </button>
    </form>
  );
}
