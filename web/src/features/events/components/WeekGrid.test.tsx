import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { WeekGrid } from './WeekGrid.js';
import { buildEvent } from '../testing/eventFixture.js';
import { WithPartnership, buildPartnership } from '../../partnership/testing/partnershipFixture.js';

afterEach(cleanup);

// The partnership is in Chicago (UTC-6 in November), whatever zone the test machine is in.
const wrapper = ({ children }: { children: ReactNode }) => (
  <MemoryRouter>
    <WithPartnership info={buildPartnership({ timeZone: 'America/Chicago' })}>{children}</WithPartnership>
  </MemoryRouter>
);

describe('WeekGrid', () => {
  it('shows seven days in the partnership’s zone, each with the events taking place that day', () => {
    const events = [
      buildEvent({
        id: 'walk',
        title: 'Old Town community walk',
        startsAt: '2026-11-28T16:00:00Z',
        endsAt: '2026-11-28T18:00:00Z',
      }),
      buildEvent({
        id: 'hall',
        title: 'Eastside town hall',
        startsAt: '2026-11-26T00:00:00Z',
        endsAt: '2026-11-26T02:00:00Z',
      }),
      buildEvent({
        id: 'hoops',
        title: 'Friday night hoops',
        startsAt: '2026-11-26T01:00:00Z',
        endsAt: '2026-11-26T04:00:00Z',
      }),
    ];
    // 03:00 UTC on Thursday the 26th is still Wednesday the 25th in Chicago.
    const { container } = render(
      <WeekGrid events={events} weekStart="2026-11-23" today={new Date('2026-11-26T03:00:00Z')} />,
      { wrapper },
    );

    const days = container.querySelectorAll<HTMLElement>('section[data-day]');
    expect(days).toHaveLength(7);
    const titles = (key: string) => {
      const day = container.querySelector<HTMLElement>(`section[data-day="${key}"]`)!;
      return within(day)
        .queryAllByRole('heading', { level: 4 })
        .map((h) => h.textContent);
    };
    expect(titles('2026-11-23')).toEqual([]);
    // 6 PM and 7 PM in Chicago on the 25th, although already the 26th in UTC.
    expect(titles('2026-11-25')).toEqual(['Eastside town hall', 'Friday night hoops']);
    expect(titles('2026-11-26')).toEqual([]);
    expect(titles('2026-11-28')).toEqual(['Old Town community walk']);

    // Each day is a region named by its heading; the empty ones say so, and today is marked.
    const wednesday = screen.getByRole('region', { name: /Wednesday.*25.*\(today\)/ });
    expect(within(wednesday).getAllByRole('article')).toHaveLength(2);
    expect(within(wednesday).getByText(/6:00\s?PM – 8:00\s?PM/)).toBeTruthy();
    expect(screen.getAllByText('Nothing planned')).toHaveLength(5);
  });
});
