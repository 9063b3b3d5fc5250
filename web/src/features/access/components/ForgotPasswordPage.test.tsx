import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { ForgotPasswordPage } from './ForgotPasswordPage.js';
import { REQUEST_PASSWORD_RESET_MUTATION } from '../graphql/mutations/requestPasswordReset.mutation.js';
import { renderLinkPage } from '../testing/linkPage.js';
import { buildPartnership } from '../../partnership/testing/partnershipFixture.js';

afterEach(cleanup);

const withMail = buildPartnership({ passwordResetByEmail: true });

describe('ForgotPasswordPage', () => {
  it('says to ask a coordinator when the board sends no mail', () => {
    renderLinkPage(<ForgotPasswordPage />, { path: '/forgot-password', mocks: [] });
    expect(screen.getByText(/Ask a coordinator of the partnership/)).toBeTruthy();
    expect(screen.queryByLabelText('Email')).toBeNull();
  });

  it('checks the address, then answers the same whether or not it has an account', async () => {
    const user = userEvent.setup({ delay: null });
    const asked = vi.fn(() => ({ data: { requestPasswordReset: true } }));
    renderLinkPage(<ForgotPasswordPage />, {
      path: '/forgot-password',
      mocks: [
        {
          request: { query: REQUEST_PASSWORD_RESET_MUTATION, variables: { email: 'paula@youth.example' } },
          result: asked,
        },
      ],
      partnership: withMail,
    });
    await user.type(screen.getByLabelText('Email'), 'paula');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect(screen.getByText('Enter the email address you sign in with.')).toBeTruthy();
    expect(asked).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Email'), '@youth.example');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('If paula@youth.example has an account, a link is on its way.');
    expect(asked).toHaveBeenCalledTimes(1);
  });

  it('shows the server’s refusal', async () => {
    const user = userEvent.setup({ delay: null });
    renderLinkPage(<ForgotPasswordPage />, {
      path: '/forgot-password',
      mocks: [
        {
          request: { query: REQUEST_PASSWORD_RESET_MUTATION, variables: { email: 'paula@youth.example' } },
          result: {
            errors: [
              new GraphQLError('Too many requests; try again in 60 seconds', { extensions: { code: 'RATE_LIMITED' } }),
            ],
          },
        },
      ],
      partnership: withMail,
    });
    await user.type(screen.getByLabelText('Email'), 'paula@youth.example');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Too many requests; try again in 60 seconds');
  });
});
