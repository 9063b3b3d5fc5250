import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client';
import { summarizeFields, toUserError, withLabel } from './userError.js';

const graphQLErrors = (errors: { message: string; extensions?: Record<string, unknown> }[]) =>
  new CombinedGraphQLErrors({ errors });

describe('toUserError', () => {
  it('puts a domain error on the field the server names', () => {
    const error = toUserError(
      graphQLErrors([
        { message: 'endsAt must be after startsAt', extensions: { code: 'BAD_USER_INPUT', field: 'endsAt' } },
      ]),
    );
    expect(error).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'endsAt must be after startsAt',
      fields: { endsAt: 'endsAt must be after startsAt' },
    });
  });

  it('splits a validation message over the fields it lists', () => {
    const error = toUserError(
      graphQLErrors([
        {
          message: 'title must be 3 to 200 characters; capacity must be between 1 and 100000',
          extensions: { code: 'BAD_USER_INPUT', fields: ['title', 'capacity'] },
        },
      ]),
    );
    expect(error.fields).toEqual({
      title: 'title must be 3 to 200 characters',
      capacity: 'capacity must be between 1 and 100000',
    });
  });

  it('keeps the CONFLICT message that says who changed what', () => {
    const message =
      'This event was just changed by Sam Rivera (Event updated: Friday night hoops); it is now at version 5';
    const error = toUserError(graphQLErrors([{ message, extensions: { code: 'CONFLICT', currentVersion: 5 } }]));
    expect(error).toEqual({ code: 'CONFLICT', message, fields: {} });
  });

  it("shows field messages in the form's words", () => {
    expect(withLabel('locationName must be 2 to 300 characters', 'locationName', 'Place')).toBe(
      'Place must be 2 to 300 characters',
    );
    expect(
      summarizeFields(
        { title: 'title must be 3 to 200 characters', endsAt: 'The event must end after it starts.' },
        { title: 'Title', endsAt: 'End' },
      ),
    ).toBe('Title must be 3 to 200 characters. The event must end after it starts.');
  });
});
