import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { UPDATE_PARTNERSHIP_SETTINGS_MUTATION } from '../graphql/mutations/updatePartnershipSettings.mutation.js';
import { ADMIN_SETTINGS_QUERY } from '../graphql/queries/adminSettings.query.js';
import { SettingsPage } from './SettingsPage.js';

afterEach(cleanup);

const PARTNERSHIP = {
  __typename: 'Partnership' as const,
  name: 'Riverside Partnership',
  timeZone: 'America/Chicago',
  language: 'en',
  mapCenter: { __typename: 'Coordinates' as const, lat: 41.8, lng: -87.7 },
  mapZoom: 13,
  tileUrl: null,
  welcomeText: null,
};
const settingsMock = { request: { query: ADMIN_SETTINGS_QUERY }, result: { data: { partnership: PARTNERSHIP } } };

describe('SettingsPage', () => {
  it('shows the saved settings and saves changes, clearing an emptied map centre', async () => {
    const expected = {
      name: 'Riverside Safety Partnership',
      timeZone: 'America/New_York',
      language: 'es',
      mapCenter: null,
      mapZoom: 13,
      tileUrl: null,
      welcomeText: 'Report what you see.',
    };
    const saved = vi.fn(() => ({
      data: {
        updatePartnershipSettings: {
          ...PARTNERSHIP,
          ...expected,
          mapCenter: null,
        },
      },
    }));
    render(
      <MockedProvider
        mocks={[
          settingsMock,
          { request: { query: UPDATE_PARTNERSHIP_SETTINGS_MUTATION, variables: { input: expected } }, result: saved },
        ]}
      >
        <SettingsPage />
      </MockedProvider>,
    );
    const name = (await screen.findByLabelText('Partnership name')) as HTMLInputElement;
    expect(name.value).toBe('Riverside Partnership');
    const zone = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect(zone.value).toBe('America/Chicago');
    expect([...zone.options].some((o) => o.value === 'Europe/Madrid')).toBe(true);

    await userEvent.clear(name);
    await userEvent.type(name, 'Riverside Safety Partnership');
    await userEvent.selectOptions(zone, 'America/New_York');
    await userEvent.selectOptions(screen.getByLabelText('Default language'), 'es');
    await userEvent.clear(screen.getByLabelText('Centre latitude'));
    await userEvent.clear(screen.getByLabelText('Centre longitude'));
    await userEvent.type(screen.getByLabelText('Welcome text (optional)'), 'Report what you see.');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(saved).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
  });

  it('puts the server’s message next to the field it names', async () => {
    render(
      <MockedProvider
        mocks={[
          settingsMock,
          {
            request: {
              query: UPDATE_PARTNERSHIP_SETTINGS_MUTATION,
              variables: {
                input: {
                  name: 'Riverside Partnership',
                  timeZone: 'America/Chicago',
                  language: 'en',
                  mapCenter: { lat: 41.8, lng: -87.7 },
                  mapZoom: 13,
                  tileUrl: 'ftp://tiles',
                  welcomeText: null,
                },
              },
            },
            result: {
              errors: [
                new GraphQLError('tileUrl must be an http(s) URL with {z}, {x} and {y}', {
                  extensions: { code: 'BAD_USER_INPUT', field: 'input.tileUrl' },
                }),
              ],
            },
          },
        ]}
      >
        <SettingsPage />
      </MockedProvider>,
    );
    await userEvent.type(await screen.findByLabelText('Base map tile URL (optional)'), 'ftp://tiles');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    const tile = screen.getByLabelText('Base map tile URL (optional)');
    await waitFor(() => expect(tile.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = tile.getAttribute('aria-describedby')?.split(' ') ?? [];
    const error = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(error).toContain('Tile URL must be an http(s) URL with {z}, {x} and {y}');
    expect(screen.getByRole('alert').textContent).toContain('Tile URL must be');
  });

  it('asks for both coordinates of the map centre before sending anything', async () => {
    render(
      <MockedProvider mocks={[settingsMock]}>
        <SettingsPage />
      </MockedProvider>,
    );
    await userEvent.clear(await screen.findByLabelText('Centre longitude'));
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByText('Enter the longitude too, or clear the latitude.')).toBeTruthy();
    expect(screen.getByLabelText('Centre longitude').getAttribute('aria-invalid')).toBe('true');
  });
});
