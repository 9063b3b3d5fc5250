import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { VIEWER_QUERY } from '../../session/graphql/queries/viewer.query.js';
import { CREATE_PASSWORD_RESET_LINK_MUTATION } from '../graphql/mutations/createPasswordResetLink.mutation.js';
import { DEACTIVATE_MEMBER_MUTATION } from '../graphql/mutations/deactivateMember.mutation.js';
import { INVITE_MEMBER_MUTATION } from '../graphql/mutations/inviteMember.mutation.js';
import { REVOKE_INVITATION_MUTATION } from '../graphql/mutations/revokeInvitation.mutation.js';
import { ADMIN_INVITATIONS_QUERY } from '../graphql/queries/adminInvitations.query.js';
import { ADMIN_MEMBERS_QUERY } from '../graphql/queries/adminMembers.query.js';
import { AGENCY, YOUTH, buildInvitation, buildMember } from '../testing/adminFixtures.js';
import { MembersPage } from './MembersPage.js';

afterEach(cleanup);

const CASEY = buildMember({
  id: 'TWVtYmVyOjE',
  name: 'Casey Coordinator',
  email: 'casey@pd.test',
  role: 'COORDINATOR',
  organization: AGENCY,
});
const SAM = buildMember();
const LUIS = buildMember({
  id: 'TWVtYmVyOjI',
  name: 'Luis Ortega',
  email: 'luis@pd.test',
  role: 'OFFICER',
  organization: AGENCY,
  active: false,
  deactivatedAt: '2026-11-30T15:00:00.000Z',
});
const AGENCY_REF = { __typename: 'Organization' as const, id: AGENCY.id, name: AGENCY.name };
const PENDING = buildInvitation();
const ACCEPTED = buildInvitation({
  id: 'SW52aXRhdGlvbjoy',
  email: 'old@youth.test',
  status: 'ACCEPTED',
  acceptedAt: '2026-11-29T12:00:00.000Z',
});

const viewerMock: MockLink.MockedResponse = {
  request: { query: VIEWER_QUERY },
  result: {
    data: {
      viewer: {
        __typename: 'Member',
        id: CASEY.id,
        name: CASEY.name,
        role: 'COORDINATOR',
        organization: { __typename: 'Organization', id: AGENCY.id, name: AGENCY.name },
      },
    },
  },
};
const membersMock: MockLink.MockedResponse = {
  request: { query: ADMIN_MEMBERS_QUERY },
  result: { data: { members: [CASEY, LUIS, SAM], organizations: [AGENCY, YOUTH] } },
};
const invitations = (list: ReturnType<typeof buildInvitation>[]): MockLink.MockedResponse => ({
  request: { query: ADMIN_INVITATIONS_QUERY },
  result: { data: { invitations: list } },
});

function renderPage(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={[viewerMock, membersMock, invitations([PENDING, ACCEPTED]), ...mocks]}>
      <MembersPage />
    </MockedProvider>,
  );
}

const rowOf = async (name: string) => (await screen.findByRole('rowheader', { name: new RegExp(name) })).closest('tr')!;

describe('MembersPage', () => {
  it('lists members with role and organization; a deactivated one is greyed and says so', async () => {
    renderPage([]);
    const luis = await rowOf('Luis Ortega');
    expect(luis.className).toContain('is-deactivated');
    expect(within(luis).getByText(/^Deactivated /)).toBeTruthy();
    expect(within(luis).getByRole('button', { name: 'Reactivate' })).toBeTruthy();
    const casey = await rowOf('Casey Coordinator');
    expect(within(casey).getByText('(you)')).toBeTruthy();
    expect(within(casey).queryByRole('button', { name: 'Deactivate' })).toBeNull();
    const sam = await rowOf('Sam Rivera');
    expect(within(sam).getByText('Partner')).toBeTruthy();
    expect(within(sam).getByText('Eastside Youth Alliance')).toBeTruthy();
  });

  it('offers only the roles that fit the organization, and shows the invitation link once it is made', async () => {
    const user = userEvent.setup();
    const invited = buildInvitation({
      id: 'SW52aXRhdGlvbjoz',
      email: 'dana@pd.test',
      name: 'Dana Lee',
      role: 'OFFICER',
      organization: AGENCY_REF,
    });
    renderPage([
      {
        request: {
          query: INVITE_MEMBER_MUTATION,
          variables: { input: { email: 'dana@pd.test', name: 'Dana Lee', role: 'OFFICER', organizationId: AGENCY.id } },
        },
        result: {
          data: {
            inviteMember: {
              __typename: 'InvitePayload',
              inviteUrl: 'http://localhost:4000/invitation?code=abc123',
              emailed: true,
              invitation: invited,
            },
          },
        },
      },
      invitations([invited, PENDING, ACCEPTED]),
    ]);
    const form = await screen.findByRole('group', { name: 'Invite someone' });
    const role = within(form).getByLabelText('Role') as HTMLSelectElement;
    const options = () => [...role.options].map((o) => o.textContent);
    await user.selectOptions(within(form).getByLabelText('Organization'), AGENCY.id);
    expect(options()).toEqual(['Officer', 'Coordinator']);
    await user.selectOptions(within(form).getByLabelText('Organization'), YOUTH.id);
    expect(options()).toEqual(['Partner', 'Coordinator']);
    await user.selectOptions(within(form).getByLabelText('Organization'), AGENCY.id);
    expect(role.value).toBe('OFFICER');

    await user.type(within(form).getByLabelText('Email'), 'dana@pd.test');
    await user.type(within(form).getByLabelText('Name'), 'Dana Lee');
    await user.click(within(form).getByRole('button', { name: 'Invite' }));

    const link = (await screen.findByLabelText('Invitation link')) as HTMLInputElement;
    expect(link.value).toBe('http://localhost:4000/invitation?code=abc123');
    expect(screen.getByText(/The link was emailed to dana@pd\.test\./)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe('http://localhost:4000/invitation?code=abc123');
    expect(screen.getByText('Copied.')).toBeTruthy();
    expect(await screen.findByRole('rowheader', { name: 'dana@pd.test' })).toBeTruthy();
  });

  it('shows a refused email next to the email field', async () => {
    renderPage([
      {
        request: {
          query: INVITE_MEMBER_MUTATION,
          variables: { input: { email: 'sam@youth.test', name: 'Sam', role: 'PARTNER', organizationId: YOUTH.id } },
        },
        result: {
          errors: [
            new GraphQLError('A member with this email already exists', {
              extensions: { code: 'BAD_USER_INPUT', field: 'input.email' },
            }),
          ],
        },
      },
    ]);
    const form = await screen.findByRole('group', { name: 'Invite someone' });
    await userEvent.type(within(form).getByLabelText('Email'), 'sam@youth.test');
    await userEvent.type(within(form).getByLabelText('Name'), 'Sam');
    await userEvent.selectOptions(within(form).getByLabelText('Organization'), YOUTH.id);
    await userEvent.click(within(form).getByRole('button', { name: 'Invite' }));

    const email = within(form).getByLabelText('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toBe(
      'A member with this email already exists',
    );
    expect(screen.queryByLabelText('Invitation link')).toBeNull();
  });

  it('issues a reset link and says it was not emailed', async () => {
    renderPage([
      {
        request: { query: CREATE_PASSWORD_RESET_LINK_MUTATION, variables: { memberId: SAM.id } },
        result: {
          data: {
            createPasswordResetLink: {
              __typename: 'PasswordResetPayload',
              resetUrl: 'http://localhost:4000/password?code=xyz',
              emailed: false,
            },
          },
        },
      },
    ]);
    await userEvent.click(within(await rowOf('Sam Rivera')).getByRole('button', { name: 'Reset link for Sam Rivera' }));
    const link = (await screen.findByLabelText('Password link for Sam Rivera')) as HTMLInputElement;
    expect(link.value).toBe('http://localhost:4000/password?code=xyz');
    expect(screen.getByText(/It was not emailed/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
  });

  it('deactivates only after the confirm step', async () => {
    const deactivated = vi.fn(() => ({
      data: { deactivateMember: { ...SAM, active: false, deactivatedAt: '2026-12-01T09:00:00.000Z' } },
    }));
    renderPage([{ request: { query: DEACTIVATE_MEMBER_MUTATION, variables: { id: SAM.id } }, result: deactivated }]);
    const sam = await rowOf('Sam Rivera');
    await userEvent.click(within(sam).getByRole('button', { name: 'Deactivate' }));
    expect(deactivated).not.toHaveBeenCalled();
    expect(within(sam).getByText(/Deactivate Sam Rivera\? They are signed out at once/)).toBeTruthy();
    const yes = within(sam).getByRole('button', { name: 'Yes, deactivate' });
    expect(document.activeElement).toBe(yes);
    await userEvent.click(yes);

    expect(await screen.findByText('Sam Rivera is deactivated.')).toBeTruthy();
    expect(deactivated).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(sam.className).toContain('is-deactivated'));
    expect(document.activeElement).toBe(within(sam).getByRole('button', { name: 'Reactivate' }));
  });

  it('revokes a pending invitation after asking, and Escape cancels', async () => {
    const revoked = vi.fn(() => ({ data: { revokeInvitation: { ...PENDING, status: 'REVOKED' } } }));
    renderPage([{ request: { query: REVOKE_INVITATION_MUTATION, variables: { id: PENDING.id } }, result: revoked }]);
    const row = await rowOf('ana@health.test');
    expect(within(await rowOf('old@youth.test')).queryByRole('button', { name: 'Revoke' })).toBeNull();
    await userEvent.click(within(row).getByRole('button', { name: 'Revoke' }));
    await userEvent.keyboard('{Escape}');
    expect(within(row).getByRole('button', { name: 'Revoke' })).toBe(document.activeElement);
    await userEvent.click(within(row).getByRole('button', { name: 'Revoke' }));
    await userEvent.click(within(row).getByRole('button', { name: 'Yes, revoke' }));

    expect(await screen.findByText(/The invitation for ana@health\.test is revoked/)).toBeTruthy();
    expect(revoked).toHaveBeenCalledTimes(1);
    expect(within(row).getByText('Revoked')).toBeTruthy();
  });
});
