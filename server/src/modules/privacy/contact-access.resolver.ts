import { Arg, Ctx, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../auth/access.js';
import { Role } from '../../auth/roles.js';
import type { Context } from '../../context.js';
import { Connection, toConnection } from '../../common/relay.js';
import { Member } from '../members/member.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { CommunityIssue } from '../issues/issue.entity.js';
import { ContactAccess } from './contact-access.entity.js';

@ObjectType('ContactAccessConnection')
export class ContactAccessConnection extends Connection('ContactAccess', ContactAccess) {}

@Resolver(() => ContactAccess)
export class ContactAccessResolver {
  @Allow({ roles: [Role.COORDINATOR], scope: null })
  @Query(() => ContactAccessConnection, {
    description: "Who read residents' contacts, newest first; for one issue, or all. Coordinators only.",
  })
  async contactAccessLog(
    @Ctx() ctx: Context,
    @Arg('issueId', () => ID, { nullable: true }) issueId?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ContactAccessConnection> {
    return toConnection(await ctx.services.contactAccess.list(ctx.em, issueId, first, after));
  }

  @FieldResolver(() => CommunityIssue)
  issue(@Root() access: ContactAccess): Promise<CommunityIssue> {
    return access.issue.load() as Promise<CommunityIssue>;
  }

  @FieldResolver(() => Member, { description: 'Who read it.' })
  member(@Root() access: ContactAccess): Promise<Member> {
    return access.member.load() as Promise<Member>;
  }

  @FieldResolver(() => Organization, { description: 'As a member of which organization.' })
  organization(@Root() access: ContactAccess): Promise<Organization> {
    return access.organization.load() as Promise<Organization>;
  }
}
