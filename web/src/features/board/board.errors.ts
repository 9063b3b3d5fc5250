import { CombinedGraphQLErrors } from '@apollo/client';

/** What went wrong with a change the person asked for, in words they can act on. */
export interface ChangeProblem {
  /** Someone else changed the issue first (a stale expectedVersion); nothing was written. */
  conflict: boolean;
  /** The server's own sentence (who changed what, for a CONFLICT), or a description of the failure. */
  message: string;
}

/**
 * Turns a rejected mutation into a ChangeProblem. The server's messages are written for people
 * ("This issue was just changed by Officer Luis Ortega (…); it is now at version 5"), so they are
 * shown as they are; a failure without one means the server could not be reached.
 */
export function describeChangeError(error: unknown): ChangeProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    return {
      conflict: error.errors.some((e) => e.extensions?.code === 'CONFLICT'),
      message: first?.message ?? 'The server refused the change.',
    };
  }
  return {
    conflict: false,
    message: "Can't reach the server, so nothing was changed. Try again when the board shows Live.",
  };
}

/** Ends a sentence with a full stop unless it already has one. */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
