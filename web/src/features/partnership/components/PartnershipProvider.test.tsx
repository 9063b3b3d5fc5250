import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { PartnershipProvider } from './PartnershipProvider.js';
import { PARTNERSHIP_QUERY } from '../graphql/queries/partnership.query.js';
import { usePartnership, useTimeZone } from '../partnership.js';
import { AppBrand } from '../../../app/AppBrand.js';

beforeEach(() => {
  localStorage.clear();
  document.title = 'Bridgeboard';
});
afterEach(cleanup);

const answer = (overrides: Record<string, unknown> = {}) => ({
  request: { query: PARTNERSHIP_QUERY },
  result: {
    data: {
      partnership: {
        __typename: 'Partnership',
        name: 'Riverside Community Partnership',
        timeZone: 'America/Chicago',
        language: 'en',
        welcomeText: null,
        setupRequired: false,
        passwordResetByEmail: true,
        mapCenter: { __typename: 'Coordinates', lat: 41.88, lng: -87.63 },
        mapZoom: 12,
        tileUrl: null,
        ...overrides,
      },
    },
  },
});

function Zone() {
  const { passwordResetByEmail } = usePartnership();
  return (
    <p>
      zone {useTimeZone()} {passwordResetByEmail ? 'mail' : 'no mail'}
    </p>
  );
}

describe('PartnershipProvider', () => {
  it('waits for the partnership on a first visit, then shows its name next to Bridgeboard and in the title', async () => {
    render(
      <MockedProvider mocks={[answer()]}>
        <PartnershipProvider fallback={<p>Loading…</p>}>
          <AppBrand />
          <Zone />
        </PartnershipProvider>
      </MockedProvider>,
    );
    expect(screen.getByText('Loading…')).toBeTruthy();
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Bridgeboard · Riverside Community Partnership');
    expect(screen.getByText('zone America/Chicago mail')).toBeTruthy();
    expect(document.title).toBe('Riverside Community Partnership · Bridgeboard');
  });

  it('shows Bridgeboard alone before setup', async () => {
    render(
      <MockedProvider mocks={[answer({ name: '', timeZone: 'UTC', setupRequired: true })]}>
        <PartnershipProvider>
          <AppBrand />
          <Zone />
        </PartnershipProvider>
      </MockedProvider>,
    );
    await screen.findByText(/zone UTC/);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Bridgeboard');
    expect(document.title).toBe('Bridgeboard');
  });

  it('starts from the settings of the last visit, so dates are in the right zone at once', async () => {
    const first = render(
      <MockedProvider mocks={[answer()]}>
        <PartnershipProvider>
          <Zone />
        </PartnershipProvider>
      </MockedProvider>,
    );
    await screen.findByText(/zone America\/Chicago/);
    first.unmount();

    // Next visit: the server has not answered yet (no mock), the stored settings hold.
    render(
      <MockedProvider mocks={[]}>
        <PartnershipProvider fallback={<p>Loading…</p>}>
          <Zone />
        </PartnershipProvider>
      </MockedProvider>,
    );
    expect(screen.getByText('zone America/Chicago mail')).toBeTruthy();
  });
});
