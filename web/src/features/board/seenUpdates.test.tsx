import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { seenUpdatesKey, unreadCount, useSeenUpdates } from './seenUpdates.js';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const MEMBER = 'TWVtYmVyOjI';

describe('unread updates', () => {
  it('remember the count of a card seen for the first time, so only later updates are unread', () => {
    const issues = [{ id: 'a', updateCount: 3 }];
    const { result, rerender } = renderHook(({ shown }) => useSeenUpdates(MEMBER, shown), {
      initialProps: { shown: issues },
    });
    expect(unreadCount(result.current.seen, { id: 'a', updateCount: 3 })).toBe(0);
    rerender({ shown: [{ id: 'a', updateCount: 5 }] });
    expect(unreadCount(result.current.seen, { id: 'a', updateCount: 5 })).toBe(2);
    expect(JSON.parse(localStorage.getItem(seenUpdatesKey(MEMBER)) ?? '{}')).toEqual({ a: 3 });
  });

  it('are read once the issue is opened', () => {
    localStorage.setItem(seenUpdatesKey(MEMBER), JSON.stringify({ a: 1 }));
    const { result } = renderHook(() => useSeenUpdates(MEMBER, []));
    expect(unreadCount(result.current.seen, { id: 'a', updateCount: 4 })).toBe(3);
    act(() => result.current.markRead('a', 4));
    expect(unreadCount(result.current.seen, { id: 'a', updateCount: 4 })).toBe(0);
  });

  it('are kept per member', () => {
    localStorage.setItem(seenUpdatesKey(MEMBER), JSON.stringify({ a: 1 }));
    const { result } = renderHook(() => useSeenUpdates('someone-else', []));
    expect(result.current.seen).toEqual({});
  });
});
