import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { CREATE_API_TOKEN_MUTATION } from '../graphql/mutations/createApiToken.mutation.js';
import { REVOKE_API_TOKEN_MUTATION } from '../graphql/mutations/revokeApiToken.mutation.js';
import { ADMIN_API_TOKENS_QUERY } from '../graphql/queries/adminApiTokens.query.js';
import { AGENCY, YOUTH, buildApiToken } from '../testing/adminFixtures.js';
import { ApiTokensPage } from './ApiTokensPage.js';

afterEach(cleanup);

const DISPATCH = buildApiToken({ lastUsedAt: '2026-11-30T10:00:00.000Z' });
const OLD = buildApiToken({
  id: 'QXBpVG9rZW46Mg',
  name: 'Old export',
  hint: 'bbt_Q1w2',
  scopes: ['EVENTS_READ', 'ACTIVITY_READ'],
  revokedAt: '2026-11-25T10:00:00.000Z',
});
const ORGS = [
  { __typename: 'Organization' as const, id: AGENCY.id, name: AGENCY.name },
  { __typename: 'Organization' as const, id: YOUTH.id, name: YOUTH.name },
];
const list = (apiTokens: ReturnType<typeof buildApiToken>[]): MockLink.MockedResponse => ({
  request: { query: ADMIN_API_TOKENS_QUERY },
  result: { data: { apiTokens, organizations: ORGS } },
});

function renderPage(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={[list([DISPATCH, OLD]), ...mocks]}>
      <ApiTokensPage />
    </MockedProvider>,
  );
}

describe('ApiTokensPage', () => {
  it('lists tokens by hint, scopes, organization, creator and use; a revoked one is greyed and says so', async () => {
    renderPage([]);
    const old = (await screen.findByRole('rowheader', { name: 'Old export' })).closest('tr')!;
    expect(old.className).toContain('is-deactivated');
    expect(within(old).getByText('bbt_Q1w2')).toBeTruthy();
    expect(within(old).getByText('events:read, activity:read')).toBeTruthy();
    expect(within(old).getByText(/^Revoked /)).toBeTruthy();
    expect(within(old).queryByRole('button', { name: 'Revoke' })).toBeNull();
    const dispatch = screen.getByRole('rowheader', { name: 'Dispatch sync' }).closest('tr')!;
    expect(within(dispatch).getByText(/by Casey Coordinator/)).toBeTruthy();
    expect(within(dispatch).getByText('Riverside PD')).toBeTruthy();
  });

  it('creates a token with the scopes ticked and shows its secret once, with Copy and a warning', async () => {
    const user = userEvent.setup();
    const created = buildApiToken({
      id: 'QXBpVG9rZW46Mw',
      name: 'Youth dashboard',
      hint: 'bbt_Zz9a',
      scopes: ['ISSUES_READ', 'EVENTS_READ'],
      organization: ORGS[1],
    });
    const create = vi.fn(() => ({
      data: {
        createApiToken: { __typename: 'CreatedApiToken', token: 'bbt_Zz9aSECRETSECRET', apiToken: created },
      },
    }));
    renderPage([
      {
        request: {
          query: CREATE_API_TOKEN_MUTATION,
          variables: {
            input: { name: 'Youth dashboard', scopes: ['ISSUES_READ', 'EVENTS_READ'], organizationId: YOUTH.id },
          },
        },
        result: create,
      },
      list([created, DISPATCH, OLD]),
    ]);
    const form = await screen.findByRole('group', { name: 'Create a token' });
    const eventsRead = within(form).getByRole('checkbox', { name: 'events:read' });
    expect(document.getElementById(eventsRead.getAttribute('aria-describedby')!)?.textContent).toContain(
      'Members-only events',
    );
    await user.type(within(form).getByLabelText('Name'), 'Youth dashboard');
    await user.selectOptions(within(form).getByLabelText('Acts as'), YOUTH.id);
    await user.click(eventsRead);
    await user.click(within(form).getByRole('checkbox', { name: 'issues:read' }));
    await user.click(within(form).getByRole('button', { name: 'Create token' }));

    const secret = (await screen.findByLabelText('Secret for Youth dashboard')) as HTMLInputElement;
    expect(secret.value).toBe('bbt_Zz9aSECRETSECRET');
    expect(screen.getByText(/it is\s+shown only this once and cannot be shown again/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe('bbt_Zz9aSECRETSECRET');
    expect(create).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('rowheader', { name: 'Youth dashboard' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByLabelText('Secret for Youth dashboard')).toBeNull();
    expect(screen.queryByText(/bbt_Zz9aSECRET/)).toBeNull();
  });

  it('asks for a scope before sending, and shows a refused name next to the name field', async () => {
    renderPage([
      {
        request: {
          query: CREATE_API_TOKEN_MUTATION,
          variables: { input: { name: 'x', scopes: ['ISSUES_WRITE'], organizationId: null } },
        },
        result: {
          errors: [
            new GraphQLError('name must be 2 to 100 characters', {
              extensions: { code: 'BAD_USER_INPUT', field: 'name' },
            }),
          ],
        },
      },
    ]);
    const form = await screen.findByRole('group', { name: 'Create a token' });
    await userEvent.type(within(form).getByLabelText('Name'), 'x');
    await userEvent.click(within(form).getByRole('button', { name: 'Create token' }));
    expect(within(form).getByText('Choose at least one scope.')).toBeTruthy();

    await userEvent.click(within(form).getByRole('checkbox', { name: 'issues:write' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Create token' }));
    const name = within(form).getByLabelText('Name');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(
      (name.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent),
    ).toContain('Name must be 2 to 100 characters');
    expect(screen.queryByLabelText(/^Secret for/)).toBeNull();
  });

  it('revokes a token only after asking', async () => {
    const revoked = vi.fn(() => ({ data: { revokeApiToken: { ...DISPATCH, revokedAt: '2026-12-01T09:00:00.000Z' } } }));
    renderPage([{ request: { query: REVOKE_API_TOKEN_MUTATION, variables: { id: DISPATCH.id } }, result: revoked }]);
    const row = (await screen.findByRole('rowheader', { name: 'Dispatch sync' })).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: 'Revoke' }));
    expect(revoked).not.toHaveBeenCalled();
    await userEvent.click(within(row).getByRole('button', { name: 'Yes, revoke' }));
    expect(await screen.findByText(/Dispatch sync is revoked/)).toBeTruthy();
    expect(revoked).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(row.className).toContain('is-deactivated'));
  });
});
