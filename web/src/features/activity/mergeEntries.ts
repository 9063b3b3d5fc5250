import type { ActivityEntryData } from './graphql/fragments/activityEntry.fragment.js';

/**
 * The feed newest first, each seq once: live entries are added to the loaded page, and a
 * replay after a reconnect (the stream resumes from the same `after`) repeats none of them.
 */
export function mergeEntries(
  current: readonly ActivityEntryData[],
  incoming: readonly ActivityEntryData[],
): ActivityEntryData[] {
  const bySeq = new Map<number, ActivityEntryData>();
  for (const entry of current) bySeq.set(entry.seq, entry);
  for (const entry of incoming) if (!bySeq.has(entry.seq)) bySeq.set(entry.seq, entry);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}
