import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Public } from '../../auth/access.js';
import type { Context } from '../../context.js';
import { Node, parseGlobalId } from '../../common/relay.js';
import { Neighborhood } from '../neighborhoods/neighborhood.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Member } from '../members/member.entity.js';
import { CommunityIssue } from '../issues/issue.entity.js';
import { IssueUpdate } from '../issues/issue-update.entity.js';
import { UpdateVisibility } from '../issues/issue.enums.js';
import { SharedEvent } from '../events/event.entity.js';
import { EventCoHostInvitation } from '../events/cohost-invitation.entity.js';
import { visibleInvitations } from '../events/event.policy.js';
import { Activity } from '../activity/activity.entity.js';
import { visibleTo } from '../activity/activity.filters.js';
import { ActivityItem } from '../activity/activity.type.js';
import { toEnvelope } from '../../realtime/bus.js';
import { ApiScope } from '../../auth/scopes.js';
import { hasScope } from '../../auth/viewer.js';
import { Role } from '../../auth/roles.js';

// Members' names reach a token through any of its read scopes (authors, hosts, actors).
const MEMBER_NAMES = [ApiScope.ISSUES_READ, ApiScope.EVENTS_READ, ApiScope.ACTIVITY_READ];

@Resolver()
export class NodeResolver {
  @Public()
  @Query(() => Node, { nullable: true, description: 'Any object by its global id, as the viewer may see it.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    const parsed = parseGlobalId(id);
    if (!parsed) return null;
    const { em, viewer } = ctx;
    const pk = parsed.pk;
    switch (parsed.type) {
      case 'Neighborhood':
        return em.findOne(Neighborhood, { pk });
      case 'Organization':
        return em.findOne(Organization, { pk });
      case 'Member':
        return MEMBER_NAMES.some((s) => hasScope(viewer, s)) ? em.findOne(Member, { pk }) : null;
      case 'CommunityIssue':
        return em.findOne(CommunityIssue, { pk });
      case 'IssueUpdate': {
        const update = await em.findOne(IssueUpdate, { pk });
        const visible = update?.visibility === UpdateVisibility.PUBLIC || hasScope(viewer, ApiScope.ISSUES_READ);
        return update && visible ? update : null;
      }
      case 'SharedEvent': {
        const event = await em.findOne(SharedEvent, { pk });
        return event && (event.isPublic || hasScope(viewer, ApiScope.EVENTS_READ)) ? event : null;
      }
      case 'CoHostInvitation': {
        const invitation = await em.findOne(EventCoHostInvitation, { pk }, { populate: ['event'] });
        if (!invitation) return null;
        return visibleInvitations(viewer, invitation.event.getEntity().host, [invitation])[0] ?? null;
      }
      case 'Activity': {
        const row = await em.findOne(Activity, { seq: pk });
        if (!row || !visibleTo(viewer, toEnvelope(row), ApiScope.ACTIVITY_READ)) return null;
        return new ActivityItem(toEnvelope(row), em);
      }
      case 'Invitation':
        // Who is invited is coordinators' business only.
        return viewer?.kind === 'member' && viewer.role === Role.COORDINATOR
          ? ctx.services.invitations.find(em, pk)
          : null;
      default:
        return null;
    }
  }
}
