import { describe, expect, it } from 'vitest';
import { issueCriteria, matchesState, matchesText, previousState, searchWords } from './issue.criteria.js';
import { IssueCategory, IssueStatus } from './issue.enums.js';

const state = {
  status: IssueStatus.OPEN,
  category: IssueCategory.LIGHTING,
  neighborhood: 3,
  organizations: [7],
};

describe('issue criteria', () => {
  it('splits a search on spaces and on the LIKE characters, lower-cased, at most 8 words', () => {
    expect(searchWords('Street_light 50%off a\\b')).toEqual(['street', 'light', '50', 'off', 'a', 'b']);
    expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
    expect(searchWords('   ')).toEqual([]);
  });

  it('matches the search in title or description, every word', () => {
    const c = issueCriteria({ search: 'street_light' });
    expect(matchesText(c, 'Street light out', '')).toBe(true);
    expect(matchesText(c, 'Street sign', 'a light is out')).toBe(true);
    expect(matchesText(c, 'Street sign', 'bent pole')).toBe(false);
  });

  it('refuses a search over 200 characters', () => {
    expect(() => issueCriteria({ search: 'x'.repeat(201) })).toThrow(/200/);
  });

  it('matches each field, and the state before a change from its snapshot', () => {
    expect(matchesState(issueCriteria({ status: [IssueStatus.OPEN] }), state)).toBe(true);
    expect(matchesState(issueCriteria({ status: [IssueStatus.RESOLVED] }), state)).toBe(false);
    expect(matchesState(issueCriteria({ category: IssueCategory.SAFETY }), state)).toBe(false);
    const moved = { ...state, status: IssueStatus.ACKNOWLEDGED, previousStatus: IssueStatus.OPEN };
    expect(matchesState(issueCriteria({ status: [IssueStatus.OPEN] }), moved)).toBe(false);
    expect(matchesState(issueCriteria({ status: [IssueStatus.OPEN] }), previousState(moved))).toBe(true);
    const unassigned = { ...state, organizations: [], previousOrganizations: [7] };
    expect(previousState(unassigned).organizations).toEqual([7]);
  });
});
