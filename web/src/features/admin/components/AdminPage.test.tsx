import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter, Route, Routes } from 'react-router';
import { VIEWER_QUERY } from '../../session/graphql/queries/viewer.query.js';
import { ADMIN_SETTINGS_QUERY } from '../graphql/queries/adminSettings.query.js';
import { ADMIN_TIME_ZONE_QUERY } from '../graphql/queries/adminTimeZone.query.js';
import { AGENCY } from '../testing/adminFixtures.js';
import { AdminPage } from './AdminPage.js';

afterEach(cleanup);

const viewer = (role: 'COORDINATOR' | 'OFFICER') => ({
  request: { query: VIEWER_QUERY },
  result: {
    data: {
      viewer: {
        __typename: 'Member',
        id: 'TWVtYmVyOjE',
        name: 'Casey',
        role,
        organization: { __typename: 'Organization', id: AGENCY.id, name: AGENCY.name },
      },
    },
  },
});

function renderAt(path: string, mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/admin/*" element={<AdminPage />} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('AdminPage', () => {
  it('tells an officer the area is for coordinators, and shows none of it', async () => {
    renderAt('/admin/members', [viewer('OFFICER')]);
    expect(await screen.findByText('Only coordinators can open the admin area.')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Admin' })).toBeNull();
  });

  it('tells a resident the same', async () => {
    renderAt('/admin', [{ request: { query: VIEWER_QUERY }, result: { data: { viewer: null } } }]);
    expect(await screen.findByText('Only coordinators can open the admin area.')).toBeTruthy();
  });

  it('opens a coordinator on the settings, with a link to every sub-page', async () => {
    renderAt('/admin', [
      viewer('COORDINATOR'),
      {
        request: { query: ADMIN_TIME_ZONE_QUERY },
        result: { data: { partnership: { __typename: 'Partnership', timeZone: 'America/Chicago' } } },
      },
      {
        request: { query: ADMIN_SETTINGS_QUERY },
        result: {
          data: {
            partnership: {
              __typename: 'Partnership',
              name: 'Riverside Partnership',
              timeZone: 'America/Chicago',
              language: 'en',
              mapCenter: null,
              mapZoom: null,
              tileUrl: null,
              welcomeText: null,
            },
          },
        },
      },
    ]);
    const nav = await screen.findByRole('navigation', { name: 'Admin' });
    const links = [...nav.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Settings', '/admin/settings'],
      ['Organizations', '/admin/organizations'],
      ['Members and invitations', '/admin/members'],
      ['Neighborhoods', '/admin/neighborhoods'],
      ['API tokens', '/admin/api-tokens'],
    ]);
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
  });
});
