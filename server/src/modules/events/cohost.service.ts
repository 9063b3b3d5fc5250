import type { EntityManager, MikroORM, Ref } from '@mikro-orm/core';
import { badInput, DomainError, ErrorCode, forbidden, notFound } from '../../common/errors.js';
import { pkOf } from '../../common/relay.js';
import { hasScope, isStaff, memberPkOf, memberRefOf, type Viewer } from '../../auth/viewer.js';
import { ApiScope } from '../../auth/scopes.js';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange, type Record as RecordActivity } from '../../realtime/change.js';
import { ActivityKind, ActivityVisibility } from '../activity/activity.enums.js';
import { ApiToken } from '../api-tokens/api-token.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { CoHostInvitationStatus, EventCoHostInvitation } from './cohost-invitation.entity.js';
import { SharedEvent } from './event.entity.js';
import { EventStatus } from './event.enums.js';
import { eventSnapshot, lockEvent, visibilityOf } from './event.change.js';
import { mayRespond } from './event.policy.js';

const tokenRefOf = (em: EntityManager, viewer: Viewer): Ref<ApiToken> | null =>
  viewer.kind === 'token' ? em.getReference(ApiToken, viewer.tokenPk, { wrapped: true }) : null;

/**
 * Co-hosting by consent. Naming an organization as co-host invites it; `SharedEvent.coHosts`
 * gains it only when the organization accepts (members or its events:write tokens), so a
 * pending co-host has no edit rights and shows nowhere. Naming one's own organization is its
 * consent. Every step writes an activity row; the snapshot names the invited organization so
 * its streams filtered to itself hear about its invitation.
 */
export class CoHostService {
  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ActivityBus,
  ) {}

  /**
   * Inside an event change: makes `ids` the event's co-hosts and invitations. New names are
   * invited, names kept stay as they are (pending or accepted), names dropped are withdrawn
   * (a pending invitation) or end the co-hosting. The host is never its own co-host.
   */
  async name(
    em: EntityManager,
    record: RecordActivity,
    viewer: Viewer,
    event: SharedEvent,
    ids: string[],
  ): Promise<void> {
    const hostPk = event.host.unwrap().pk;
    const pks = [...new Set(ids.map((id) => pkOf(id, 'Organization', 'coHostOrganizationIds')))].filter(
      (pk) => pk !== hostPk,
    );
    const wanted = await em.find(Organization, { pk: { $in: pks } });
    if (wanted.length !== pks.length) {
      throw badInput('coHostOrganizationIds', 'coHostOrganizationIds names an organization that does not exist');
    }
    const open = event.pk
      ? await em.find(
          EventCoHostInvitation,
          { event: event.pk, status: { $in: [CoHostInvitationStatus.PENDING, CoHostInvitationStatus.ACCEPTED] } },
          { populate: ['organization'], orderBy: { pk: 'asc' } },
        )
      : [];
    const pending = open.filter((i) => i.status === CoHostInvitationStatus.PENDING);
    const isCoHost = (pk: number) => event.coHosts.getItems().some((o) => o.pk === pk);
    const now = new Date();
    const step = (kind: ActivityKind, organization: Organization, summary: string, visibility: ActivityVisibility) =>
      record({
        kind,
        visibility,
        summary,
        actor: memberPkOf(viewer),
        actorOrganization: viewer.organizationPk,
        event,
        snapshot: () => ({ event: eventSnapshot(event, { invitedOrganization: organization.pk }) }),
      });

    for (const organization of wanted) {
      if (isCoHost(organization.pk) || pending.some((i) => i.organization.unwrap().pk === organization.pk)) continue;
      const own = organization.pk === viewer.organizationPk;
      em.create(EventCoHostInvitation, {
        event,
        organization,
        status: own ? CoHostInvitationStatus.ACCEPTED : CoHostInvitationStatus.PENDING,
        invitedBy: memberRefOf(em, viewer),
        invitedByToken: tokenRefOf(em, viewer),
        createdAt: now,
        ...(own
          ? { respondedAt: now, respondedBy: memberRefOf(em, viewer), respondedByToken: tokenRefOf(em, viewer) }
          : {}),
      });
      if (own) {
        event.coHosts.add(organization);
        step(
          ActivityKind.EVENT_COHOST_ACCEPTED,
          organization,
          `${organization.name} co-hosts ${event.title}`,
          visibilityOf(event),
        );
      } else {
        step(
          ActivityKind.EVENT_COHOST_INVITED,
          organization,
          `${viewer.organizationName} invited ${organization.name} to co-host ${event.title}`,
          ActivityVisibility.MEMBERS,
        );
      }
    }

    const kept = new Set(wanted.map((o) => o.pk));
    for (const organization of event.coHosts.getItems()) {
      if (kept.has(organization.pk)) continue;
      event.coHosts.remove(organization);
      const accepted = open.filter(
        (i) => i.status === CoHostInvitationStatus.ACCEPTED && i.organization.unwrap().pk === organization.pk,
      );
      for (const invitation of accepted) this.withdraw(em, viewer, invitation, now);
      // Visible as the event is: the public saw this co-host, and sees it go.
      step(
        ActivityKind.EVENT_COHOST_WITHDRAWN,
        organization,
        `${organization.name} no longer co-hosts ${event.title}`,
        visibilityOf(event),
      );
    }
    for (const invitation of pending) {
      const organization = invitation.organization.getEntity();
      if (kept.has(organization.pk)) continue;
      this.withdraw(em, viewer, invitation, now);
      step(
        ActivityKind.EVENT_COHOST_WITHDRAWN,
        organization,
        `${viewer.organizationName} withdrew the invitation to ${organization.name} to co-host ${event.title}`,
        ActivityVisibility.MEMBERS,
      );
    }
  }

  /** Accepts or declines an invitation, once, as its organization. */
  async respond(viewer: Viewer, id: string, accept: boolean): Promise<EventCoHostInvitation> {
    const pk = pkOf(id, 'CoHostInvitation', 'id');
    const first = await this.orm.em.fork().findOne(EventCoHostInvitation, { pk }, { populate: ['organization'] });
    if (!first) throw notFound('Invitation');
    if (!mayRespond(viewer, first)) {
      throw forbidden(`Only members of ${first.organization.getEntity().name} may answer this invitation`);
    }
    return runChange(this.orm, this.bus, async (em, record) => {
      // The event's lock queues this answer behind a host's edit of the co-hosts (and a second
      // answer behind the first); the invitation is read again under it.
      const event = await lockEvent(em, first.event.unwrap().pk);
      const invitation = await em.findOne(EventCoHostInvitation, { pk }, { populate: ['organization'] });
      if (!event || !invitation) throw notFound('Invitation');
      if (invitation.status !== CoHostInvitationStatus.PENDING) throw answered(invitation.status);
      if (accept && event.status === EventStatus.CANCELLED) throw badInput('id', 'This event is cancelled');
      const organization = invitation.organization.getEntity();
      invitation.status = accept ? CoHostInvitationStatus.ACCEPTED : CoHostInvitationStatus.DECLINED;
      invitation.respondedAt = new Date();
      invitation.respondedBy = memberRefOf(em, viewer);
      invitation.respondedByToken = tokenRefOf(em, viewer);
      if (accept) event.coHosts.add(organization);
      // The event shows its invitations to the host: a new version lets boards reconcile.
      event.updatedAt = new Date();
      record({
        kind: accept ? ActivityKind.EVENT_COHOST_ACCEPTED : ActivityKind.EVENT_COHOST_DECLINED,
        // An accepted co-host shows wherever the event does; a decline concerns members only.
        visibility: accept ? visibilityOf(event) : ActivityVisibility.MEMBERS,
        summary: accept
          ? `${organization.name} accepted to co-host ${event.title}`
          : `${organization.name} declined to co-host ${event.title}`,
        actor: memberPkOf(viewer),
        actorOrganization: viewer.organizationPk,
        event,
        snapshot: () => ({ event: eventSnapshot(event, { invitedOrganization: organization.pk }) }),
      });
      return invitation;
    });
  }

  /** Invitations addressed to the viewer's organization, newest first. */
  list(em: EntityManager, viewer: Viewer, statuses: CoHostInvitationStatus[] | null | undefined) {
    return em.find(
      EventCoHostInvitation,
      { organization: viewer.organizationPk, ...(statuses?.length ? { status: { $in: statuses } } : {}) },
      { orderBy: { createdAt: 'desc', pk: 'desc' }, limit: 200 },
    );
  }

  private withdraw(em: EntityManager, viewer: Viewer, invitation: EventCoHostInvitation, at: Date): void {
    invitation.status = CoHostInvitationStatus.WITHDRAWN;
    invitation.withdrawnAt = at;
    invitation.withdrawnBy = memberRefOf(em, viewer);
  }
}

const ANSWERED: Partial<Record<CoHostInvitationStatus, string>> = {
  [CoHostInvitationStatus.ACCEPTED]: 'This invitation was already accepted',
  [CoHostInvitationStatus.DECLINED]: 'This invitation was already declined',
  [CoHostInvitationStatus.WITHDRAWN]: 'The host withdrew this invitation',
};

const answered = (status: CoHostInvitationStatus): DomainError =>
  new DomainError(ErrorCode.BAD_USER_INPUT, ANSWERED[status] ?? 'This invitation was already answered', {
    field: 'id',
    reason: status === CoHostInvitationStatus.WITHDRAWN ? 'INVITATION_WITHDRAWN' : 'ALREADY_ANSWERED',
  });
