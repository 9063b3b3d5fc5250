import { ref, type EntityManager, type FilterQuery, type MikroORM } from '@mikro-orm/core';
import { requireText } from '../../common/text.js';
import { badInput, forbidden, notFound } from '../../common/errors.js';
import { staleVersion } from '../activity/last-change.js';
import { checkCursor, pageSize, pkOf } from '../../common/relay.js';
import { Role } from '../../auth/roles.js';
import { hasScope, isStaff, memberPkOf, memberRefOf, type Viewer } from '../../auth/viewer.js';
import { ApiScope } from '../../auth/scopes.js';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange, type ChangeWork, type Record } from '../../realtime/change.js';
import { ActivityKind } from '../activity/activity.enums.js';
import { Neighborhood } from '../neighborhoods/neighborhood.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { CommunityIssue } from '../issues/issue.entity.js';
import { SharedEvent } from './event.entity.js';
import { EventRsvp } from './rsvp.entity.js';
import { StaffCommitment } from './staff-commitment.entity.js';
import { EventStatus } from './event.enums.js';
import { eventSnapshot, lockEvent, visibilityOf } from './event.change.js';
import { eventCriteria, eventWhere } from './event.criteria.js';
import { mayEditEvent, seesMembersOnlyEvents } from './event.policy.js';
import { readEventPage } from './event.rows.js';
import type { EventSnapshot } from '../../realtime/envelope.js';
import { CoHostService } from './cohost.service.js';
import type { CreateEventInput, EventFilter, RsvpInput, UpdateEventInput } from './event.input.js';
import { idempotent, type IdempotencyClaim } from '../idempotency/idempotency.js';

const MAX_EVENT_HOURS = 14 * 24;

/** Planning shared events: hosting, co-hosting, RSVPs and staff. */
export class EventService {
  /** Invitations to co-host and their answers. */
  readonly coHosts: CoHostService;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ActivityBus,
  ) {
    this.coHosts = new CoHostService(orm, bus);
  }

  async create(viewer: Viewer, input: CreateEventInput, claim?: IdempotencyClaim | null): Promise<SharedEvent> {
    checkTimes(input.startsAt, input.endsAt);
    const hostPk = input.hostOrganizationId
      ? pkOf(input.hostOrganizationId, 'Organization', 'hostOrganizationId')
      : viewer.organizationPk;
    if (hostPk !== viewer.organizationPk && viewer.role !== Role.COORDINATOR) {
      throw forbidden('You may host events only as your own organization');
    }
    if (input.startsAt.getTime() < Date.now() - 60_000) {
      throw badInput('startsAt', 'startsAt must be in the future for a new event');
    }
    const work: ChangeWork<SharedEvent> = async (em, record) => {
      const host = await em.findOne(Organization, { pk: hostPk });
      if (!host) throw badInput('hostOrganizationId', 'hostOrganizationId names no organization');
      const event = em.create(SharedEvent, {
        title: requireText(input.title, 'title', 3, 200),
        description: input.description.trim(),
        kind: input.kind,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        locationName: input.locationName.trim(),
        lat: input.location?.lat ?? null,
        lng: input.location?.lng ?? null,
        host,
        capacity: input.capacity ?? null,
        isPublic: input.isPublic,
        createdBy: memberRefOf(em, viewer),
      });
      if (input.neighborhoodId) event.neighborhood = ref(await neighborhoodRef(em, input.neighborhoodId));
      if (input.issueIds) event.issues.set(await issues(em, input.issueIds));
      this.record(record, viewer, event, ActivityKind.EVENT_CREATED, `New event: ${event.title}`);
      // Named co-hosts are invited: they co-host once their organization accepts.
      if (input.coHostOrganizationIds) await this.coHosts.name(em, record, viewer, event, input.coHostOrganizationIds);
      return event;
    };
    return runChange(this.orm, this.bus, work, { idempotency: idempotent(claim, 'SharedEvent') });
  }

  async update(
    viewer: Viewer,
    id: string,
    input: UpdateEventInput,
    expectedVersion: number | null | undefined,
  ): Promise<SharedEvent> {
    const pk = pkOf(id, 'SharedEvent', 'id');
    if (input.status === EventStatus.CANCELLED) throw badInput('status', 'Use cancelEvent to cancel, with a reason');
    return runChange(this.orm, this.bus, async (em, record) => {
      const event = await this.loadForEdit(em, viewer, pk, expectedVersion);
      const before = eventSnapshot(event);
      if (event.status === EventStatus.CANCELLED) throw badInput('id', 'A cancelled event cannot be edited');
      const startsAt = input.startsAt ?? event.startsAt;
      const endsAt = input.endsAt ?? event.endsAt;
      if (input.startsAt || input.endsAt) checkTimes(startsAt, endsAt);
      if (input.status === EventStatus.DONE && startsAt.getTime() > Date.now()) {
        throw badInput('status', 'An event can be marked DONE only once it has started');
      }
      if (input.coHostOrganizationIds && !isStaff(viewer) && event.host.unwrap().pk !== viewer.organizationPk) {
        throw forbidden('Only the host organization (or officers) may change the co-hosts');
      }
      if (input.capacity != null && input.capacity < event.rsvpCount) {
        throw badInput('capacity', `capacity cannot be below the ${event.rsvpCount} people already coming`);
      }
      if (input.title != null) event.title = requireText(input.title, 'title', 3, 200);
      if (input.description != null) event.description = input.description.trim();
      if (input.kind != null) event.kind = input.kind;
      if (input.status != null) event.status = input.status;
      event.startsAt = startsAt;
      event.endsAt = endsAt;
      if (input.locationName != null) event.locationName = input.locationName.trim();
      if (input.location) {
        event.lat = input.location.lat;
        event.lng = input.location.lng;
      }
      if (input.neighborhoodId)
        event.neighborhood = ref(await neighborhoodRef(em, input.neighborhoodId, event.neighborhood?.unwrap().pk));
      // Absent leaves the capacity as it is; an explicit null removes the limit.
      if (input.capacity !== undefined) event.capacity = input.capacity;
      if (input.isPublic != null) event.isPublic = input.isPublic;
      if (input.issueIds) event.issues.set(await issues(em, input.issueIds));
      event.updatedAt = new Date();
      this.record(record, viewer, event, ActivityKind.EVENT_UPDATED, `Event updated: ${event.title}`, before);
      if (input.coHostOrganizationIds) await this.coHosts.name(em, record, viewer, event, input.coHostOrganizationIds);
      return event;
    });
  }

  async cancel(viewer: Viewer, id: string, reason: string, expectedVersion: number | null | undefined) {
    const pk = pkOf(id, 'SharedEvent', 'id');
    const text = reason.trim();
    if (text.length < 3 || text.length > 500) throw badInput('reason', 'reason must be 3 to 500 characters');
    return runChange(this.orm, this.bus, async (em, record) => {
      const event = await this.loadForEdit(em, viewer, pk, expectedVersion);
      const before = eventSnapshot(event);
      if (event.status === EventStatus.CANCELLED) throw badInput('id', 'The event is already cancelled');
      if (event.status === EventStatus.DONE) throw badInput('id', 'The event has already taken place');
      event.status = EventStatus.CANCELLED;
      event.cancelReason = text;
      event.updatedAt = new Date();
      this.record(
        record,
        viewer,
        event,
        ActivityKind.EVENT_CANCELLED,
        `Event cancelled: ${event.title} (${text})`,
        before,
      );
      return event;
    });
  }

  /** Public for public events. Capacity is checked under the event's version, never oversold. */
  async rsvp(
    viewer: Viewer | null,
    id: string,
    input: RsvpInput,
    claim?: IdempotencyClaim | null,
  ): Promise<SharedEvent> {
    const pk = pkOf(id, 'SharedEvent', 'id');
    return runChange(
      this.orm,
      this.bus,
      async (em, record) => {
        // Locked: concurrent RSVPs queue on the capacity instead of clashing on the version.
        const event = await lockEvent(em, pk);
        if (!event || (!event.isPublic && !hasScope(viewer, ApiScope.EVENTS_READ))) throw notFound('Event');
        if (event.status === EventStatus.CANCELLED) throw badInput('id', 'This event is cancelled');
        if (event.status === EventStatus.DONE || event.endsAt.getTime() < Date.now()) {
          throw badInput('id', 'This event has already taken place');
        }
        if (event.capacity != null && event.rsvpCount + input.partySize > event.capacity) {
          const left = Math.max(0, event.capacity - event.rsvpCount);
          throw badInput('partySize', left ? `Only ${left} places are left` : 'This event is full');
        }
        em.create(EventRsvp, {
          event,
          name: requireText(input.name, 'name', 1, 200),
          email: input.email?.trim().toLowerCase() || null,
          partySize: input.partySize,
          member: memberRefOf(em, viewer),
        });
        event.rsvpCount += input.partySize;
        event.updatedAt = new Date();
        record({
          kind: ActivityKind.EVENT_RSVP,
          visibility: visibilityOf(event),
          summary: `${event.title}: ${event.rsvpCount} coming`,
          actor: memberPkOf(viewer),
          actorOrganization: viewer?.organizationPk ?? null,
          event,
          snapshot: () => ({ event: eventSnapshot(event) }),
        });
        return event;
      },
      { retryOnConflict: true, idempotency: idempotent(claim, 'SharedEvent') },
    );
  }

  /** Sets how many people an organization commits (0 withdraws). Own organization unless coordinator. */
  async commitStaff(
    viewer: Viewer,
    eventId: string,
    count: number,
    organizationId: string | null | undefined,
    note: string | null | undefined,
    expectedVersion: number | null | undefined,
  ): Promise<SharedEvent> {
    const pk = pkOf(eventId, 'SharedEvent', 'eventId');
    const orgPk = organizationId ? pkOf(organizationId, 'Organization', 'organizationId') : viewer.organizationPk;
    if (!Number.isInteger(count) || count < 0 || count > 500)
      throw badInput('count', 'count must be between 0 and 500');
    const text = note?.trim() || null;
    if (text && text.length > 500) throw badInput('note', 'note must be at most 500 characters');
    if (orgPk !== viewer.organizationPk && viewer.role !== Role.COORDINATOR) {
      throw forbidden('You may commit staff only from your own organization');
    }
    return runChange(
      this.orm,
      this.bus,
      async (em, record) => {
        // Locked: two members of one organization committing at once queue, and the second
        // finds the first's row instead of inserting a duplicate of it.
        const event = await lockEvent(em, pk);
        if (!event) throw notFound('Event');
        if (expectedVersion != null && event.version !== expectedVersion) {
          throw await staleVersion(em, { event: event.pk }, event.version);
        }
        if (event.status === EventStatus.CANCELLED || event.status === EventStatus.DONE) {
          throw badInput('eventId', 'Staff can be committed only to planned or confirmed events');
        }
        const organization = await em.findOne(Organization, { pk: orgPk });
        if (!organization) throw badInput('organizationId', 'organizationId names no organization');
        const existing = await em.findOne(StaffCommitment, { event, organization });
        if (count === 0) {
          if (existing) em.remove(existing);
        } else if (existing) {
          existing.count = count;
          existing.note = text;
          existing.updatedBy = memberRefOf(em, viewer);
          existing.updatedAt = new Date();
        } else {
          em.create(StaffCommitment, {
            event,
            organization,
            count,
            note: text,
            updatedBy: memberRefOf(em, viewer),
          });
        }
        event.updatedAt = new Date();
        this.record(
          record,
          viewer,
          event,
          ActivityKind.EVENT_STAFF_COMMITTED,
          `${event.title}: ${organization.name} commits ${count} staff`,
        );
        return event;
      },
      { retryOnConflict: expectedVersion == null },
    );
  }

  async list(
    em: EntityManager,
    viewer: Viewer | null,
    filter: EventFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ) {
    const criteria = eventCriteria(filter);
    const where: FilterQuery<SharedEvent> & { [key: string]: unknown } = eventWhere(criteria);
    if (!seesMembersOnlyEvents(viewer)) where.isPublic = true;
    // Filtering by organization joins the co-hosts: count events, not their co-hostings.
    return readEventPage(em, where, pageSize(first), checkCursor(after), criteria.organization != null);
  }

  /** May this viewer edit or cancel the event? Staff always; partners of the host or co-hosts. */
  static canEdit(viewer: Viewer, event: SharedEvent): boolean {
    return mayEditEvent(
      viewer,
      event.host,
      event.coHosts.getItems().map((o) => o.pk),
    );
  }

  private async loadForEdit(
    em: EntityManager,
    viewer: Viewer,
    pk: number,
    expectedVersion: number | null | undefined,
  ): Promise<SharedEvent> {
    const event = await lockEvent(em, pk);
    if (!event) throw notFound('Event');
    if (!EventService.canEdit(viewer, event)) {
      throw forbidden('Only the host and co-host organizations (or officers) may change this event');
    }
    if (expectedVersion != null && event.version !== expectedVersion) {
      throw await staleVersion(em, { event: event.pk }, event.version);
    }
    return event;
  }

  /** Records a change to `event`; `before` is its snapshot from when the change loaded it. */
  private record(
    record: Record,
    viewer: Viewer,
    event: SharedEvent,
    kind: ActivityKind,
    summary: string,
    before?: EventSnapshot,
  ): void {
    record({
      kind,
      visibility: visibilityOf(event),
      summary,
      actor: memberPkOf(viewer),
      actorOrganization: viewer.organizationPk,
      event,
      snapshot: () => ({ event: eventSnapshot(event, { before }) }),
    });
  }
}

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw badInput('endsAt', 'endsAt must be after startsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_EVENT_HOURS * 3600_000) {
    throw badInput('endsAt', 'An event may last at most 14 days');
  }
}

async function neighborhoodRef(em: EntityManager, id: string, currentPk?: number) {
  const neighborhood = await em.findOne(Neighborhood, { pk: pkOf(id, 'Neighborhood', 'neighborhoodId') });
  if (!neighborhood) throw badInput('neighborhoodId', 'neighborhoodId names no neighborhood');
  // A retired neighborhood keeps its events but gets no new ones (an event already there may stay).
  if (neighborhood.retiredAt && neighborhood.pk !== currentPk) {
    throw badInput('neighborhoodId', `${neighborhood.name} is retired and takes no new events`);
  }
  return neighborhood;
}

async function issues(em: EntityManager, ids: string[]): Promise<CommunityIssue[]> {
  const pks = [...new Set(ids.map((id) => pkOf(id, 'CommunityIssue', 'issueIds')))];
  const found = await em.find(CommunityIssue, { pk: { $in: pks } });
  if (found.length !== pks.length) throw badInput('issueIds', 'issueIds names an issue that does not exist');
  return found;
}
