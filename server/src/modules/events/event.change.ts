import { LockMode, type EntityManager } from '@mikro-orm/core';
import type { EventSnapshot } from '../../realtime/envelope.js';
import { ActivityVisibility } from '../activity/activity.enums.js';
import { SharedEvent } from './event.entity.js';

/** The routing snapshot of an event after a change; `coHosts` lists accepted co-hosts only. */
export function eventSnapshot(event: SharedEvent, invitedOrganization?: number): EventSnapshot {
  return {
    status: event.status,
    kind: event.kind,
    neighborhood: event.neighborhood ? event.neighborhood.unwrap().pk : null,
    host: event.host.unwrap().pk,
    coHosts: event.coHosts.getItems().map((o) => o.pk),
    isPublic: event.isPublic,
    startsAt: event.startsAt.toISOString(),
    ...(invitedOrganization != null ? { invitedOrganization } : {}),
  };
}

/** Changes to a public event are public; to a members-only event, members only. */
export const visibilityOf = (event: SharedEvent): ActivityVisibility =>
  event.isPublic ? ActivityVisibility.PUBLIC : ActivityVisibility.MEMBERS;

/** Loads an event to change it, locking its row until commit (PostgreSQL). */
export async function lockEvent(em: EntityManager, pk: number) {
  // Lock first, then read the co-hosts in a statement of their own: a `FOR UPDATE` that joins the
  // pivot re-reads only the locked row after waiting, so the co-hosts it returned could predate
  // the change it waited for (an acceptance committed meanwhile).
  const event = await em.findOne(SharedEvent, { pk }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (event) await em.populate(event, ['coHosts'], { refresh: true });
  return event;
}
