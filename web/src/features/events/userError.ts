import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

/** What a person needs to know about a failed request, read from the server's GraphQL error. */
export interface UserError {
  /** `extensions.code`: BAD_USER_INPUT, CONFLICT, FORBIDDEN, … (undefined for network failures). */
  code: string | undefined;
  /** The server's human message, or a plain-words one when the request never got an answer. */
  message: string;
  /**
   * Messages by input field (`title`, `endsAt`, `location.lat` …) for BAD_USER_INPUT. The server
   * names the field in `extensions.field` (its own checks) or `extensions.fields` (validation).
   */
  fields: Record<string, string>;
}

const NETWORK_MESSAGE = 'The server could not be reached. Check your connection and try again.';

/** Turns whatever a mutation or query threw into a UserError. */
export function toUserError(error: unknown): UserError {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) {
    const first = error.errors[0];
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : undefined;
    const message = error.errors.map((e) => e.message).join(' ');
    const fields: Record<string, string> = {};
    if (code === 'BAD_USER_INPUT') {
      for (const e of error.errors) Object.assign(fields, fieldMessages(e.message, e.extensions));
    }
    return { code, message, fields };
  }
  if (ServerError.is(error)) return { code: undefined, message: NETWORK_MESSAGE, fields: {} };
  if (error instanceof Error && /fetch|network/i.test(error.message)) {
    return { code: undefined, message: NETWORK_MESSAGE, fields: {} };
  }
  return {
    code: undefined,
    message: error instanceof Error ? error.message : 'Something went wrong. Try again.',
    fields: {},
  };
}

function fieldMessages(message: string, extensions: Record<string, unknown> | undefined): Record<string, string> {
  const field = extensions?.field;
  if (typeof field === 'string') return { [field]: message };
  const fields = extensions?.fields;
  if (!Array.isArray(fields)) return {};
  // Validation joins one message per field with "; ", in the order of `fields`.
  const parts = message.split('; ');
  const out: Record<string, string> = {};
  fields.forEach((f, i) => {
    if (typeof f !== 'string') return;
    const own = parts.length === fields.length ? parts[i] : parts.find((p) => p.startsWith(f));
    out[f] = own ?? message;
  });
  return out;
}

/**
 * The server names fields as the API does ("locationName must be 2 to 300 characters"); a form
 * shows them by their label ("Place must be 2 to 300 characters").
 */
export function withLabel(message: string, field: string, label: string | undefined): string {
  if (!label) return message;
  return message.startsWith(`${field} `) ? `${label}${message.slice(field.length)}` : message;
}

/** One sentence per field problem, each starting with the field's label where it has one. */
export function summarizeFields(fields: Record<string, string>, labels: Record<string, string>): string {
  return Object.entries(fields)
    .map(([field, message]) => withLabel(message, field, labels[field]))
    .map((text) => (/[.!?]$/.test(text) ? text : `${text}.`))
    .join(' ');
}
