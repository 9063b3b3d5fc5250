import type { SetupInput } from '../../graphql/generated/graphql.js';
import { browserTimeZone, isValidTimeZone } from '../../shared/timeZone.js';
import { checkNewPassword } from '../access/passwords.js';

/** The setup form as typed. */
export interface SetupValues {
  partnershipName: string;
  timeZone: string;
  language: string;
  agencyName: string;
  coordinatorName: string;
  coordinatorEmail: string;
  coordinatorPassword: string;
  confirm: string;
}

/** The default languages the board offers, by code. */
export const SETUP_LANGUAGES: { code: string; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'es', label: 'Español (Spanish)' },
];

/** A blank form: the browser's zone and language are the likeliest answers. */
export function emptySetup(
  browserLanguage = typeof navigator === 'undefined' ? 'en' : navigator.language,
): SetupValues {
  return {
    partnershipName: '',
    timeZone: browserTimeZone(),
    language: browserLanguage.toLowerCase().startsWith('es') ? 'es' : 'en',
    agencyName: '',
    coordinatorName: '',
    coordinatorEmail: '',
    coordinatorPassword: '',
    confirm: '',
  };
}

/** What the browser can tell is missing or wrong before asking the server, by field. */
export function checkSetup(values: SetupValues): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!values.partnershipName.trim()) problems.partnershipName = 'Enter the partnership’s name, as residents know it.';
  if (!isValidTimeZone(values.timeZone.trim())) {
    problems.timeZone = 'Choose a time zone from the list, e.g. America/Chicago.';
  }
  if (!SETUP_LANGUAGES.some((l) => l.code === values.language)) problems.language = 'Choose a language.';
  if (!values.agencyName.trim()) problems.agencyName = 'Enter the police agency’s name.';
  if (!values.coordinatorName.trim()) problems.coordinatorName = 'Enter your name.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.coordinatorEmail.trim())) {
    problems.coordinatorEmail = 'Enter the email address you will sign in with.';
  }
  const password = checkNewPassword(values.coordinatorPassword, values.confirm);
  if (password.password) problems.coordinatorPassword = password.password;
  if (password.confirm) problems.confirm = password.confirm;
  return problems;
}

/** The completeSetup input, trimmed (the password as typed). */
export function toSetupInput(values: SetupValues): SetupInput {
  return {
    partnershipName: values.partnershipName.trim(),
    timeZone: values.timeZone.trim(),
    language: values.language,
    agencyName: values.agencyName.trim(),
    coordinatorName: values.coordinatorName.trim(),
    coordinatorEmail: values.coordinatorEmail.trim(),
    coordinatorPassword: values.coordinatorPassword,
  };
}

/** The form's words for the API's field names, to show the server's messages by label. */
export const SETUP_FIELD_LABELS: Record<string, string> = {
  partnershipName: 'Partnership name',
  timeZone: 'Time zone',
  language: 'Default language',
  agencyName: 'Police agency',
  coordinatorName: 'Your name',
  coordinatorEmail: 'Email',
  coordinatorPassword: 'Password',
};
