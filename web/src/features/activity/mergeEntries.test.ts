import { describe, expect, it } from 'vitest';
import { mergeEntries } from './mergeEntries.js';
import type { ActivityEntryData } from './graphql/fragments/activityEntry.fragment.js';

const entry = (seq: number): ActivityEntryData => ({
  id: `a${seq}`,
  seq,
  at: '2026-11-25T12:00:00Z',
  kind: 'ISSUE_SUPPORTED',
  summary: `change ${seq}`,
  actor: null,
  actorOrganization: null,
  issue: null,
  event: null,
});

describe('mergeEntries', () => {
  it('keeps the feed newest first with each seq once, whatever order entries arrive in', () => {
    const page = [entry(10), entry(9), entry(8)];
    // A replay after a reconnect repeats 11 and delivers 12 before 13.
    const live = [entry(11), entry(13), entry(11), entry(12)];

    const merged = live.reduce((feed, e) => mergeEntries(feed, [e]), page);

    expect(merged.map((e) => e.seq)).toEqual([13, 12, 11, 10, 9, 8]);
  });
});
