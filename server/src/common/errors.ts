import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { OptimisticLockError, NotFoundError as OrmNotFoundError } from '@mikro-orm/core';
import { log } from '../ops/log.js';

/** Every error code a client can receive in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * A failure the client caused or must know about. Services throw these; `formatError`
 * turns them into GraphQL errors with `extensions.code` and the extra fields given.
 */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, ErrorCode.INTERNAL_SERVER_ERROR>,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string): DomainError =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, { field });
export const notFound = (what: string): DomainError => new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
export const forbidden = (message: string): DomainError => new DomainError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'Sign in to do this'): DomainError =>
  new DomainError(ErrorCode.UNAUTHENTICATED, message);
/** A stale `expectedVersion`: names the version the client must reconcile with. */
export const conflict = (what: string, currentVersion: number): DomainError =>
  new DomainError(ErrorCode.CONFLICT, `${what} was changed by someone else; it is now at version ${currentVersion}`, {
    currentVersion,
  });

const flattenValidation = (errors: ValidationError[], prefix = ''): { field: string; message: string }[] =>
  errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    // Messages written for a nested input name their full path already ("location.lat must …");
    // class-validator's own name only the property, so they get the path in front.
    const own = Object.values(e.constraints ?? {}).map((m) => ({
      field,
      message: prefix && !m.startsWith(`${field} `) ? `${prefix}.${m}` : m,
    }));
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });

/** Apollo's codes for requests refused before execution (its persisted-query codes stay: clients act on them). */
const APOLLO_REQUEST_ERRORS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);

const codeOf = (error: unknown): string | undefined => {
  if (error instanceof GraphQLError) {
    const code = error.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
};

/**
 * The one place where any thrown thing becomes what a client sees. Domain errors keep their
 * message and code; authorization, validation and GraphQL's own errors are mapped to the
 * product's codes; anything else is logged and replaced by a generic message so internal
 * details never reach a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.extra } };
  }
  if (original instanceof ArgumentValidationError) {
    const problems = flattenValidation(original.extensions.validationErrors);
    const message = problems.map((p) => p.message).join('; ') || 'Invalid input';
    return {
      ...base,
      message,
      extensions: { code: ErrorCode.BAD_USER_INPUT, fields: problems.map((p) => p.field) },
    };
  }
  if (original instanceof AuthenticationError) {
    return { ...base, message: 'Sign in to do this', extensions: { code: ErrorCode.UNAUTHENTICATED } };
  }
  if (original instanceof AuthorizationError) {
    return {
      ...base,
      message: 'Your role may not do this',
      extensions: { code: ErrorCode.FORBIDDEN },
    };
  }
  if (original instanceof OptimisticLockError) {
    return {
      ...base,
      message: 'This was changed by someone else at the same moment; reload and try again',
      extensions: { code: ErrorCode.CONFLICT },
    };
  }
  if (original instanceof OrmNotFoundError) {
    return { ...base, message: 'Not found', extensions: { code: ErrorCode.NOT_FOUND } };
  }
  // GraphQL's own errors (parse, validation, variable coercion) are the client's mistake and
  // carry no internals: keep their message, make sure they carry a code. They come before
  // execution, so they have no `path`, and their cause is a GraphQLError too: graphql-js nests
  // an enum's or scalar's error in the variable's, and Apollo wraps each in its own class.
  const code = codeOf(error);
  const requestError =
    error instanceof GraphQLError && !error.path && (original === error || original instanceof GraphQLError);
  if (!(original instanceof Error) || original === error || requestError) {
    // A query that does not parse or fit the schema or the limits, a request Apollo cannot use
    // (a CSRF-style form post, an unknown operationName) is bad input like any other. A limit's
    // own reason (security/limits.ts) is kept; otherwise Apollo's code is the `reason`.
    if (code && APOLLO_REQUEST_ERRORS.has(code)) {
      const reason = formatted.extensions?.reason ?? code;
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT, reason } };
    }
    if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    if (error instanceof GraphQLError && (!error.originalError || requestError)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
    }
  }
  log.error({ err: original }, 'internal error');
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
