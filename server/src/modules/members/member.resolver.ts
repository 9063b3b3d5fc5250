import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public } from '../../auth/access.js';
import { MEMBERS, Role } from '../../auth/roles.js';
import type { MemberViewer } from '../../auth/viewer.js';
import { DateTime } from '../../common/scalars.js';
import { unauthenticated } from '../../common/errors.js';
import { decoyHash, verifyPassword } from '../../auth/password.js';
import type { Context } from '../../context.js';
import { Organization } from '../organizations/organization.entity.js';
import { Member } from './member.entity.js';
import { CreateMemberInput, UpdateMemberInput } from './member.input.js';
import { claimFor } from '../idempotency/idempotency.js';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String, { description: 'Send as "Authorization: Bearer <token>" or connectionParams.authorization.' })
  token!: string;

  @Field(() => DateTime)
  expiresAt!: Date;

  @Field(() => Member)
  member!: Member;
}

const LOGIN_ERROR = 'Email or password is incorrect';

// Only members reach the operations declared `scope: null` (no API token may), so the viewer is a member.
const memberOf = (ctx: Context) => ctx.viewer as MemberViewer;

@Resolver(() => Member)
export class MemberResolver {
  @Public()
  @Query(() => Member, { nullable: true, description: 'The signed-in member; null for the public.' })
  viewer(@Ctx() ctx: Context): Promise<Member | null> {
    // An API token is not a member: null, as for the public.
    return ctx.viewer?.kind === 'member' ? ctx.em.findOne(Member, { pk: ctx.viewer.memberPk }) : Promise.resolve(null);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Signs a member in. The error never says which part was wrong.' })
  async login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    const normalized = email.trim().toLowerCase();
    const member =
      normalized.length > 0 && normalized.length <= 320 && password.length <= 1000
        ? await ctx.em.findOne(Member, { email: normalized }, { populate: ['passwordHash'] })
        : null;
    const ok = await verifyPassword(member?.passwordHash ?? (await decoyHash()), password);
    if (!member || !ok) throw unauthenticated(LOGIN_ERROR);
    if (member.deactivatedAt) throw unauthenticated('This account has been deactivated; ask a coordinator');
    const { token, expiresAt } = await ctx.services.tokens.sign(member.pk, member.passwordHash);
    return { token, expiresAt, member };
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Query(() => [Member], {
    description: 'Members by name, of one organization or all, deactivated ones included. Coordinators only.',
  })
  members(
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null,
    @Ctx() ctx: Context,
  ): Promise<Member[]> {
    return ctx.services.members.list(ctx.em, organizationId);
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Mutation(() => Member, { description: 'Adds a member who can sign in at once. Coordinators only.' })
  createMember(@Arg('input', () => CreateMemberInput) input: CreateMemberInput, @Ctx() ctx: Context): Promise<Member> {
    // The password stays out of the request's hash: a fast hash of it must never be stored.
    const { password: _password, ...request } = input;
    return ctx.services.members.create(
      memberOf(ctx),
      input,
      claimFor(ctx, 'createMember', input.idempotencyKey, request),
    );
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Mutation(() => Member, {
    description: "Changes a member's name, role or organization, from their next request on. Coordinators only.",
  })
  updateMember(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMemberInput) input: UpdateMemberInput,
    @Ctx() ctx: Context,
  ): Promise<Member> {
    return ctx.services.members.update(memberOf(ctx), id, input);
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Mutation(() => Member, { description: "Sets a member's password (e.g. a forgotten one). Coordinators only." })
  setMemberPassword(
    @Arg('id', () => ID) id: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<Member> {
    return ctx.services.members.setPassword(memberOf(ctx), id, password);
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Mutation(() => Member, {
    description:
      "Ends a member's access at once (sessions, sockets, password links); their history stays. Never yourself, never the last active coordinator. Coordinators only.",
  })
  deactivateMember(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Member> {
    return ctx.services.members.deactivate(memberOf(ctx), id);
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Mutation(() => Member, { description: 'Lets a deactivated member sign in again. Coordinators only.' })
  reactivateMember(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Member> {
    return ctx.services.members.reactivate(memberOf(ctx), id);
  }

  @Allow({ roles: MEMBERS, scope: null })
  @Mutation(() => Boolean, { description: 'Changes your own password; `current` must be right. Members only.' })
  changePassword(
    @Arg('current', () => String) current: string,
    @Arg('next', () => String) next: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return ctx.services.members.changePassword(memberOf(ctx), current, next);
  }

  @FieldResolver(() => Organization)
  organization(@Root() member: Member): Promise<Organization> {
    return member.organization.load() as Promise<Organization>;
  }

  @FieldResolver(() => Boolean, { description: 'false once a coordinator deactivated them.' })
  active(@Root() member: Member): boolean {
    return member.deactivatedAt == null;
  }

  @FieldResolver(() => DateTime, { nullable: true })
  deactivatedAt(@Root() member: Member): Date | null {
    return member.deactivatedAt ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Only for the member themself and coordinators.' })
  email(@Root() member: Member, @Ctx() ctx: Context): string | null {
    const viewer = ctx.viewer;
    if (viewer?.kind !== 'member') return null;
    // The role first: a coordinator's answer does not depend on who they are (the live fan-out shares it).
    return viewer.role === Role.COORDINATOR || viewer.memberPk === member.pk ? member.email : null;
  }
}
