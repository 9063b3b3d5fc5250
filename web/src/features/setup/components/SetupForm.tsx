import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormField, focusFirstInvalid } from '../../../shared/FormField.js';
import { withLabel } from '../../events/userError.js';
import { readProblem, type FormProblem } from '../../access/accessErrors.js';
import { LinkProblem } from '../../access/components/LinkProblem.js';
import { NewPasswordFields } from '../../access/components/NewPasswordFields.js';
import { SETUP_FIELD_LABELS, SETUP_LANGUAGES, checkSetup, emptySetup, type SetupValues } from '../setupForm.js';
import { TimeZoneField } from './TimeZoneField.js';

interface SetupFormProps {
  busy: boolean;
  /** Sends the form; throws what completeSetup threw. */
  onSubmit: (values: SetupValues) => Promise<void>;
}

const FORM_FIELDS = new Set([...Object.keys(SETUP_FIELD_LABELS), 'confirm']);

/** The first-run form: the partnership, its police agency and the first coordinator. */
export function SetupForm({ busy, onSubmit }: SetupFormProps) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<SetupValues>(() => emptySetup());
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(form.current);
  }, [attempt]);

  if (problem?.link) return <LinkProblem page="setup" reason={problem.link} />;

  const set = (key: keyof SetupValues) => (value: string) => {
    setValues((current) => ({ ...current, [key]: value }));
    setFields(({ [key]: _gone, ...rest }) => rest);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const local = checkSetup(values);
    setFields(local);
    setAttempt((n) => n + 1);
    if (Object.keys(local).length > 0) return;
    try {
      await onSubmit(values);
    } catch (caught) {
      const read = readProblem(caught);
      setProblem(read);
      setFields(
        Object.fromEntries(
          Object.entries(read.fields).map(([name, message]) => [
            name,
            withLabel(message, name, SETUP_FIELD_LABELS[name]),
          ]),
        ),
      );
      setAttempt((n) => n + 1);
    }
  };

  const general =
    problem && !Object.keys(problem.fields).some((f) => FORM_FIELDS.has(f))
      ? problem.reason === 'SETUP_CLOSED'
        ? 'Setup is already complete: sign in with the form at the top of the page.'
        : problem.message
      : null;

  return (
    <form ref={form} className="access-form setup-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>The partnership</legend>
        <FormField
          id={`${id}-partnershipName`}
          label="Partnership name"
          value={values.partnershipName}
          onChange={set('partnershipName')}
          error={fields.partnershipName}
          hint="Shown at the top of every page, e.g. “Riverside Community Partnership”."
          required
        />
        <TimeZoneField
          id={`${id}-timeZone`}
          value={values.timeZone}
          onChange={set('timeZone')}
          error={fields.timeZone}
        />
        <div className="field">
          <label htmlFor={`${id}-language`}>Default language</label>
          <select
            id={`${id}-language`}
            value={values.language}
            onChange={(e) => set('language')(e.target.value)}
            aria-invalid={fields.language ? true : undefined}
            aria-describedby={fields.language ? `${id}-language-error` : undefined}
          >
            {SETUP_LANGUAGES.map((language) => (
              <option key={language.code} value={language.code}>
                {language.label}
              </option>
            ))}
          </select>
          {fields.language && (
            <p id={`${id}-language-error`} className="field-error">
              {fields.language}
            </p>
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>The police agency</legend>
        <FormField
          id={`${id}-agencyName`}
          label="Police agency"
          value={values.agencyName}
          onChange={set('agencyName')}
          error={fields.agencyName}
          hint="The agency’s organization on the board; you can add partner organizations afterwards."
          required
        />
      </fieldset>
      <fieldset>
        <legend>You, the first coordinator</legend>
        <FormField
          id={`${id}-coordinatorName`}
          label="Your name"
          autoComplete="name"
          value={values.coordinatorName}
          onChange={set('coordinatorName')}
          error={fields.coordinatorName}
          required
        />
        <FormField
          id={`${id}-coordinatorEmail`}
          label="Email"
          type="email"
          autoComplete="username"
          value={values.coordinatorEmail}
          onChange={set('coordinatorEmail')}
          error={fields.coordinatorEmail}
          hint="You sign in with it."
          required
        />
        <NewPasswordFields
          id={id}
          password={values.coordinatorPassword}
          confirm={values.confirm}
          onPasswordChange={set('coordinatorPassword')}
          onConfirmChange={set('confirm')}
          errors={{ password: fields.coordinatorPassword, confirm: fields.confirm }}
        />
      </fieldset>
      {general && (
        <div className="form-error" role="alert">
          <p>{general}</p>
        </div>
      )}
      <button type="submit" className="access-form__submit" disabled={busy}>
        {busy ? 'Setting up…' : 'Set up Bridgeboard'}
      </button>
    </form>
  );
}
