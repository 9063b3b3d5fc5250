import { CombinedGraphQLErrors } from '@apollo/client';
import { toUserError } from '../events/userError.js';

/** Why a one-time link cannot be used (`extensions.reason`, or NOT_FOUND for an unknown code). */
export type LinkReason = 'LINK_USED' | 'LINK_EXPIRED' | 'LINK_REVOKED' | 'NOT_FOUND';

const REASONS: readonly string[] = ['LINK_USED', 'LINK_EXPIRED', 'LINK_REVOKED'];

/** What went wrong with a link page's query or mutation, sorted for the form to show. */
export interface FormProblem {
  /** `extensions.code` of the first error (undefined for a network failure). */
  code: string | undefined;
  /** `extensions.reason` of the first error, e.g. SETUP_CLOSED. */
  reason: string | undefined;
  /** Set when the link itself is refused: the page shows that instead of the form. */
  link: LinkReason | null;
  /** Messages by form field (`input.` prefixes removed), shown next to each field. */
  fields: Record<string, string>;
  /** The message when no field is named (or the network failed). */
  message: string;
}

/** Sorts whatever a link page's request threw into a FormProblem. */
export function readProblem(error: unknown): FormProblem {
  const user = toUserError(error);
  const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
  const reasonValue = first?.extensions?.reason;
  const reason = typeof reasonValue === 'string' ? reasonValue : undefined;
  const field = first?.extensions?.field;
  let link: LinkReason | null = null;
  if (user.code === 'BAD_USER_INPUT' && reason && REASONS.includes(reason)) link = reason as LinkReason;
  else if (user.code === 'NOT_FOUND' && (field === 'code' || field === undefined)) link = 'NOT_FOUND';
  const fields = Object.fromEntries(
    Object.entries(user.fields)
      .map(([name, message]) => [name.replace(/^input\./, ''), message] as const)
      .filter(([name]) => name !== 'code'),
  );
  return { code: user.code, reason, link, fields, message: user.message };
}

/** The kinds of pages a one-time link opens. */
export type LinkPage = 'setup' | 'invitation' | 'password';

/** What to tell a person whose link cannot be used, and what they can do about it. */
export function linkMessage(page: LinkPage, reason: LinkReason): { title: string; body: string } {
  return MESSAGES[page][reason];
}

const MESSAGES: Record<LinkPage, Record<LinkReason, { title: string; body: string }>> = {
  setup: {
    LINK_USED: {
      title: 'This setup link has already been used',
      body: 'If setup is complete, sign in with the form at the top of the page. Otherwise restart the server: it prints a new setup link in its log.',
    },
    LINK_EXPIRED: {
      title: 'This setup link has expired',
      body: 'Setup links are valid for 24 hours. Restart the server: it prints a new one in its log.',
    },
    LINK_REVOKED: {
      title: 'This setup link was withdrawn',
      body: 'Restart the server: it prints a new setup link in its log.',
    },
    NOT_FOUND: {
      title: 'This setup link is not valid',
      body: 'Check that you copied all of it from the server’s log (the code is 43 characters long).',
    },
  },
  invitation: {
    LINK_USED: {
      title: 'This invitation has already been used',
      body: 'If you accepted it, sign in with your email and the password you chose. Otherwise ask a coordinator for a new invitation.',
    },
    LINK_EXPIRED: {
      title: 'This invitation has expired',
      body: 'Invitations are valid for 7 days. Ask the coordinator who invited you for a new one.',
    },
    LINK_REVOKED: {
      title: 'This invitation was withdrawn',
      body: 'Ask a coordinator if you think you should have an account.',
    },
    NOT_FOUND: {
      title: 'This invitation link is not valid',
      body: 'Check that you copied all of it, or ask the coordinator who invited you for a new one.',
    },
  },
  password: {
    LINK_USED: {
      title: 'This link has already been used',
      body: 'If you set your password with it, sign in with that password. Otherwise ask for a new link.',
    },
    LINK_EXPIRED: {
      title: 'This link has expired',
      body: 'Password links are valid for a short time only. Ask a coordinator for a new one.',
    },
    LINK_REVOKED: {
      title: 'This link was withdrawn',
      body: 'Ask a coordinator for a new one.',
    },
    NOT_FOUND: {
      title: 'This link is not valid',
      body: 'Check that you copied all of it, or ask a coordinator for a new one.',
    },
  },
};
