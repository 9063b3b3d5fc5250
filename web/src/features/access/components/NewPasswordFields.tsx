import { FormField } from '../../../shared/FormField.js';
import { PASSWORD_MIN } from '../passwords.js';

interface NewPasswordFieldsProps {
  /** Prefix for the inputs' ids. */
  id: string;
  password: string;
  confirm: string;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  errors: { password?: string; confirm?: string };
  /** The account's email, for password managers to save the new password with. */
  email?: string | null;
  label?: string;
}

/** A new password typed twice, with the length rule said up front. */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { id, errors, email } = props;
  return (
    <>
      {email && (
        <input
          type="email"
          className="visually-hidden"
          autoComplete="username"
          value={email}
          readOnly
          tabIndex={-1}
          aria-hidden="true"
        />
      )}
      <FormField
        id={`${id}-password`}
        label={props.label ?? 'Password'}
        type="password"
        autoComplete="new-password"
        value={props.password}
        onChange={props.onPasswordChange}
        error={errors.password}
        hint={`At least ${PASSWORD_MIN} characters. A few words you will remember are good.`}
        required
      />
      <FormField
        id={`${id}-confirm`}
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        value={props.confirm}
        onChange={props.onConfirmChange}
        error={errors.confirm}
        required
      />
    </>
  );
}
