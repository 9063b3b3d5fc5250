import DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/core';
import type { OrganizationRow } from '../issues/issue.rows.js';
import { byOrganizationName } from './event.policy.js';
import {
  readCoHosts,
  readEvents,
  readInvitations,
  readOrganizations,
  readRsvps,
  readStaff,
  type EventRow,
  type InvitationRow,
  type RsvpRow,
  type StaffRow,
} from './event.rows.js';

/**
 * The relations of events as plain rows, one statement per relation per batch (never per
 * event), keyed by primary keys so they serve rows and entities alike. Each batch forks its own
 * EntityManager (only for its connection: nothing is hydrated). `cache: false` where one set of
 * loaders outlives a change (WebSocket operations). Who may see what is the resolvers' question
 * (event.policy.ts): these read everything asked.
 */
export function eventLoaders(orm: MikroORM, cache: boolean) {
  return {
    /** Events by key (activity subjects, invitations' events, `Query.event`). */
    event: new DataLoader<number, EventRow | null>((pks) => readEvents(orm.em.fork(), pks), { cache }),
    /** Organizations by key (hosts, staff, invited organizations, actors' organizations). */
    organization: new DataLoader<number, OrganizationRow | null>((pks) => readOrganizations(orm.em.fork(), pks), {
      cache,
    }),
    /** Accepted co-hosts of each event, by name then key. */
    eventCoHosts: new DataLoader<number, OrganizationRow[]>(
      async (eventPks) => (await readCoHosts(orm.em.fork(), eventPks)).map((group) => group.sort(byOrganizationName)),
      { cache },
    ),
    /** Staff commitments of each event (the resolver orders them by organization). */
    eventStaff: new DataLoader<number, StaffRow[]>((eventPks) => readStaff(orm.em.fork(), eventPks), { cache }),
    /** Every invitation to co-host of each event, oldest first. */
    eventInvitations: new DataLoader<number, InvitationRow[]>((eventPks) => readInvitations(orm.em.fork(), eventPks), {
      cache,
    }),
    /** RSVPs of each event, oldest first. */
    eventRsvps: new DataLoader<number, RsvpRow[]>((eventPks) => readRsvps(orm.em.fork(), eventPks), { cache }),
  };
}
