import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { BOARD_PRESENCE_SUBSCRIPTION } from '../graphql/subscriptions/boardPresence.subscription.js';
import { PresenceList, SHARE_PRESENCE_KEY } from './PresenceList.js';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const ME = {
  __typename: 'PresentMember',
  id: 'TWVtYmVyOjI',
  name: 'Officer Luis Ortega',
  organizationName: 'Riverside PD',
};
const SAM = {
  __typename: 'PresentMember',
  id: 'TWVtYmVyOjM',
  name: 'Sam Rivera',
  organizationName: 'Eastside Youth Alliance',
};
const ANA = {
  __typename: 'PresentMember',
  id: 'TWVtYmVyOjQ',
  name: 'Ana Cruz',
  organizationName: 'Riverside Community Health',
};

const member = (n: number, name: string) => ({
  __typename: 'PresentMember',
  id: `member-${n}`,
  name,
  organizationName: 'Westside Neighbors',
});

/** What the server sends: the count, and the first few by name (all of them by default). */
const presence = (members: (typeof ME)[], count = members.length) => ({
  data: { presence: { __typename: 'Presence', count, members } },
});

describe('PresenceList', () => {
  it('lists who else is on the board, under “On the board now”, without the viewer', async () => {
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: BOARD_PRESENCE_SUBSCRIPTION, variables: { share: true } },
            result: presence([ME, SAM, ANA]),
          },
        ]}
      >
        <PresenceList viewerId={ME.id} />
      </MockedProvider>,
    );
    const list = screen.getByRole('list', { name: 'On the board now' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(within(list).getByText('Sam Rivera')).toBeTruthy();
    expect(within(list).getByText('Ana Cruz')).toBeTruthy();
    expect(within(list).queryByText('Officer Luis Ortega')).toBeNull();
  });

  it('names the first few and says how many others there are, for screen readers too', async () => {
    // The first five of twelve, the viewer among them: four names and "and 7 others".
    const first = [ANA, member(5, 'Bea Lin'), ME, SAM, member(6, 'Tom Wu')];
    render(
      <MockedProvider
        mocks={[
          { request: { query: BOARD_PRESENCE_SUBSCRIPTION, variables: { share: true } }, result: presence(first, 12) },
        ]}
      >
        <PresenceList viewerId={ME.id} />
      </MockedProvider>,
    );
    const list = screen.getByRole('list', { name: 'On the board now' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(4));
    const more = screen.getByText(/^and 7 others/);
    expect(more.textContent).toBe('and 7 others also on the board (11 in all)');
    expect(within(more).getByText(/also on the board/).className).toBe('visually-hidden');
    expect(screen.queryByText('Nobody else right now.')).toBeNull();
  });

  it('says “and 1 other” for one more', async () => {
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: BOARD_PRESENCE_SUBSCRIPTION, variables: { share: true } },
            result: presence([ANA, ME, SAM, member(5, 'Tom Wu'), member(6, 'Vi Le')], 6),
          },
        ]}
      >
        <PresenceList viewerId={ME.id} />
      </MockedProvider>,
    );
    expect((await screen.findByText(/^and 1 other\b/)).textContent).toBe('and 1 other also on the board (5 in all)');
  });

  it('does not count the viewer out when they are hidden and not among the names', async () => {
    localStorage.setItem(SHARE_PRESENCE_KEY, 'false');
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: BOARD_PRESENCE_SUBSCRIPTION, variables: { share: false } },
            result: presence([ANA, member(5, 'Bea Lin'), SAM, member(6, 'Tom Wu'), member(7, 'Vi Le')], 6),
          },
        ]}
      >
        <PresenceList viewerId={ME.id} />
      </MockedProvider>,
    );
    expect((await screen.findByText(/^and 1 other\b/)).textContent).toBe('and 1 other also on the board (6 in all)');
    expect(within(screen.getByRole('list', { name: 'On the board now' })).getAllByRole('listitem')).toHaveLength(5);
  });

  it('says so when nobody else is here', async () => {
    render(
      <MockedProvider
        mocks={[
          { request: { query: BOARD_PRESENCE_SUBSCRIPTION, variables: { share: true } }, result: presence([ME]) },
        ]}
      >
        <PresenceList viewerId={ME.id} />
      </MockedProvider>,
    );
    expect(await screen.findByText('Nobody else right now.')).toBeTruthy();
  });

  it('“Show me to others” off subscribes with share: false, remembers it, and still lists the others', async () => {
    const hidden = vi.fn(() => presence([SAM]));
    render(
      <MockedProvider
        mocks={[
          { request: { query: BOARD_PRESENCE_SUBSCRIPTION, variables: { share: true } }, result: presence([ME, SAM]) },
          { request: { query: BOARD_PRESENCE_SUBSCRIPTION, variables: { share: false } }, result: hidden },
        ]}
      >
        <PresenceList viewerId={ME.id} />
      </MockedProvider>,
    );
    const checkbox = screen.getByRole('checkbox', { name: 'Show me to others' }) as HTMLInputElement;
    expect(checkbox.checked).toBe(true);
    await screen.findByText('Sam Rivera');

    await userEvent.click(checkbox);
    expect(checkbox.checked).toBe(false);
    expect(localStorage.getItem(SHARE_PRESENCE_KEY)).toBe('false');
    await waitFor(() => expect(hidden).toHaveBeenCalledTimes(1));
    expect(within(screen.getByRole('list', { name: 'On the board now' })).getByText('Sam Rivera')).toBeTruthy();
  });

  it('starts hidden when the member chose so before', () => {
    localStorage.setItem(SHARE_PRESENCE_KEY, 'false');
    render(
      <MockedProvider
        mocks={[{ request: { query: BOARD_PRESENCE_SUBSCRIPTION, variables: { share: false } }, result: presence([]) }]}
      >
        <PresenceList viewerId={ME.id} />
      </MockedProvider>,
    );
    expect((screen.getByRole('checkbox', { name: 'Show me to others' }) as HTMLInputElement).checked).toBe(false);
  });
});
