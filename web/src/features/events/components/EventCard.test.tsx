import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { EventCard } from './EventCard.js';
import { buildEvent } from '../testing/eventFixture.js';

afterEach(cleanup);

/** The `<dd>` that follows the `<dt>` with this text. */
function detail(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' });
  const dd = dt.nextElementSibling;
  if (!(dd instanceof HTMLElement)) throw new Error(`no <dd> after ${term}`);
  return dd;
}

describe('EventCard', () => {
  it('shows the host, the co-hosts and the staff each organization committed', () => {
    render(<EventCard event={buildEvent()} />, { wrapper: MemoryRouter });

    expect(screen.getByRole('heading', { level: 3, name: 'Eastside town hall on safety' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Eastside town hall on safety' })).toBeTruthy();
    expect(detail('Host').textContent).toBe('Riverside Police Department');
    expect(detail('Co-hosts').textContent).toBe('Eastside Youth Alliance');
    expect(detail('Staff').textContent).toContain('5 committed');
    const staff = within(screen.getByRole('list', { name: 'Staff committed per organization' }));
    const rows = staff.getAllByRole('listitem').map((li) => li.textContent);
    expect(rows).toEqual(['Riverside Police Department: 3', 'Eastside Youth Alliance: 2 — Two coaches']);
  });

  it('shows kind, place, RSVPs against capacity and a members-only badge', () => {
    render(<EventCard event={buildEvent({ isPublic: false, rsvpCount: 80 })} />, { wrapper: MemoryRouter });

    expect(screen.getByText('Town hall')).toBeTruthy();
    expect(screen.getByText('Members only')).toBeTruthy();
    expect(detail('Where').textContent).toBe('Eastside Library, room 2, Eastside');
    expect(detail('RSVPs').textContent).toBe('80 / 80 coming (full)');
  });

  it('leaves out co-hosts when there are none and says when nobody committed staff', () => {
    render(<EventCard event={buildEvent({ coHosts: [], staff: [], staffCount: 0, capacity: null })} />, {
      wrapper: MemoryRouter,
    });

    expect(screen.queryByText('Co-hosts')).toBeNull();
    expect(detail('Staff').textContent).toBe('None committed yet');
    expect(detail('RSVPs').textContent).toBe('4 coming');
  });

  it('shows why a cancelled event was cancelled', () => {
    render(<EventCard event={buildEvent({ status: 'CANCELLED', cancelReason: 'Storm warning' })} />, {
      wrapper: MemoryRouter,
    });

    expect(screen.getByText('Cancelled', { selector: '.badge' })).toBeTruthy();
    expect(screen.getByText('Storm warning', { exact: false }).textContent).toBe('Cancelled: Storm warning');
  });

  it('links the title to the event page when given a link', () => {
    render(<EventCard event={buildEvent()} href="/events/U2hhcmVkRXZlbnQ6MQ" />, { wrapper: MemoryRouter });

    const link = screen.getByRole('link', { name: 'Eastside town hall on safety' });
    expect(link.getAttribute('href')).toBe('/events/U2hhcmVkRXZlbnQ6MQ');
  });
});
