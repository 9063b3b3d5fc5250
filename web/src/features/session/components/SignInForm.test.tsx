import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router';
import { SignInForm } from './SignInForm.js';
import { WithPartnership, buildPartnership } from '../../partnership/testing/partnershipFixture.js';

afterEach(cleanup);

function renderForm(passwordResetByEmail: boolean) {
  render(
    <MockedProvider mocks={[]}>
      <MemoryRouter>
        <WithPartnership info={buildPartnership({ passwordResetByEmail })}>
          <SignInForm onSignedIn={() => undefined} />
        </WithPartnership>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('SignInForm', () => {
  it('links to the reset request only when the board can send the link by email', () => {
    renderForm(true);
    expect(screen.getByRole('link', { name: 'Forgot your password?' }).getAttribute('href')).toBe('/forgot-password');
    cleanup();
    renderForm(false);
    expect(screen.queryByRole('link', { name: 'Forgot your password?' })).toBeNull();
  });
});
