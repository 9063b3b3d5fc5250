import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../auth/access.js';
import { Role } from '../../auth/roles.js';
import { DateTime } from '../../common/scalars.js';
import { unauthenticated } from '../../common/errors.js';
import { decoyHash, verifyPassword } from '../../auth/password.js';
import type { Context } from '../../context.js';
import { Organization } from '../organizations/organization.entity.js';
import { Member } from './member.entity.js';

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
    const { token, expiresAt } = await ctx.services.tokens.sign(member.pk);
    return { token, expiresAt, member };
  }

  @FieldResolver(() => Organization)
  organization(@Root() member: Member): Promise<Organization> {
    return member.organization.load() as Promise<Organization>;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Only for the member themself and coordinators.' })
  email(@Root() member: Member, @Ctx() ctx: Context): string | null {
    const viewer = ctx.viewer;
    if (viewer?.kind !== 'member') return null;
    return viewer.memberPk === member.pk || viewer.role === Role.COORDINATOR ? member.email : null;
  }
}
