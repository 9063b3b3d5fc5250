import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { CREATE_ORGANIZATION_MUTATION } from '../graphql/mutations/createOrganization.mutation.js';
import { UPDATE_ORGANIZATION_MUTATION } from '../graphql/mutations/updateOrganization.mutation.js';
import { ADMIN_ORGANIZATIONS_QUERY } from '../graphql/queries/adminOrganizations.query.js';
import { AGENCY, buildOrganization } from '../testing/adminFixtures.js';
import { OrganizationsPage } from './OrganizationsPage.js';

afterEach(cleanup);

const EASTSIDE = { __typename: 'Neighborhood' as const, id: 'TmVpZ2hib3Job29kOjE', name: 'Eastside', retired: false };
const NORTH = { __typename: 'Neighborhood' as const, id: 'TmVpZ2hib3Job29kOjI', name: 'North End', retired: false };
const OLD = { __typename: 'Neighborhood' as const, id: 'TmVpZ2hib3Job29kOjM', name: 'Old Mill', retired: true };
const ref = (n: typeof EASTSIDE) => ({ __typename: 'Neighborhood' as const, id: n.id, name: n.name });

const youth = buildOrganization({ neighborhoods: [ref(EASTSIDE)] });
const agency = buildOrganization({ ...AGENCY, neighborhoods: [] });
const list = (organizations: ReturnType<typeof buildOrganization>[]) => ({
  request: { query: ADMIN_ORGANIZATIONS_QUERY },
  result: { data: { organizations, neighborhoods: [EASTSIDE, NORTH, OLD] } },
});

describe('OrganizationsPage', () => {
  it('lists organizations with their kind and neighborhoods, and adds one with the neighborhoods ticked', async () => {
    const health = buildOrganization({
      id: 'T3JnYW5pemF0aW9uOjM',
      name: 'Riverside Community Health',
      kind: 'HEALTH',
      neighborhoods: [ref(NORTH)],
    });
    const created = vi.fn(() => ({ data: { createOrganization: health } }));
    render(
      <MockedProvider
        mocks={[
          list([youth, agency]),
          {
            request: {
              query: CREATE_ORGANIZATION_MUTATION,
              variables: { input: { name: 'Riverside Community Health', kind: 'HEALTH', neighborhoodIds: [NORTH.id] } },
            },
            result: created,
          },
          list([youth, health, agency]),
        ]}
      >
        <OrganizationsPage />
      </MockedProvider>,
    );
    const row = (await screen.findByRole('rowheader', { name: 'Eastside Youth Alliance' })).closest('tr')!;
    expect(within(row).getByText('Youth program')).toBeTruthy();
    expect(within(row).getByText('Eastside')).toBeTruthy();

    const form = screen.getByRole('group', { name: 'Add an organization' });
    // A retired neighborhood is not offered to a new organization.
    expect(within(form).queryByLabelText(/Old Mill/)).toBeNull();
    await userEvent.type(within(form).getByLabelText('Name'), 'Riverside Community Health');
    await userEvent.selectOptions(within(form).getByLabelText('Kind'), 'HEALTH');
    await userEvent.click(within(form).getByLabelText('North End'));
    await userEvent.click(within(form).getByRole('button', { name: 'Add organization' }));

    expect(await screen.findByText('Riverside Community Health was added.')).toBeTruthy();
    expect(created).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('rowheader', { name: 'Riverside Community Health' })).toBeTruthy();
    const emptied = screen.getByRole('group', { name: 'Add an organization' });
    expect((within(emptied).getByLabelText('Name') as HTMLInputElement).value).toBe('');
  });

  it('edits in place and shows a refused name next to the name field', async () => {
    render(
      <MockedProvider
        mocks={[
          list([youth, agency]),
          {
            request: {
              query: UPDATE_ORGANIZATION_MUTATION,
              variables: {
                id: youth.id,
                input: { name: 'Riverside PD', kind: 'YOUTH', neighborhoodIds: [EASTSIDE.id, NORTH.id] },
              },
            },
            result: {
              errors: [
                new GraphQLError('An organization named "Riverside PD" already exists', {
                  extensions: { code: 'BAD_USER_INPUT', field: 'name' },
                }),
              ],
            },
          },
        ]}
      >
        <OrganizationsPage />
      </MockedProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Eastside Youth Alliance' }));
    const form = screen.getByRole('group', { name: 'Edit Eastside Youth Alliance' });
    expect((within(form).getByLabelText('Eastside') as HTMLInputElement).checked).toBe(true);
    const name = within(form).getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Riverside PD');
    await userEvent.click(within(form).getByLabelText('North End'));
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe(
      'An organization named "Riverside PD" already exists',
    );
    expect(within(form).getByRole('alert')).toBeTruthy();
  });

  it('focuses the name when editing opens, and the Edit button again when it is cancelled', async () => {
    render(
      <MockedProvider mocks={[list([youth, agency])]}>
        <OrganizationsPage />
      </MockedProvider>,
    );
    const edit = await screen.findByRole('button', { name: 'Edit Eastside Youth Alliance' });
    await userEvent.click(edit);
    const form = screen.getByRole('group', { name: 'Edit Eastside Youth Alliance' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Name'));
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Edit Eastside Youth Alliance' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Eastside Youth Alliance' }));
  });
});
