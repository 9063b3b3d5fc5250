import type { FilterQuery } from '@mikro-orm/core';
import { pkOf } from '../../common/relay.js';
import type { EventState } from '../../realtime/envelope.js';
import type { SharedEvent } from './event.entity.js';
import type { EventKind, EventStatus } from './event.enums.js';
import type { EventFilter } from './event.input.js';

/**
 * An `EventFilter` read once, for the events list's SQL (`eventWhere`) and the `eventChanged`
 * stream's test of a change (`matchesEvent`), so the two answer the same question.
 */
export interface EventCriteria {
  statuses: EventStatus[] | null;
  kind: EventKind | null;
  neighborhood: number | null;
  organization: number | null;
  /** Events ending at or after this time. */
  from: Date | null;
  /** Events starting before this time. */
  to: Date | null;
}

export function eventCriteria(filter: EventFilter | null | undefined): EventCriteria {
  return {
    statuses: filter?.status?.length ? filter.status : null,
    kind: filter?.kind ?? null,
    neighborhood: filter?.neighborhoodId ? pkOf(filter.neighborhoodId, 'Neighborhood', 'filter.neighborhoodId') : null,
    organization: filter?.organizationId ? pkOf(filter.organizationId, 'Organization', 'filter.organizationId') : null,
    from: filter?.from ?? null,
    to: filter?.to ?? null,
  };
}

/**
 * Whether an event in this state passes the filter. On a co-hosting step the invited
 * organization counts as one of the event's, so its own filtered stream hears its invitation.
 * A snapshot written before `endsAt` was recorded is placed by its start.
 */
export function matchesEvent(c: EventCriteria, s: EventState, invitedOrganization?: number): boolean {
  return (
    (c.statuses == null || c.statuses.includes(s.status)) &&
    (c.kind == null || c.kind === s.kind) &&
    (c.neighborhood == null || c.neighborhood === s.neighborhood) &&
    (c.organization == null ||
      s.host === c.organization ||
      s.coHosts.includes(c.organization) ||
      invitedOrganization === c.organization) &&
    (c.from == null || new Date(s.endsAt ?? s.startsAt) >= c.from) &&
    (c.to == null || new Date(s.startsAt) < c.to)
  );
}

/** The filter as a MikroORM condition on events. */
export function eventWhere(c: EventCriteria): FilterQuery<SharedEvent> & Record<string, unknown> {
  const where: FilterQuery<SharedEvent> & Record<string, unknown> = {};
  if (c.statuses) where.status = { $in: c.statuses };
  if (c.kind) where.kind = c.kind;
  if (c.neighborhood != null) where.neighborhood = c.neighborhood;
  if (c.organization != null) where.$or = [{ host: c.organization }, { coHosts: { pk: c.organization } }];
  if (c.from) where.endsAt = { $gte: c.from };
  if (c.to) where.startsAt = { $lt: c.to };
  return where;
}
