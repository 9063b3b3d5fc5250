import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { usePartnership } from '../../partnership/partnership.js';
import { LOGIN_MUTATION } from '../graphql/mutations/login.mutation.js';

interface SignInFormProps {
  /** Receives the token of a successful sign-in. */
  onSignedIn: (token: string) => void;
}

/** Email and password for members; residents use the board without signing in. */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [login, { loading }] = useMutation(LOGIN_MUTATION);
  const { passwordResetByEmail } = usePartnership();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await login({ variables: { email, password } });
      if (data) onSignedIn(data.login.token);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Signing in failed.');
    }
  };

  return (
    <form className="sign-in" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Member sign-in
      </h2>
      <div className="sign-in__field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className="sign-in__field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <button type="submit" disabled={loading}>
        {loading ? 'Signing in…' : 'Sign in'}
      </button>
      {passwordResetByEmail && (
        <Link className="sign-in__forgot" to="/forgot-password">
          Forgot your password?
        </Link>
      )}
      {error && (
        <p className="sign-in__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
