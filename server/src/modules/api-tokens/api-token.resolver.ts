import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../auth/access.js';
import { Role } from '../../auth/roles.js';
import type { MemberViewer } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { ApiToken } from './api-token.entity.js';
import { CreateApiTokenInput, CreatedApiToken } from './api-token.input.js';
import { claimFor } from '../idempotency/idempotency.js';

// Only members reach these (`scope: null` refuses every API token), so the viewer is a member.
const memberOf = (ctx: Context) => ctx.viewer as MemberViewer;

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Query(() => [ApiToken], { description: 'Every API token, newest first, revoked ones included. Coordinators only.' })
  apiTokens(@Ctx() ctx: Context): Promise<ApiToken[]> {
    return ctx.services.apiTokens.list(ctx.em);
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Mutation(() => CreatedApiToken, {
    description: 'Creates a token for another tool. The secret is in the answer and nowhere else. Coordinators only.',
  })
  createApiToken(
    @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput,
    @Ctx() ctx: Context,
  ): Promise<CreatedApiToken> {
    const claim = claimFor(ctx, 'createApiToken', input.idempotencyKey, input);
    return ctx.services.apiTokens.create(memberOf(ctx), input, claim);
  }

  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Mutation(() => ApiToken, {
    description: 'Every later call with the token is refused and its open WebSockets close. Coordinators only.',
  })
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiToken> {
    return ctx.services.apiTokens.revoke(memberOf(ctx), id);
  }

  @FieldResolver(() => Organization, { description: 'The organization the token acts as.' })
  organization(@Root() token: ApiToken): Promise<Organization> {
    return token.organization.load() as Promise<Organization>;
  }

  @FieldResolver(() => Member, { nullable: true })
  async createdBy(@Root() token: ApiToken): Promise<Member | null> {
    return token.createdBy ? ((await token.createdBy.load()) ?? null) : null;
  }

  @FieldResolver(() => Member, { nullable: true })
  async revokedBy(@Root() token: ApiToken): Promise<Member | null> {
    return token.revokedBy ? ((await token.revokedBy.load()) ?? null) : null;
  }
}
