import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { ActivityEntry } from './ActivityEntry.js';
import type { ActivityEntryData } from '../graphql/fragments/activityEntry.fragment.js';

afterEach(cleanup);

const now = new Date('2026-11-25T12:00:00Z');

function buildEntry(overrides: Partial<ActivityEntryData> = {}): ActivityEntryData {
  return {
    id: 'QWN0aXZpdHk6NDI',
    seq: 42,
    at: '2026-11-25T11:55:00Z',
    kind: 'ISSUE_STATUS_CHANGED',
    summary: 'Streetlight out on Alder & 12th: Open → Acknowledged',
    actor: { id: 'TWVtYmVyOjI', name: 'Officer Luis Ortega' },
    actorOrganization: { id: 'T3JnYW5pemF0aW9uOjE', name: 'Riverside Police Department' },
    issue: { id: 'Q29tbXVuaXR5SXNzdWU6MQ', title: 'Streetlight out on Alder & 12th' },
    event: null,
    ...overrides,
  };
}

describe('ActivityEntry', () => {
  it('shows members the summary, who did it, when, and a link to the issue on the board', () => {
    render(<ActivityEntry entry={buildEntry()} signedIn now={now} />, { wrapper: MemoryRouter });

    expect(screen.getByText('Streetlight out on Alder & 12th: Open → Acknowledged', { exact: false })).toBeTruthy();
    expect(screen.getByText('Officer Luis Ortega')).toBeTruthy();
    const when = screen.getByText('5 minutes ago');
    expect(when.getAttribute('datetime')).toBe('2026-11-25T11:55:00Z');
    const link = screen.getByRole('link', { name: 'View issue: Streetlight out on Alder & 12th' });
    expect(link.getAttribute('href')).toBe('/board/issues/Q29tbXVuaXR5SXNzdWU6MQ');
  });

  it('names the organization, not the person, for the public, and links no issue page', () => {
    render(<ActivityEntry entry={buildEntry({ actor: null })} signedIn={false} now={now} />, {
      wrapper: MemoryRouter,
    });

    expect(screen.getByText('Riverside Police Department')).toBeTruthy();
    expect(screen.queryByText('Officer Luis Ortega')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('says a resident did it when nobody is named (an anonymous report), and links events', () => {
    const entry = buildEntry({
      kind: 'EVENT_RSVP',
      summary: 'Friday night hoops: 7 coming',
      actor: null,
      actorOrganization: null,
      issue: null,
      event: { id: 'U2hhcmVkRXZlbnQ6Mg', title: 'Friday night hoops' },
      at: '2026-11-24T09:00:00Z',
    });
    render(<ActivityEntry entry={entry} signedIn={false} now={now} />, { wrapper: MemoryRouter });

    expect(screen.getByText('A resident')).toBeTruthy();
    expect(screen.getByText('yesterday')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'View event: Friday night hoops' });
    expect(link.getAttribute('href')).toBe('/events/U2hhcmVkRXZlbnQ6Mg');
  });

  it('marks entries that arrived live', () => {
    render(<ActivityEntry entry={buildEntry()} signedIn now={now} isNew />, { wrapper: MemoryRouter });

    expect(screen.getByText('New')).toBeTruthy();
  });
});
