import { Arg, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public } from '../../auth/access.js';
import { MEMBERS } from '../../auth/roles.js';
import { ApiScope } from '../../auth/scopes.js';
import { hasScope } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { Connection, parseGlobalId, toConnection } from '../../common/relay.js';
import { Location } from '../../common/location.js';
import { Neighborhood } from '../neighborhoods/neighborhood.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Member } from '../members/member.entity.js';
import { CommunityIssue } from '../issues/issue.entity.js';
import { SharedEvent } from './event.entity.js';
import { EventRsvp } from './rsvp.entity.js';
import { StaffCommitment } from './staff-commitment.entity.js';
import { CreateEventInput, EventFilter, RsvpInput, UpdateEventInput } from './event.input.js';
import { EventService } from './event.service.js';
import { claimFor } from '../idempotency/idempotency.js';

@ObjectType('SharedEventConnection')
export class SharedEventConnection extends Connection('SharedEvent', SharedEvent) {}

const reload = (ctx: Context, event: SharedEvent) => ctx.em.findOneOrFail(SharedEvent, { pk: event.pk });

@Resolver(() => SharedEvent)
export class EventResolver {
  @Public()
  @Query(() => SharedEvent, { nullable: true, description: 'Members-only events are null for the public.' })
  async event(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SharedEvent | null> {
    const parsed = parseGlobalId(id);
    if (!parsed || parsed.type !== 'SharedEvent') return null;
    const event = await ctx.em.findOne(SharedEvent, { pk: parsed.pk });
    return event && (event.isPublic || hasScope(ctx.viewer, ApiScope.EVENTS_READ)) ? event : null;
  }

  @Public()
  @Query(() => SharedEventConnection, { description: 'Events by start time, soonest first.' })
  async events(
    @Ctx() ctx: Context,
    @Arg('filter', () => EventFilter, { nullable: true }) filter?: EventFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<SharedEventConnection> {
    return toConnection(await ctx.services.events.list(ctx.em, ctx.viewer, filter, first, after));
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

  @FieldResolver(() => Organization)
  host(@Root() event: SharedEvent): Promise<Organization> {
    return event.host.load() as Promise<Organization>;
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that accepted to co-host.' })
  async coHosts(@Root() event: SharedEvent): Promise<Organization[]> {
    return (await event.coHosts.load()).getItems();
  }

  @FieldResolver(() => Neighborhood, { nullable: true })
  async neighborhood(@Root() event: SharedEvent): Promise<Neighborhood | null> {
    return event.neighborhood ? ((await event.neighborhood.load()) ?? null) : null;
  }

  @FieldResolver(() => Location, { nullable: true, description: 'Events happen in public places: always precise.' })
  location(@Root() event: SharedEvent): Location | null {
    if (event.lat == null || event.lng == null) return null;
    return { lat: event.lat, lng: event.lng, address: event.locationName, precise: true };
  }

  @FieldResolver(() => [CommunityIssue], { description: 'Issues this event addresses.' })
  async issues(@Root() event: SharedEvent): Promise<CommunityIssue[]> {
    return (await event.issues.load()).getItems();
  }

  @FieldResolver(() => [EventRsvp], { description: 'Who is coming; members only (empty for the public).' })
  async rsvps(@Root() event: SharedEvent, @Ctx() ctx: Context): Promise<EventRsvp[]> {
    if (!hasScope(ctx.viewer, ApiScope.EVENTS_READ)) return [];
    return (await event.rsvps.load()).getItems();
  }

  @FieldResolver(() => [StaffCommitment], { description: 'Staff committed per organization.' })
  async staff(@Root() event: SharedEvent): Promise<StaffCommitment[]> {
    return (await event.staff.load()).getItems();
  }

  @FieldResolver(() => Int, { description: 'Total staff committed by all organizations.' })
  async staffCount(@Root() event: SharedEvent): Promise<number> {
    return (await event.staff.load()).getItems().reduce((sum, s) => sum + s.count, 0);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Members only.' })
  async createdBy(@Root() event: SharedEvent, @Ctx() ctx: Context): Promise<Member | null> {
    if (!hasScope(ctx.viewer, ApiScope.EVENTS_READ) || !event.createdBy) return null;
    return (await event.createdBy.load()) ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may edit, cancel it.' })
  async viewerCanEdit(@Root() event: SharedEvent, @Ctx() ctx: Context): Promise<boolean> {
    if (!ctx.viewer || !hasScope(ctx.viewer, ApiScope.EVENTS_WRITE)) return false;
    await event.coHosts.load();
    return EventService.canEdit(ctx.viewer, event);
  }
}

@Resolver(() => StaffCommitment)
export class StaffCommitmentResolver {
  @FieldResolver(() => Organization)
  organization(@Root() staff: StaffCommitment): Promise<Organization> {
    return staff.organization.load() as Promise<Organization>;
  }
}

@Resolver(() => EventRsvp)
export class RsvpResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Members only; never API tokens (contact details).' })
  email(@Root() rsvp: EventRsvp, @Ctx() ctx: Context): string | null {
    return ctx.viewer?.kind === 'member' ? (rsvp.email ?? null) : null;
  }
}
