import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { IssueCard } from './IssueCard.js';
import { buildBoardIssue, CITY_POLICE, EASTSIDE_YOUTH } from '../board.fixtures.js';
import type { BoardIssue } from '../graphql/fragments/boardIssue.fragment.js';

afterEach(cleanup);

const NOW = Date.parse('2026-11-23T12:30:00.000Z');

function renderCard(issue: BoardIssue, props: { unread?: number; onMove?: () => void } = {}) {
  return render(
    <MemoryRouter>
      <IssueCard
        issue={issue}
        now={NOW}
        unread={props.unread ?? 0}
        href={`/board/issues/${issue.id}?category=LIGHTING`}
        onMove={props.onMove}
      />
    </MemoryRouter>,
  );
}

describe('IssueCard', () => {
  it('shows the title as a link to the drawer, the category, neighborhood and supporters', () => {
    renderCard(buildBoardIssue());
    const card = screen.getByRole('article', { name: 'Streetlight out on Alder & 12th' });
    const link = within(card).getByRole('link', { name: 'Streetlight out on Alder & 12th' });
    expect(link.getAttribute('href')).toBe('/board/issues/Q29tbXVuaXR5SXNzdWU6MQ?category=LIGHTING');
    expect(within(card).getByText('Lighting')).toBeTruthy();
    expect(within(card).getByText('Eastside')).toBeTruthy();
    expect(within(card).getByText('Supporters').nextElementSibling?.textContent).toBe('4');
  });

  it('shows the age in days, with the exact time for those who want it', () => {
    renderCard(buildBoardIssue({ reportedAt: '2026-11-20T12:00:00.000Z' }));
    const age = screen.getByText('3 days');
    expect(age.tagName).toBe('TIME');
    expect(age.getAttribute('dateTime')).toBe('2026-11-20T12:00:00.000Z');
  });

  it('shows hours for an issue reported today', () => {
    renderCard(buildBoardIssue({ reportedAt: '2026-11-23T07:00:00.000Z' }));
    expect(screen.getByText('5 hours')).toBeTruthy();
  });

  it('names the organizations assigned, or says there are none', () => {
    renderCard(buildBoardIssue({ organizations: [EASTSIDE_YOUTH, CITY_POLICE] }));
    expect(screen.getByText('Eastside Youth League, City Police Department')).toBeTruthy();
    cleanup();
    renderCard(buildBoardIssue({ organizations: [] }));
    expect(screen.getByText('None assigned')).toBeTruthy();
  });

  it('shows a badge with the number of unread updates, and none when all are read', () => {
    renderCard(buildBoardIssue(), { unread: 2 });
    expect(screen.getByText(/2 new/).textContent).toBe('2 new updates');
    cleanup();
    renderCard(buildBoardIssue(), { unread: 1 });
    expect(screen.getByText(/1 new/).textContent).toBe('1 new update');
    cleanup();
    renderCard(buildBoardIssue(), { unread: 0 });
    expect(screen.queryByText(/new update/)).toBeNull();
  });

  it('is movable (Move button, draggable) only when the viewer may move it', () => {
    renderCard(buildBoardIssue());
    expect(screen.queryByRole('button', { name: 'Move Streetlight out on Alder & 12th' })).toBeNull();
    expect(screen.getByRole('article').getAttribute('draggable')).toBe('false');
    cleanup();
    renderCard(buildBoardIssue(), { onMove: () => undefined });
    expect(screen.getByRole('button', { name: 'Move Streetlight out on Alder & 12th' })).toBeTruthy();
    expect(screen.getByRole('article').getAttribute('draggable')).toBe('true');
  });
});
