import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { PasswordPage } from './PasswordPage.js';
import { RESET_PASSWORD_MUTATION } from '../graphql/mutations/resetPassword.mutation.js';
import { CODE, authPayload, linkErrorMock, linkMock, renderLinkPage } from '../testing/linkPage.js';
import { buildPartnership } from '../../partnership/testing/partnershipFixture.js';

afterEach(cleanup);

const path = `/password?code=${CODE}`;
const reset = linkMock('PASSWORD', {
  email: 'paula@youth.example',
  name: 'Paula Partner',
  organizationName: 'Eastside Youth Alliance',
});
const PASSWORD = 'new and much longer';

describe('PasswordPage', () => {
  it('names the member whose password is set, with their email', async () => {
    renderLinkPage(<PasswordPage />, { path, mocks: [reset] });
    const lead = await screen.findByText(/A new password for/);
    expect(lead.textContent).toContain('Paula Partner (paula@youth.example, Eastside Youth Alliance)');
    expect(screen.getByLabelText('New password')).toBeTruthy();
    expect(screen.getByLabelText('Confirm password')).toBeTruthy();
  });

  it('explains a used link; an expired one offers a new link by email when the board sends mail', async () => {
    const { unmount } = renderLinkPage(<PasswordPage />, { path, mocks: [linkErrorMock('LINK_USED')] });
    expect((await screen.findByRole('alert')).textContent).toContain('This link has already been used');
    expect(screen.queryByRole('link', { name: 'Ask for a new link by email' })).toBeNull();
    unmount();

    renderLinkPage(<PasswordPage />, {
      path,
      mocks: [linkErrorMock('LINK_EXPIRED')],
      partnership: buildPartnership({ passwordResetByEmail: true }),
    });
    expect((await screen.findByRole('alert')).textContent).toContain('This link has expired');
    const link = screen.getByRole('link', { name: 'Ask for a new link by email' });
    expect(link.getAttribute('href')).toBe('/forgot-password');
  });

  it('sets the password and signs the member in, to the board', async () => {
    const user = userEvent.setup({ delay: null });
    const { signIn } = renderLinkPage(<PasswordPage />, {
      path,
      mocks: [
        reset,
        {
          request: { query: RESET_PASSWORD_MUTATION, variables: { code: CODE, password: PASSWORD } },
          result: { data: { resetPassword: authPayload('PARTNER', 'token-of-paula') } },
        },
      ],
    });
    await user.click(await screen.findByLabelText('New password'));
    await user.paste(PASSWORD);
    await user.click(screen.getByLabelText('Confirm password'));
    await user.paste(PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Save password and sign in' }));
    await waitFor(() => expect(signIn).toHaveBeenCalledWith('token-of-paula', '/board'));
  });
});
