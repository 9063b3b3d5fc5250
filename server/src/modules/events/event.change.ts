import { LockMode, type EntityManager } from '@mikro-orm/core';
import type { EventSnapshot, EventState } from '../../realtime/envelope.js';
import { ActivityVisibility } from '../activity/activity.enums.js';
import { SharedEvent } from './event.entity.js';

/**
 * The routing snapshot of an event after a change; `coHosts` lists accepted co-hosts only.
 * `before` is the snapshot taken when the change loaded the event: kept as `previous` when the
 * change moved the event on anything a filter reads, so a stream that matched it before hears
 * that it left.
 */
export function eventSnapshot(
  event: SharedEvent,
  options: { invitedOrganization?: number; before?: EventSnapshot } = {},
): EventSnapshot {
  const state: EventState = {
    status: event.status,
    kind: event.kind,
    neighborhood: event.neighborhood ? event.neighborhood.unwrap().pk : null,
    host: event.host.unwrap().pk,
    coHosts: event.coHosts.getItems().map((o) => o.pk),
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
  };
  const previous = options.before ? routingState(options.before) : null;
  return {
    ...state,
    isPublic: event.isPublic,
    ...(previous && !sameState(previous, state) ? { previous } : {}),
    ...(options.invitedOrganization != null ? { invitedOrganization: options.invitedOrganization } : {}),
  };
}

function routingState(s: EventSnapshot): EventState {
  const { status, kind, neighborhood, host, coHosts, startsAt, endsAt } = s;
  return { status, kind, neighborhood, host, coHosts, startsAt, ...(endsAt ? { endsAt } : {}) };
}

const sameState = (a: EventState, b: EventState): boolean =>
  a.status === b.status &&
  a.kind === b.kind &&
  a.neighborhood === b.neighborhood &&
  a.host === b.host &&
  a.startsAt === b.startsAt &&
  a.endsAt === b.endsAt &&
  a.coHosts.length === b.coHosts.length &&
  a.coHosts.every((pk) => b.coHosts.includes(pk));

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
