import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { RsvpForm } from './RsvpForm.js';
import { withIdempotencyKey } from '../../../shared/idempotencyKey.testing.js';
import { RSVP_EVENT_MUTATION } from '../graphql/mutations/rsvpEvent.mutation.js';

afterEach(cleanup);

const EVENT_ID = 'U2hhcmVkRXZlbnQ6MQ';

function rsvpMock(input: { name: string; email: string | null; partySize: number }, result: object) {
  return { request: { query: RSVP_EVENT_MUTATION, variables: withIdempotencyKey({ id: EVENT_ID, input }) }, result };
}

async function fillAndSubmit(name: string, party: string, email = '') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Your name'), name);
  if (email) await user.type(screen.getByLabelText('Email (optional, for reminders)'), email);
  const size = screen.getByLabelText('People coming');
  await user.clear(size);
  await user.type(size, party);
  await user.click(screen.getByRole('button', { name: 'RSVP' }));
}

describe('RsvpForm', () => {
  it('shows how many places are left when the party does not fit', async () => {
    const mocks = [
      rsvpMock(
        { name: 'Ana Lima', email: null, partySize: 5 },
        {
          errors: [
            new GraphQLError('Only 2 places are left', { extensions: { code: 'BAD_USER_INPUT', field: 'partySize' } }),
          ],
        },
      ),
    ];
    render(
      <MockedProvider mocks={mocks}>
        <RsvpForm eventId={EVENT_ID} eventTitle="Friday night hoops" />
      </MockedProvider>,
    );

    await fillAndSubmit('Ana Lima', '5');

    expect((await screen.findByRole('alert')).textContent).toBe('Only 2 places are left');
    expect(screen.getByLabelText('People coming').getAttribute('aria-invalid')).toBe('true');
    // The form stays, so the resident can try a smaller party.
    expect(screen.getByRole('button', { name: 'RSVP' })).toBeTruthy();
  });

  it('says when the event is full', async () => {
    const mocks = [
      rsvpMock(
        { name: 'Ana Lima', email: null, partySize: 1 },
        {
          errors: [
            new GraphQLError('This event is full', { extensions: { code: 'BAD_USER_INPUT', field: 'partySize' } }),
          ],
        },
      ),
    ];
    render(
      <MockedProvider mocks={mocks}>
        <RsvpForm eventId={EVENT_ID} eventTitle="Friday night hoops" />
      </MockedProvider>,
    );

    await fillAndSubmit('Ana Lima', '1');

    expect((await screen.findByRole('alert')).textContent).toBe('This event is full');
  });

  it('sends name, email and party size, then confirms with the new count', async () => {
    const mocks = [
      rsvpMock(
        { name: 'Ana Lima', email: 'ana@example.org', partySize: 3 },
        { data: { rsvpEvent: { __typename: 'SharedEvent', id: EVENT_ID, rsvpCount: 9, capacity: 60, version: 7 } } },
      ),
    ];
    render(
      <MockedProvider mocks={mocks}>
        <RsvpForm eventId={EVENT_ID} eventTitle="Friday night hoops" />
      </MockedProvider>,
    );

    await fillAndSubmit('Ana Lima', '3', 'ana@example.org');

    expect((await screen.findByRole('status')).textContent).toBe('Thank you, Ana Lima! 3 places are saved (9 coming).');
  });

  it('asks for a name before sending anything', async () => {
    render(
      <MockedProvider mocks={[]}>
        <RsvpForm eventId={EVENT_ID} eventTitle="Friday night hoops" />
      </MockedProvider>,
    );

    await userEvent.setup().click(screen.getByRole('button', { name: 'RSVP' }));

    expect(screen.getByText('Enter your name so the hosts know who is coming.')).toBeTruthy();
    expect(screen.getByLabelText('Your name').getAttribute('aria-invalid')).toBe('true');
  });
});
