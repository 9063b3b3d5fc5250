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

const presence = (members: (typeof ME)[]) => ({
  data: { presence: { __typename: 'Presence', members } },
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
