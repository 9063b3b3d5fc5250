/**
 * The read path of events: plain rows from MikroORM's QueryBuilder (`execute('all', true)`:
 * property names, values converted by the result mapper), never hydrated entities. Writes stay
 * on entities (event.service.ts). The GraphQL types resolve from either (see `keyOf`).
 */
import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import type { ConnectionShape } from '../../common/relay.js';
import { groupBy, readPage, sql } from '../../common/rows.js';
import { Organization } from '../organizations/organization.entity.js';
import type { OrganizationRow } from '../issues/issue.rows.js';
import { EventCoHostInvitation } from './cohost-invitation.entity.js';
import { SharedEvent } from './event.entity.js';
import { EventRsvp } from './rsvp.entity.js';
import { StaffCommitment } from './staff-commitment.entity.js';

type EventScalars = Pick<
  SharedEvent,
  | 'pk'
  | 'title'
  | 'description'
  | 'kind'
  | 'status'
  | 'startsAt'
  | 'endsAt'
  | 'locationName'
  | 'lat'
  | 'lng'
  | 'capacity'
  | 'rsvpCount'
  | 'isPublic'
  | 'cancelReason'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
>;

/** An event as the read path hands it to the `SharedEvent` type: foreign keys, not references. */
export interface EventRow extends EventScalars {
  neighborhood: number | null;
  host: number;
  createdBy: number | null;
}

/** A staff commitment as a row; `organization` is the organization's key, `organizationRow` the organization. */
export interface StaffRow extends Pick<StaffCommitment, 'pk' | 'count' | 'note' | 'updatedAt'> {
  event: number;
  organization: number;
  organizationRow: OrganizationRow;
}

/** An invitation to co-host as a row; relations are keys, `organizationRow` the invited organization. */
export interface InvitationRow
  extends Pick<EventCoHostInvitation, 'pk' | 'status' | 'createdAt' | 'respondedAt' | 'withdrawnAt'> {
  event: number;
  organization: number;
  organizationRow: OrganizationRow;
  invitedBy: number | null;
  respondedBy: number | null;
}

export interface RsvpRow extends Pick<EventRsvp, 'pk' | 'name' | 'email' | 'partySize' | 'createdAt'> {
  event: number;
}

/**
 * The organization of a staff commitment or an invitation, joined as `o` into its statement:
 * both are shown with their organization, so it costs no statement of its own.
 */
const ORGANIZATION_JOINED = [raw('o.name as organization_name'), raw('o.kind as organization_kind')];

function withOrganization<T extends { organization: number; organizationRow: OrganizationRow }>(row: object): T {
  const { organization_name, organization_kind, ...rest } = row as Omit<T, 'organizationRow'> & {
    organization_name: string;
    organization_kind: OrganizationRow['kind'];
  };
  return {
    ...rest,
    organizationRow: { pk: rest.organization, name: organization_name, kind: organization_kind },
  } as unknown as T;
}

/** Every column the `SharedEvent` type can read. */
const EVENT_COLUMNS = [
  'pk',
  'title',
  'description',
  'kind',
  'status',
  'startsAt',
  'endsAt',
  'locationName',
  'lat',
  'lng',
  'neighborhood',
  'host',
  'capacity',
  'rsvpCount',
  'isPublic',
  'cancelReason',
  'createdBy',
  'createdAt',
  'updatedAt',
  'version',
] as const;

/** The events list's order: soonest first, then by key (stable cursors). */
export const EVENT_ORDER = { startsAt: 'asc', pk: 'asc' } as const;

/**
 * One Relay page of events in two statements (the page, overfetched by one, and the count),
 * with `em.findByCursor`'s cursors. `distinctCount` when the filter joins the co-hosts.
 */
export function readEventPage(
  em: EntityManager,
  where: FilterQuery<SharedEvent>,
  first: number,
  after: string | undefined,
  distinctCount: boolean,
): Promise<ConnectionShape<EventRow>> {
  const page = readPage(em, SharedEvent, EVENT_COLUMNS, where, { first, after, orderBy: EVENT_ORDER, distinctCount });
  return page as unknown as Promise<ConnectionShape<EventRow>>;
}

/** Events by key, in one statement, in the order asked (null where there is none). */
export async function readEvents(em: EntityManager, pks: readonly number[]): Promise<(EventRow | null)[]> {
  const rows = (await sql(em)
    .createQueryBuilder(SharedEvent, 'e')
    .select([...EVENT_COLUMNS])
    .where({ pk: { $in: [...pks] } })
    .execute('all', true)) as unknown as EventRow[];
  const byPk = new Map(rows.map((r) => [r.pk, r]));
  return pks.map((pk) => byPk.get(pk) ?? null);
}

/** Organizations by key, in one statement, in the order asked. */
export async function readOrganizations(
  em: EntityManager,
  pks: readonly number[],
): Promise<(OrganizationRow | null)[]> {
  const rows = (await sql(em)
    .createQueryBuilder(Organization, 'o')
    .select(['pk', 'name', 'kind'])
    .where({ pk: { $in: [...pks] } })
    .execute('all', true)) as unknown as OrganizationRow[];
  const byPk = new Map(rows.map((r) => [r.pk, r]));
  return pks.map((pk) => byPk.get(pk) ?? null);
}

/** The accepted co-hosts of each event, in one statement (ordered by the caller, see event.policy.ts). */
export async function readCoHosts(em: EntityManager, eventPks: readonly number[]): Promise<OrganizationRow[][]> {
  const rows = await sql(em)
    .createQueryBuilder(SharedEvent, 'e')
    .select([raw('e.id as event'), 'o.pk', 'o.name', 'o.kind'])
    .join('e.coHosts', 'o')
    .where({ pk: { $in: [...eventPks] } })
    .execute('all', false);
  const coHosts = (rows as unknown as { event: number; id: number; name: string; kind: string }[]).map((r) => ({
    event: Number(r.event),
    row: { pk: Number(r.id), name: r.name, kind: r.kind } as OrganizationRow,
  }));
  return groupBy(eventPks, coHosts, (c) => c.event).map((group) => group.map((c) => c.row));
}

/**
 * The staff commitments of each event with their organizations (joined: the order is by
 * organization, and the answer shows it), in one statement (ordered by the caller).
 */
export async function readStaff(em: EntityManager, eventPks: readonly number[]): Promise<StaffRow[][]> {
  const rows = await sql(em)
    .createQueryBuilder(StaffCommitment, 's')
    .select(['pk', 'event', 'organization', 'count', 'note', 'updatedAt', ...ORGANIZATION_JOINED])
    .join('s.organization', 'o')
    .where({ event: { $in: [...eventPks] } })
    .execute('all', true);
  return groupBy(eventPks, rows.map(withOrganization<StaffRow>), (s) => s.event);
}

/** Every invitation to co-host of each event, oldest first, in one statement. */
export async function readInvitations(em: EntityManager, eventPks: readonly number[]): Promise<InvitationRow[][]> {
  const rows = await sql(em)
    .createQueryBuilder(EventCoHostInvitation, 'c')
    .select([
      'pk',
      'event',
      'organization',
      'status',
      'createdAt',
      'respondedAt',
      'withdrawnAt',
      'invitedBy',
      'respondedBy',
      ...ORGANIZATION_JOINED,
    ])
    .join('c.organization', 'o')
    .where({ event: { $in: [...eventPks] } })
    .orderBy({ pk: 'asc' })
    .execute('all', true);
  return groupBy(eventPks, rows.map(withOrganization<InvitationRow>), (i) => i.event);
}

/** The RSVPs of each event, oldest first, in one statement. */
export async function readRsvps(em: EntityManager, eventPks: readonly number[]): Promise<RsvpRow[][]> {
  const rows = (await sql(em)
    .createQueryBuilder(EventRsvp, 'r')
    .select(['pk', 'event', 'name', 'email', 'partySize', 'createdAt'])
    .where({ event: { $in: [...eventPks] } })
    .orderBy({ pk: 'asc' })
    .execute('all', true)) as unknown as RsvpRow[];
  return groupBy(eventPks, rows, (r) => r.event);
}
