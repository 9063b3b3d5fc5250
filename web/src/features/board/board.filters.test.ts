import { describe, expect, it } from 'vitest';
import { buildBoardIssue, EASTSIDE_YOUTH } from './board.fixtures.js';
import { matchesFilters, parseFilters, toIssueFilter, writeFilters } from './board.filters.js';

const MY_ORG = 'T3JnYW5pemF0aW9uOjk';

describe('board filters', () => {
  it('go to the server as one IssueFilter with the board’s statuses', () => {
    const filters = parseFilters(new URLSearchParams('neighborhood=N1&category=NOISE&organization=O2&q=%20dog%20'));
    expect(toIssueFilter(filters, MY_ORG)).toEqual({
      status: ['OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED'],
      neighborhoodId: 'N1',
      category: 'NOISE',
      organizationId: 'O2',
      search: 'dog',
    });
  });

  it('“shared with my organization” filters by the viewer’s organization', () => {
    const filters = parseFilters(new URLSearchParams('shared=1&organization=O2'));
    expect(toIssueFilter(filters, MY_ORG).organizationId).toBe(MY_ORG);
  });

  it('round-trip through the URL', () => {
    const params = new URLSearchParams('category=YOUTH&q=court+lights');
    expect(writeFilters(parseFilters(params)).toString()).toBe(params.toString());
  });

  it('tell whether a changed card still belongs on the board', () => {
    const filter = toIssueFilter(parseFilters(new URLSearchParams(`organization=${EASTSIDE_YOUTH.id}`)), MY_ORG);
    expect(matchesFilters(buildBoardIssue({ organizations: [EASTSIDE_YOUTH] }), filter)).toBe(true);
    expect(matchesFilters(buildBoardIssue({ organizations: [] }), filter)).toBe(false);
    expect(matchesFilters(buildBoardIssue({ organizations: [EASTSIDE_YOUTH], status: 'CLOSED' }), filter)).toBe(false);
  });
});
