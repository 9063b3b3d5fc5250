import type { ActivityEntryData } from './graphql/fragments/activityEntry.fragment.js';

/**
 * Who made a change, as the viewer may know it: the member's name for members, otherwise their
 * organization; a resident's change (anonymous or not) names nobody.
 */
export function whoDidIt(entry: ActivityEntryData, signedIn: boolean): string {
  if (signedIn && entry.actor) return entry.actor.name;
  if (entry.actorOrganization) return entry.actorOrganization.name;
  return 'A resident';
}
