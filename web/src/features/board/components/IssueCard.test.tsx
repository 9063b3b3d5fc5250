import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { IssueCard } from './IssueCard.js';
import type { BoardIssue } from '../graphql/fragments/boardIssue.fragment.js';

afterEach(cleanup);

const issue: BoardIssue = {
  id: 'Q29tbXVuaXR5SXNzdWU6MQ',
  title: 'Streetlight out on Alder & 12th',
  status: 'OPEN',
  category: 'LIGHTING',
  neighborhood: { id: 'TmVpZ2hib3Job29kOjE', name: 'Eastside' },
  supportersCount: 4,
  version: 3,
};

describe('IssueCard', () => {
  it('shows the title, category, neighborhood and supporters', () => {
    render(<IssueCard issue={issue} />);
    expect(screen.getByText('Streetlight out on Alder & 12th')).toBeTruthy();
    expect(screen.getByText('Lighting')).toBeTruthy();
    expect(screen.getByText('Eastside')).toBeTruthy();
    expect(screen.getByText('4')).toBeTruthy();
  });
});
