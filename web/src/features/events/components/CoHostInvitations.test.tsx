import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router';
import { GraphQLError } from 'graphql';
import { buildEvent } from '../testing/eventFixture.js';
import type { EventCardData } from '../graphql/fragments/eventCard.fragment.js';
import { PENDING_CO_HOST_INVITATIONS_QUERY } from '../graphql/queries/pendingCoHostInvitations.query.js';
import { RESPOND_TO_CO_HOST_INVITATION_MUTATION } from '../graphql/mutations/respondToCoHostInvitation.mutation.js';
import { CoHostInvitationsNotice } from './CoHostInvitationsNotice.js';
import { PendingCoHostInvitations } from './PendingCoHostInvitations.js';
import { CoHostPicker } from './CoHostPicker.js';

afterEach(cleanup);

const NOW = Date.parse('2026-11-20T12:00:00Z');
const HEALTH = { __typename: 'Organization' as const, id: 'T3JnYW5pemF0aW9uOjM', name: 'Community Health' };
const INVITATION_ID = 'Q29Ib3N0SW52aXRhdGlvbjox';

/** The event as the server returns it, with the typenames the cache needs. */
function asServed(event: EventCardData) {
  return {
    __typename: 'SharedEvent' as const,
    ...event,
    neighborhood: event.neighborhood && { __typename: 'Neighborhood' as const, ...event.neighborhood },
    host: { __typename: 'Organization' as const, ...event.host },
    coHosts: event.coHosts.map((org) => ({ __typename: 'Organization' as const, ...org })),
    coHostInvitations: [],
    staff: event.staff.map((s) => ({
      __typename: 'StaffCommitment' as const,
      ...s,
      organization: { __typename: 'Organization' as const, ...s.organization },
    })),
  };
}

const invitation = (id: string, title: string, endsAt: string, status = 'PLANNED') => ({
  __typename: 'CoHostInvitation' as const,
  id,
  viewerCanRespond: true,
  event: {
    __typename: 'SharedEvent' as const,
    id: `U2hhcmVkRXZlbnQ6${id}`,
    title,
    status,
    startsAt: new Date(Date.parse(endsAt) - 2 * 3600_000).toISOString(),
    endsAt,
    host: { __typename: 'Organization' as const, id: 'T3JnYW5pemF0aW9uOjE', name: 'Riverside Police Department' },
  },
});

const respondMock = (accept: boolean, result: object) => ({
  request: { query: RESPOND_TO_CO_HOST_INVITATION_MUTATION, variables: { id: INVITATION_ID, accept } },
  result,
});

describe('PendingCoHostInvitations (top of the events page)', () => {
  it('lists the invitations still open to answer, and accepts one', async () => {
    const listMock = {
      request: { query: PENDING_CO_HOST_INVITATIONS_QUERY },
      result: {
        data: {
          coHostInvitations: [
            { ...invitation(INVITATION_ID, 'Eastside town hall on safety', '2026-11-25T20:00:00Z') },
            invitation('Mg', 'Last month’s walk', '2026-10-01T20:00:00Z'),
            invitation('Mw', 'Called-off fair', '2026-12-01T20:00:00Z', 'CANCELLED'),
          ],
        },
      },
    };
    const accepted = asServed(buildEvent({ coHosts: [{ id: HEALTH.id, name: HEALTH.name }], version: 4 }));
    const mocks = [
      listMock,
      respondMock(true, {
        data: {
          respondToCoHostInvitation: {
            __typename: 'CoHostInvitation',
            id: INVITATION_ID,
            status: 'ACCEPTED',
            event: accepted,
          },
        },
      }),
    ];
    render(
      <MockedProvider mocks={mocks}>
        <MemoryRouter>
          <PendingCoHostInvitations now={() => NOW} />
        </MemoryRouter>
      </MockedProvider>,
    );

    const list = within(await screen.findByRole('region', { name: 'Invitations to co-host' }));
    const items = list.getAllByRole('listitem');
    // Past and cancelled events have nothing left to co-host.
    expect(items.map((li) => li.querySelector('p')?.textContent)).toEqual([
      'Riverside Police Department invites you to co-host Eastside town hall on safety.',
    ]);
    expect(list.getByRole('link', { name: 'Eastside town hall on safety' }).getAttribute('href')).toBe(
      `/events/U2hhcmVkRXZlbnQ6${INVITATION_ID}`,
    );

    await userEvent.setup().click(list.getByRole('button', { name: 'Accept' }));

    expect((await list.findByRole('status')).textContent).toBe(
      'You co-host Eastside town hall on safety with Riverside Police Department now: your organization may edit it.',
    );
    expect(list.queryByRole('button', { name: 'Accept' })).toBeNull();
  });

  it('shows nothing when there is nothing to answer', async () => {
    const mocks = [
      { request: { query: PENDING_CO_HOST_INVITATIONS_QUERY }, result: { data: { coHostInvitations: [] } } },
    ];
    const { container } = render(
      <MockedProvider mocks={mocks}>
        <MemoryRouter>
          <PendingCoHostInvitations now={() => NOW} />
        </MemoryRouter>
      </MockedProvider>,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).toBe('');
  });
});

describe('CoHostInvitationsNotice (the event page)', () => {
  it('tells the host whom it is waiting for, without buttons', () => {
    const event = buildEvent({
      coHostInvitations: [{ id: INVITATION_ID, viewerCanRespond: false, organization: HEALTH }],
    });
    render(
      <MockedProvider mocks={[]}>
        <CoHostInvitationsNotice event={event} />
      </MockedProvider>,
    );
    expect(screen.getByText('Invited, waiting for Community Health to accept.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lets the invited organization decline, and says so', async () => {
    const event = buildEvent({
      coHostInvitations: [{ id: INVITATION_ID, viewerCanRespond: true, organization: HEALTH }],
    });
    const mocks = [
      respondMock(false, {
        data: {
          respondToCoHostInvitation: {
            __typename: 'CoHostInvitation',
            id: INVITATION_ID,
            status: 'DECLINED',
            event: asServed({ ...event, version: 4 }),
          },
        },
      }),
    ];
    render(
      <MockedProvider mocks={mocks}>
        <CoHostInvitationsNotice event={event} />
      </MockedProvider>,
    );
    expect(screen.getByText(/invites you to co-host/).textContent).toBe(
      'Riverside Police Department invites you to co-host Eastside town hall on safety.',
    );

    await userEvent.setup().click(screen.getByRole('button', { name: 'Decline' }));

    expect((await screen.findByRole('status')).textContent).toBe(
      'You declined to co-host Eastside town hall on safety.',
    );
  });

  it("shows the server's reason when the answer is refused, and keeps the buttons", async () => {
    const event = buildEvent({
      coHostInvitations: [{ id: INVITATION_ID, viewerCanRespond: true, organization: HEALTH }],
    });
    const mocks = [
      respondMock(true, {
        errors: [
          new GraphQLError('The host withdrew this invitation', {
            extensions: { code: 'BAD_USER_INPUT', field: 'id', reason: 'INVITATION_WITHDRAWN' },
          }),
        ],
      }),
    ];
    render(
      <MockedProvider mocks={mocks}>
        <CoHostInvitationsNotice event={event} />
      </MockedProvider>,
    );

    await userEvent.setup().click(screen.getByRole('button', { name: 'Accept' }));

    expect((await screen.findByRole('alert')).textContent).toBe('The host withdrew this invitation');
    expect(screen.getByRole('button', { name: 'Accept' })).toBeTruthy();
  });

  it('shows nothing to the public or another partner (no invitations sent to them)', () => {
    const { container } = render(
      <MockedProvider mocks={[]}>
        <CoHostInvitationsNotice event={buildEvent()} />
      </MockedProvider>,
    );
    expect(container.textContent).toBe('');
  });
});

describe('CoHostPicker', () => {
  it('says that ticked organizations are invited, and marks those still to answer', () => {
    render(
      <CoHostPicker
        organizations={[
          { id: 'host', name: 'Riverside Police Department' },
          { id: HEALTH.id, name: HEALTH.name },
          { id: 'youth', name: 'Eastside Youth Alliance' },
        ]}
        hostOrganizationId="host"
        selected={[HEALTH.id, 'youth']}
        pending={[HEALTH.id]}
        onChange={() => {}}
      />,
    );
    expect(screen.getByText(/Each organization you tick is invited/).textContent).toBe(
      'Each organization you tick is invited: it shows as a co-host, and may edit the event, once one of its members accepts.',
    );
    expect(screen.getByLabelText(/Community Health/).closest('label')?.textContent).toBe(
      ' Community Health (invited, waiting for an answer)',
    );
    expect(screen.getByLabelText(/Eastside Youth Alliance/).closest('label')?.textContent).toBe(
      ' Eastside Youth Alliance',
    );
    expect(screen.queryByLabelText(/Riverside/)).toBeNull();
  });
});
