import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { InvitationPage } from './InvitationPage.js';
import { ACCEPT_INVITATION_MUTATION } from '../graphql/mutations/acceptInvitation.mutation.js';
import { CODE, authPayload, linkErrorMock, linkMock, linkRefusal, renderLinkPage } from '../testing/linkPage.js';

afterEach(cleanup);

const path = `/invitation?code=${CODE}`;
const invitation = linkMock('INVITATION', {
  email: 'oscar@riverside.example',
  name: 'Oscar Officer',
  role: 'OFFICER',
  organizationName: 'Riverside Police Department',
});
const PASSWORD = 'a long walk on the river';

async function choosePassword(user: ReturnType<typeof userEvent.setup>, confirm = PASSWORD) {
  await user.click(screen.getByLabelText('Password'));
  await user.paste(PASSWORD);
  await user.click(screen.getByLabelText('Confirm password'));
  await user.paste(confirm);
}

describe('InvitationPage', () => {
  it('says who is invited where, as what, and prefills the name', async () => {
    renderLinkPage(<InvitationPage />, { path, mocks: [invitation] });
    const lead = await screen.findByText(/You are invited to join/);
    expect(lead.textContent).toBe(
      'You are invited to join Riverside Police Department as an officer. You will sign in as oscar@riverside.example.',
    );
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Oscar Officer');
    // 09:00 UTC is 3 AM in Chicago, the partnership's zone.
    expect(screen.getByText(/This invitation works once, until/).textContent).toMatch(/Dec 8, 2026, 3:00\sAM\.$/);
    expect(screen.getByLabelText('Confirm password')).toBeTruthy();
  });

  it('tells what to do without a code', () => {
    renderLinkPage(<InvitationPage />, { path: '/invitation', mocks: [] });
    expect(screen.getByText(/Open the invitation link you received/)).toBeTruthy();
  });

  it.each([
    ['LINK_USED', 'This invitation has already been used'],
    ['LINK_EXPIRED', 'This invitation has expired'],
    ['LINK_REVOKED', 'This invitation was withdrawn'],
    ['NOT_FOUND', 'This invitation link is not valid'],
  ] as const)('explains a refused invitation (%s)', async (reason, title) => {
    renderLinkPage(<InvitationPage />, { path, mocks: [linkErrorMock(reason)] });
    expect((await screen.findByRole('alert')).textContent).toContain(title);
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('points a password link opened here to its own page', async () => {
    renderLinkPage(<InvitationPage />, { path, mocks: [linkMock('PASSWORD', { email: 'x@y.example' })] });
    const link = await screen.findByRole('link', { name: 'Open it where it belongs' });
    expect(link.getAttribute('href')).toBe(`/password?code=${CODE}`);
  });

  it('refuses a short password or a confirmation that differs, next to the field', async () => {
    const user = userEvent.setup({ delay: null });
    renderLinkPage(<InvitationPage />, { path, mocks: [invitation] });
    await screen.findByLabelText('Password');
    await user.click(screen.getByLabelText('Password'));
    await user.paste('short');
    await user.click(screen.getByRole('button', { name: 'Join and sign in' }));
    expect(screen.getByText('Use at least 12 characters.')).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');

    await user.clear(screen.getByLabelText('Password'));
    await choosePassword(user, `${PASSWORD}!`);
    await user.click(screen.getByRole('button', { name: 'Join and sign in' }));
    expect(screen.getByText('The two passwords are not the same.')).toBeTruthy();
    expect(screen.getByLabelText('Confirm password').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the server’s password problem by the password, and a link used meanwhile in place of the form', async () => {
    const user = userEvent.setup({ delay: null });
    const request = {
      query: ACCEPT_INVITATION_MUTATION,
      variables: { code: CODE, password: PASSWORD, name: 'Oscar Officer' },
    };
    renderLinkPage(<InvitationPage />, {
      path,
      mocks: [
        invitation,
        {
          request,
          result: {
            errors: [
              new GraphQLError('password must be 12 to 1000 characters', {
                extensions: { code: 'BAD_USER_INPUT', field: 'password' },
              }),
            ],
          },
        },
        { request, result: { errors: [linkRefusal('LINK_USED')] } },
      ],
    });
    await screen.findByLabelText('Password');
    await choosePassword(user);
    await user.click(screen.getByRole('button', { name: 'Join and sign in' }));
    const message = await screen.findByText('password must be 12 to 1000 characters');
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toContain(message.id);

    await user.click(screen.getByRole('button', { name: 'Join and sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This invitation has already been used');
  });

  it('accepts with the name as edited and signs the new member in, to the board', async () => {
    const user = userEvent.setup({ delay: null });
    const { signIn } = renderLinkPage(<InvitationPage />, {
      path,
      mocks: [
        invitation,
        {
          request: {
            query: ACCEPT_INVITATION_MUTATION,
            variables: { code: CODE, password: PASSWORD, name: 'Oscar M. Officer' },
          },
          result: { data: { acceptInvitation: authPayload('OFFICER', 'token-of-oscar') } },
        },
      ],
    });
    const name = await screen.findByLabelText('Your name');
    await user.clear(name);
    await user.type(name, 'Oscar M. Officer ');
    await choosePassword(user);
    await user.click(screen.getByRole('button', { name: 'Join and sign in' }));
    await waitFor(() => expect(signIn).toHaveBeenCalledWith('token-of-oscar', '/board'));
  });
});
