import { Arg, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public } from '../../auth/access.js';
import { MEMBERS } from '../../auth/roles.js';
import { ApiScope } from '../../auth/scopes.js';
import { hasScope } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { Connection, parseGlobalId, toGlobalId, type ConnectionShape } from '../../common/relay.js';
import { keyOf } from '../../common/rows.js';
import { Location } from '../../common/location.js';
import { Neighborhood } from '../neighborhoods/neighborhood.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Member } from '../members/member.entity.js';
import { CommunityIssue } from '../issues/issue.entity.js';
import { SharedEvent } from './event.entity.js';
import { EventRsvp } from './rsvp.entity.js';
import { StaffCommitment } from './staff-commitment.entity.js';
import { CreateEventInput, EventFilter, RsvpInput, UpdateEventInput } from './event.input.js';
import { byOrganizationName, mayEditEvent, mayReadEvent } from './event.policy.js';
import type { EventRow, RsvpRow, StaffRow } from './event.rows.js';
import type { NeighborhoodRow, OrganizationRow } from '../issues/issue.rows.js';
import { claimFor } from '../idempotency/idempotency.js';

@ObjectType('SharedEventConnection')
export class SharedEventConnection extends Connection('SharedEvent', SharedEvent) {}

/** What the `SharedEvent` type resolves from: a read path row, or an entity (mutations, live payloads). */
type EventSource = SharedEvent | EventRow;

/** Staff are ordered by their organization's name, then the commitment's key. */
const byName = (s: StaffRow) => ({ name: s.organizationRow.name, pk: s.pk });

const reload = (ctx: Context, event: SharedEvent) => ctx.em.findOneOrFail(SharedEvent, { pk: event.pk });

/** The entity behind a root, for the relations not on a hot read (batched by MikroORM's dataloader). */
const entityOf = (ctx: Context, event: EventSource): Promise<SharedEvent> =>
  event instanceof SharedEvent
    ? Promise.resolve(event)
    : ctx.em.getReference(SharedEvent, event.pk, { wrapped: true }).loadOrFail();

@Resolver(() => SharedEvent)
export class EventResolver {
  @Public()
  @Query(() => SharedEvent, { nullable: true, description: 'Members-only events are null for the public.' })
  async event(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<EventSource | null> {
    const parsed = parseGlobalId(id);
    if (!parsed || parsed.type !== 'SharedEvent') return null;
    const event = await ctx.loaders.event.load(parsed.pk);
    return event && mayReadEvent(ctx.viewer, event) ? event : null;
  }

  @Public()
  @Query(() => SharedEventConnection, { description: 'Events by start time, soonest first.' })
  async events(
    @Ctx() ctx: Context,
    @Arg('filter', () => EventFilter, { nullable: true }) filter?: EventFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ConnectionShape<EventSource>> {
    return ctx.services.events.list(ctx.em, ctx.viewer, filter, first, after);
  }

  @Allow({ roles: MEMBERS, scope: ApiScope.EVENTS_WRITE })
  @Mutation(() => SharedEvent)
  async createEvent(@Arg('input', () => CreateEventInput) input: CreateEventInput, @Ctx() ctx: Context) {
    const claim = claimFor(ctx, 'createEvent', input.idempotencyKey, input);
    return reload(ctx, await ctx.services.events.create(ctx.viewer!, input, claim));
  }

  @Allow({ roles: MEMBERS, scope: ApiScope.EVENTS_WRITE })
  @Mutation(() => SharedEvent, { description: 'Host and co-host organizations, officers and coordinators.' })
  async updateEvent(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateEventInput) input: UpdateEventInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return reload(ctx, await ctx.services.events.update(ctx.viewer!, id, input, expectedVersion));
  }

  @Allow({ roles: MEMBERS, scope: ApiScope.EVENTS_WRITE })
  @Mutation(() => SharedEvent)
  async cancelEvent(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return reload(ctx, await ctx.services.events.cancel(ctx.viewer!, id, reason, expectedVersion));
  }

  @Public()
  @Mutation(() => SharedEvent, { description: 'Anyone may RSVP to a public event.' })
  async rsvpEvent(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RsvpInput) input: RsvpInput,
    @Ctx() ctx: Context,
  ) {
    const claim = claimFor(ctx, 'rsvpEvent', input.idempotencyKey, { id, input });
    return reload(ctx, await ctx.services.events.rsvp(ctx.viewer, id, input, claim));
  }

  @Allow({ roles: MEMBERS, scope: ApiScope.EVENTS_WRITE })
  @Mutation(() => SharedEvent, { description: 'How many people an organization commits; 0 withdraws.' })
  async commitStaff(
    @Arg('eventId', () => ID) eventId: string,
    @Arg('count', () => Int) count: number,
    @Ctx() ctx: Context,
    @Arg('organizationId', () => ID, { nullable: true }) organizationId?: string,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    const event = await ctx.services.events.commitStaff(
      ctx.viewer!,
      eventId,
      count,
      organizationId,
      note,
      expectedVersion,
    );
    return reload(ctx, event);
  }

  @FieldResolver(() => ID)
  id(@Root() event: EventSource): string {
    return toGlobalId('SharedEvent', event.pk);
  }

  @FieldResolver(() => Organization)
  async host(@Root() event: EventSource, @Ctx() ctx: Context): Promise<OrganizationRow> {
    return (await ctx.loaders.organization.load(keyOf(event.host)!))!;
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that accepted to co-host.' })
  coHosts(@Root() event: EventSource, @Ctx() ctx: Context): Promise<OrganizationRow[]> {
    return ctx.loaders.eventCoHosts.load(event.pk);
  }

  @FieldResolver(() => Neighborhood, { nullable: true })
  async neighborhood(@Root() event: EventSource, @Ctx() ctx: Context): Promise<NeighborhoodRow | null> {
    const pk = keyOf(event.neighborhood);
    return pk == null ? null : ctx.loaders.neighborhood.load(pk);
  }

  @FieldResolver(() => Location, { nullable: true, description: 'Events happen in public places: always precise.' })
  location(@Root() event: EventSource): Location | null {
    if (event.lat == null || event.lng == null) return null;
    return { lat: event.lat, lng: event.lng, address: event.locationName, precise: true };
  }

  @FieldResolver(() => [CommunityIssue], { description: 'Issues this event addresses.' })
  async issues(@Root() event: EventSource, @Ctx() ctx: Context): Promise<CommunityIssue[]> {
    // Not on a hot read: through the entity and MikroORM's dataloaders (two statements per batch).
    return (await (await entityOf(ctx, event)).issues.load()).getItems();
  }

  @FieldResolver(() => [EventRsvp], { description: 'Who is coming; members only (empty for the public).' })
  async rsvps(@Root() event: EventSource, @Ctx() ctx: Context): Promise<RsvpRow[]> {
    if (!hasScope(ctx.viewer, ApiScope.EVENTS_READ)) return [];
    return ctx.loaders.eventRsvps.load(event.pk);
  }

  // By organization name, then key (see byOrganizationName).
  @FieldResolver(() => [StaffCommitment], { description: 'Staff committed per organization.' })
  async staff(@Root() event: EventSource, @Ctx() ctx: Context): Promise<StaffRow[]> {
    const staff = await ctx.loaders.eventStaff.load(event.pk);
    return [...staff].sort((a, b) => byOrganizationName(byName(a), byName(b)));
  }

  @FieldResolver(() => Int, { description: 'Total staff committed by all organizations.' })
  async staffCount(@Root() event: EventSource, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.eventStaff.load(event.pk)).reduce((sum, s) => sum + s.count, 0);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Members only.' })
  async createdBy(@Root() event: EventSource, @Ctx() ctx: Context): Promise<Member | null> {
    const pk = keyOf(event.createdBy);
    if (!hasScope(ctx.viewer, ApiScope.EVENTS_READ) || pk == null) return null;
    return (await ctx.em.getReference(Member, pk, { wrapped: true }).load()) ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may edit, cancel it.' })
  async viewerCanEdit(@Root() event: EventSource, @Ctx() ctx: Context): Promise<boolean> {
    if (!ctx.viewer || !hasScope(ctx.viewer, ApiScope.EVENTS_WRITE)) return false;
    const coHosts = await ctx.loaders.eventCoHosts.load(event.pk);
    return mayEditEvent(
      ctx.viewer,
      event.host,
      coHosts.map((o) => o.pk),
    );
  }
}

@Resolver(() => StaffCommitment)
export class StaffCommitmentResolver {
  @FieldResolver(() => Organization)
  async organization(@Root() staff: StaffCommitment | StaffRow, @Ctx() ctx: Context): Promise<OrganizationRow> {
    if ('organizationRow' in staff) return staff.organizationRow;
    return (await ctx.loaders.organization.load(keyOf(staff.organization)!))!;
  }
}

@Resolver(() => EventRsvp)
export class RsvpResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Members only; never API tokens (contact details).' })
  email(@Root() rsvp: EventRsvp | RsvpRow, @Ctx() ctx: Context): string | null {
    return ctx.viewer?.kind === 'member' ? (rsvp.email ?? null) : null;
  }
}
