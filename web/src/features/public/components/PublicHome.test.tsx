import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router';
import { PublicHome } from './PublicHome.js';
import { WithPartnership, buildPartnership } from '../../partnership/testing/partnershipFixture.js';
import type { PartnershipInfo } from '../../partnership/partnership.js';

afterEach(cleanup);

function renderHome(info: PartnershipInfo) {
  return render(
    <MockedProvider mocks={[]}>
      <MemoryRouter>
        <WithPartnership info={info}>
          <PublicHome />
        </WithPartnership>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('PublicHome', () => {
  it('points to the setup link instead of an empty board before setup', () => {
    renderHome(buildPartnership({ name: '', setupRequired: true }));
    expect(screen.getByRole('heading', { name: 'This board is not set up yet' })).toBeTruthy();
    expect(screen.getByText(/open the setup link printed in the server’s log when it started/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Report an issue' })).toBeNull();
  });

  it('shows the partnership’s welcome text, line breaks kept', () => {
    const welcomeText = 'Welcome to Riverside.\nReport what you see; we answer within two days.';
    renderHome(buildPartnership({ welcomeText }));
    const welcome = screen.getByText(/Welcome to Riverside\./);
    expect(welcome.textContent).toBe(welcomeText);
    expect(welcome.className).toBe('public__welcome');
    expect(screen.getByRole('link', { name: 'Report an issue' })).toBeTruthy();
  });

  it('keeps the general introduction without a welcome text', () => {
    renderHome(buildPartnership({ welcomeText: null }));
    expect(screen.getByText(/The police and community organizations work on the issues residents report/)).toBeTruthy();
  });
});
