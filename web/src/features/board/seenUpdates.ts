import { useCallback, useEffect, useSyncExternalStore } from 'react';

/** localStorage key per member: what one person has read says nothing about another. */
export function seenUpdatesKey(memberId: string): string {
  return `bridgeboard.seenUpdates.${memberId}`;
}

/** Issue id → the updateCount the member last saw. */
export type SeenCounts = Readonly<Record<string, number>>;

const EMPTY: SeenCounts = Object.freeze({});
const listeners = new Set<() => void>();
const snapshots = new Map<string, { raw: string | null; counts: SeenCounts }>();

function readRaw(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The stored counts, parsed once per stored value so React sees a stable snapshot. */
function read(key: string): SeenCounts {
  const raw = readRaw(key);
  const cached = snapshots.get(key);
  if (cached && cached.raw === raw) return cached.counts;
  let counts: SeenCounts = EMPTY;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object') {
      counts = Object.fromEntries(
        Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
      );
    }
  } catch {
    // A damaged entry costs only the badges.
  }
  snapshots.set(key, { raw, counts });
  return counts;
}

function write(key: string, counts: SeenCounts): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(counts));
  } catch {
    // Private mode or quota: badges still work until the page closes.
    snapshots.set(key, { raw: readRaw(key), counts });
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the same member read an issue.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** How many updates the member has not seen yet (0 when none, or when nothing was remembered). */
export function unreadCount(seen: SeenCounts, issue: { id: string; updateCount: number }): number {
  const last = seen[issue.id];
  return last === undefined ? 0 : Math.max(0, issue.updateCount - last);
}

export interface SeenUpdates {
  seen: SeenCounts;
  /** Marks an issue's updates as read, up to `updateCount`. */
  markRead: (issueId: string, updateCount: number) => void;
}

/**
 * The updateCount each issue had when this member last looked, kept in localStorage. The first
 * time a card is shown its current count is remembered (so a first visit is not a wall of badges);
 * from then on the badge counts what arrived since, until the issue is opened.
 */
export function useSeenUpdates(
  memberId: string | null,
  shown: readonly { id: string; updateCount: number }[],
): SeenUpdates {
  const key = memberId ? seenUpdatesKey(memberId) : null;
  const seen = useSyncExternalStore(subscribe, () => (key ? read(key) : EMPTY));

  useEffect(() => {
    if (!key) return;
    const current = read(key);
    const fresh = shown.filter((issue) => current[issue.id] === undefined);
    if (fresh.length === 0) return;
    const next: Record<string, number> = { ...current };
    for (const issue of fresh) next[issue.id] = issue.updateCount;
    write(key, next);
  }, [key, shown]);

  const markRead = useCallback(
    (issueId: string, updateCount: number) => {
      if (!key) return;
      const current = read(key);
      if (current[issueId] === updateCount) return;
      write(key, { ...current, [issueId]: updateCount });
    },
    [key],
  );

  return { seen, markRead };
}
