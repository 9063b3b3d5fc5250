import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { WeekGrid } from './WeekGrid.js';
import { buildEvent } from '../testing/eventFixture.js';

afterEach(cleanup);

const monday = new Date(2026, 10, 23);
const at = (day: number, hour: number) => new Date(2026, 10, day, hour).toISOString();

describe('WeekGrid', () => {
  it('shows seven days, each with the events taking place that day', () => {
    const events = [
      buildEvent({ id: 'walk', title: 'Old Town community walk', startsAt: at(28, 10), endsAt: at(28, 12) }),
      buildEvent({ id: 'hall', title: 'Eastside town hall', startsAt: at(25, 18), endsAt: at(25, 20) }),
      buildEvent({ id: 'hoops', title: 'Friday night hoops', startsAt: at(25, 19), endsAt: at(25, 22) }),
    ];
    const { container } = render(<WeekGrid events={events} weekStart={monday} today={new Date(2026, 10, 25, 12)} />, {
      wrapper: MemoryRouter,
    });

    const days = container.querySelectorAll<HTMLElement>('section[data-day]');
    expect(days).toHaveLength(7);
    const titles = (key: string) => {
      const day = container.querySelector<HTMLElement>(`section[data-day="${key}"]`)!;
      return within(day)
        .queryAllByRole('heading', { level: 4 })
        .map((h) => h.textContent);
    };
    expect(titles('2026-11-23')).toEqual([]);
    expect(titles('2026-11-25')).toEqual(['Eastside town hall', 'Friday night hoops']);
    expect(titles('2026-11-28')).toEqual(['Old Town community walk']);

    // Each day is a region named by its heading; the empty ones say so, and today is marked.
    const wednesday = screen.getByRole('region', { name: /25.*\(today\)/ });
    expect(within(wednesday).getAllByRole('article')).toHaveLength(2);
    expect(screen.getAllByText('Nothing planned')).toHaveLength(5);
  });
});
