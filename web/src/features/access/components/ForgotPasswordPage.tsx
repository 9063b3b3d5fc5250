import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { FormField } from '../../../shared/FormField.js';
import { usePartnership } from '../../partnership/partnership.js';
import { REQUEST_PASSWORD_RESET_MUTATION } from '../graphql/mutations/requestPasswordReset.mutation.js';
import { readProblem } from '../accessErrors.js';
import '../../events/events.css';
import '../access.css';

/**
 * /forgot-password — a member asks for a reset link by email. The answer is the same whether or
 * not the address has an account, so the page cannot be used to find out who is a member.
 */
export function ForgotPasswordPage() {
  const id = useId();
  const { passwordResetByEmail } = usePartnership();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [request, { loading }] = useMutation(REQUEST_PASSWORD_RESET_MUTATION);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      setFieldError('Enter the email address you sign in with.');
      return;
    }
    setFieldError(undefined);
    try {
      await request({ variables: { email: address } });
      setSentTo(address);
    } catch (caught) {
      const problem = readProblem(caught);
      if (problem.fields.email) setFieldError(problem.fields.email);
      else setError(problem.message);
    }
  };

  return (
    // `report`: the resident-facing pages' form kit (events.css) applies here too.
    <section className="page report access" aria-labelledby="forgot-title">
      <h2 id="forgot-title">Forgot your password?</h2>
      {!passwordResetByEmail ? (
        <p className="page__lead">
          This board does not send email. Ask a coordinator of the partnership for a link to set a new password.
        </p>
      ) : sentTo ? (
        <div className="notice-inline" role="status">
          <p>
            If <strong>{sentTo}</strong> has an account, a link is on its way. It is valid for one hour. Check your spam
            folder if nothing arrives in a few minutes.
          </p>
        </div>
      ) : (
        <>
          <p className="page__lead">Enter the email address you sign in with: we send a link to set a new password.</p>
          <form className="access-form" onSubmit={(e) => void submit(e)} noValidate>
            <FormField
              id={`${id}-email`}
              label="Email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(value) => {
                setEmail(value);
                setFieldError(undefined);
              }}
              error={fieldError}
              required
            />
            {error && (
              <div className="form-error" role="alert">
                <p>{error}</p>
              </div>
            )}
            <button type="submit" className="access-form__submit" disabled={loading}>
              {loading ? 'Sending…' : 'Send me a link'}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
