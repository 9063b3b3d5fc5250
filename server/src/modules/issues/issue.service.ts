import { LockMode, type EntityManager, type FilterQuery, type MikroORM, type QueryOrderMap } from '@mikro-orm/core';
import { requireText } from '../../common/text.js';
import { badInput, forbidden, notFound } from '../../common/errors.js';
import { staleVersion } from '../activity/last-change.js';
import { checkCursor, pageSize, pkOf, type ConnectionShape } from '../../common/relay.js';
import { hasScope, isStaff, memberPkOf, memberRefOf, type Viewer } from '../../auth/viewer.js';
import { ApiScope } from '../../auth/scopes.js';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange, type ChangeWork } from '../../realtime/change.js';
import { ActivityKind, ActivityVisibility } from '../activity/activity.enums.js';
import { Neighborhood } from '../neighborhoods/neighborhood.entity.js';
import { neighborhoodAt } from '../neighborhoods/neighborhood.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { CommunityIssue } from './issue.entity.js';
import { IssueUpdate } from './issue-update.entity.js';
import {
  IssuePriority,
  IssueStatus,
  IssueUpdateKind,
  STATUS_LABEL,
  STATUS_TRANSITIONS,
  UpdateVisibility,
} from './issue.enums.js';
import { IssueOrder, type IssueFilter, type ReportIssueInput } from './issue.input.js';
import { issueSnapshot } from './issue.snapshot.js';
import { issueCriteria, issueWhere } from './issue.criteria.js';
import { readIssuePage, type IssueRow } from './issue.rows.js';
import { idempotent, type IdempotencyClaim } from '../idempotency/idempotency.js';

const ORDER: Record<IssueOrder, QueryOrderMap<CommunityIssue>> = {
  REPORTED_AT_DESC: { reportedAt: 'desc', pk: 'desc' },
  REPORTED_AT_ASC: { reportedAt: 'asc', pk: 'asc' },
  UPDATED_AT_DESC: { updatedAt: 'desc', pk: 'desc' },
  PRIORITY_DESC: { priorityRank: 'desc', reportedAt: 'desc', pk: 'desc' },
  SUPPORTERS_DESC: { supportersCount: 'desc', reportedAt: 'desc', pk: 'desc' },
};

const NOTE_MAX = 5000;
const OUTSIDE = 'location is outside every neighborhood the partnership covers; choose a neighborhood';

/** Reporting, triage and listing of community issues. Every change goes through runChange. */
export class IssueService {
  /** SQLite's LIKE is already case-insensitive (ASCII) and has no ILIKE. */
  private readonly caseInsensitiveLike: '$like' | '$ilike';

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ActivityBus,
  ) {
    this.caseInsensitiveLike = orm.config.get('driver')?.name === 'BetterSqliteDriver' ? '$like' : '$ilike';
  }

  /** Public: a resident (or member) reports an issue. Anonymous reports store no identity. */
  async report(
    viewer: Viewer | null,
    input: ReportIssueInput,
    claim?: IdempotencyClaim | null,
  ): Promise<CommunityIssue> {
    if (input.anonymous && input.contact) {
      throw badInput('contact', 'contact must be empty for an anonymous report: it would identify you');
    }
    if (input.priority && !hasScope(viewer, ApiScope.ISSUES_WRITE)) {
      throw badInput('priority', 'priority is set by members; leave it empty');
    }
    const neighborhoodPk = input.neighborhoodId ? pkOf(input.neighborhoodId, 'Neighborhood', 'neighborhoodId') : null;
    const location = input.location ?? null;
    if (neighborhoodPk == null && !location) {
      throw badInput('neighborhoodId', 'neighborhoodId or location is required');
    }
    const title = requireText(input.title, 'title', 3, 200);
    const work: ChangeWork<CommunityIssue> = async (em, record) => {
      const neighborhood = await this.neighborhoodFor(em, neighborhoodPk, location);
      const issue = em.create(CommunityIssue, {
        title,
        description: input.description.trim(),
        category: input.category,
        neighborhood,
        lat: input.location?.lat ?? null,
        lng: input.location?.lng ?? null,
        address: input.location?.address?.trim() || null,
        anonymous: input.anonymous,
        reporter: input.anonymous ? null : memberRefOf(em, viewer),
        contact: input.anonymous ? null : input.contact?.trim() || null,
      });
      if (input.priority) issue.setPriority(input.priority);
      record({
        kind: ActivityKind.ISSUE_REPORTED,
        visibility: ActivityVisibility.PUBLIC,
        summary: `New issue reported: ${title}`,
        actor: input.anonymous ? null : memberPkOf(viewer),
        actorOrganization: input.anonymous ? null : (viewer?.organizationPk ?? null),
        issue,
        snapshot: () => ({ issue: issueSnapshot(issue) }),
      });
      return issue;
    };
    return runChange(this.orm, this.bus, work, { idempotency: idempotent(claim, 'CommunityIssue') });
  }

  /** The neighborhood named, or the one the point is in; never a retired one. */
  private async neighborhoodFor(
    em: EntityManager,
    pk: number | null,
    location: { lat: number; lng: number } | null,
  ): Promise<Neighborhood> {
    if (pk == null) {
      const found = location ? await neighborhoodAt(em, location.lat, location.lng) : null;
      if (!found) throw badInput('location', OUTSIDE);
      return found;
    }
    const neighborhood = await em.findOne(Neighborhood, { pk });
    if (!neighborhood) throw badInput('neighborhoodId', 'neighborhoodId names no neighborhood');
    if (neighborhood.retiredAt) {
      throw badInput(
        'neighborhoodId',
        `${neighborhood.name} is retired and takes no new reports; choose another neighborhood`,
      );
    }
    return neighborhood;
  }

  async setStatus(
    viewer: Viewer,
    id: string,
    status: IssueStatus,
    note: string | null | undefined,
    expectedVersion: number | null | undefined,
  ): Promise<CommunityIssue> {
    const pk = pkOf(id, 'CommunityIssue', 'id');
    const text = note?.trim() ?? '';
    if (text.length > NOTE_MAX) throw badInput('note', `note must be at most ${NOTE_MAX} characters`);
    return runChange(this.orm, this.bus, async (em, record) => {
      const issue = await this.loadForTriage(em, viewer, pk, expectedVersion);
      const from: IssueStatus = issue.status;
      if (from === status) throw badInput('status', `The issue is already ${STATUS_LABEL[status]}`);
      if (!STATUS_TRANSITIONS[from].includes(status)) {
        throw badInput('status', `An issue cannot move from ${STATUS_LABEL[from]} to ${STATUS_LABEL[status]}`);
      }
      const now = new Date();
      issue.status = status;
      issue.updatedAt = now;
      if (status !== IssueStatus.OPEN && status !== IssueStatus.CLOSED && !issue.acknowledgedAt) {
        issue.acknowledgedAt = now;
      }
      if (status === IssueStatus.RESOLVED) issue.resolvedAt = now;
      if (status === IssueStatus.OPEN || status === IssueStatus.IN_PROGRESS) issue.resolvedAt = null;
      const label = `${STATUS_LABEL[from]} → ${STATUS_LABEL[status]}`;
      em.create(IssueUpdate, {
        issue,
        author: memberRefOf(em, viewer),
        kind: IssueUpdateKind.STATUS_CHANGE,
        body: text || label,
        visibility: UpdateVisibility.PUBLIC,
        fromStatus: from,
        toStatus: status,
        createdAt: now,
      });
      record({
        kind: ActivityKind.ISSUE_STATUS_CHANGED,
        visibility: ActivityVisibility.PUBLIC,
        summary: `${issue.title}: ${label}`,
        actor: memberPkOf(viewer),
        actorOrganization: viewer.organizationPk,
        issue,
        snapshot: () => ({ issue: issueSnapshot(issue, { status: from }) }),
      });
      return issue;
    });
  }

  /** Replaces the organizations an issue is shared with / assigned to. */
  async assign(
    viewer: Viewer,
    id: string,
    organizationIds: string[],
    expectedVersion: number | null | undefined,
  ): Promise<CommunityIssue> {
    const pk = pkOf(id, 'CommunityIssue', 'id');
    if (organizationIds.length > 20)
      throw badInput('organizationIds', 'organizationIds may name at most 20 organizations');
    const orgPks = [...new Set(organizationIds.map((o) => pkOf(o, 'Organization', 'organizationIds')))];
    return runChange(this.orm, this.bus, async (em, record) => {
      const issue = await this.loadForTriage(em, viewer, pk, expectedVersion);
      const organizations = await em.find(Organization, { pk: { $in: orgPks } });
      if (organizations.length !== orgPks.length) {
        throw badInput('organizationIds', 'organizationIds names an organization that does not exist');
      }
      const before = issue.organizations.getItems().map((o) => o.pk);
      if (viewer.role === 'PARTNER' && !orgPks.includes(viewer.organizationPk)) {
        throw forbidden('A partner cannot remove their own organization from an issue; ask an officer');
      }
      issue.organizations.set(organizations);
      issue.updatedAt = new Date();
      const names = organizations.map((o) => o.name).sort();
      const body = names.length ? `Assigned to ${names.join(', ')}` : 'Unassigned from all organizations';
      em.create(IssueUpdate, {
        issue,
        author: memberRefOf(em, viewer),
        kind: IssueUpdateKind.ASSIGNMENT,
        body,
        visibility: UpdateVisibility.PUBLIC,
      });
      record({
        kind: ActivityKind.ISSUE_ASSIGNED,
        visibility: ActivityVisibility.PUBLIC,
        summary: `${issue.title}: ${body}`,
        actor: memberPkOf(viewer),
        actorOrganization: viewer.organizationPk,
        issue,
        snapshot: () => ({ issue: issueSnapshot(issue, { organizations: before }) }),
      });
      return issue;
    });
  }

  /** A comment: PUBLIC for everyone, PARTNERS for members only. */
  async addUpdate(
    viewer: Viewer,
    issueId: string,
    body: string,
    visibility: UpdateVisibility,
    expectedVersion: number | null | undefined,
    claim?: IdempotencyClaim | null,
  ): Promise<IssueUpdate> {
    const pk = pkOf(issueId, 'CommunityIssue', 'issueId');
    const text = body.trim();
    if (text.length < 1 || text.length > NOTE_MAX) throw badInput('body', `body must be 1 to ${NOTE_MAX} characters`);
    return runChange(
      this.orm,
      this.bus,
      async (em, record) => {
        // Anyone signed in may comment publicly; internal notes are triage, so partners add them
        // only to issues shared with their organization.
        const issue =
          visibility === UpdateVisibility.PARTNERS
            ? await this.loadForTriage(em, viewer, pk, expectedVersion)
            : await this.load(em, pk, expectedVersion);
        issue.updatedAt = new Date();
        const update = em.create(IssueUpdate, {
          issue,
          author: memberRefOf(em, viewer),
          kind: IssueUpdateKind.COMMENT,
          body: text,
          visibility,
        });
        const internal = visibility === UpdateVisibility.PARTNERS;
        record({
          kind: ActivityKind.ISSUE_UPDATE_ADDED,
          visibility: internal ? ActivityVisibility.MEMBERS : ActivityVisibility.PUBLIC,
          summary: internal ? `${issue.title}: internal note added` : `${issue.title}: update posted`,
          actor: memberPkOf(viewer),
          actorOrganization: viewer.organizationPk,
          issue,
          snapshot: () => ({ issue: issueSnapshot(issue) }),
        });
        return update;
      },
      { retryOnConflict: expectedVersion == null, idempotency: idempotent(claim, 'IssueUpdate') },
    );
  }

  /** "Me too": anyone may add their support. Concurrent supports are retried, never lost. */
  async support(viewer: Viewer | null, id: string): Promise<CommunityIssue> {
    const pk = pkOf(id, 'CommunityIssue', 'id');
    return runChange(
      this.orm,
      this.bus,
      async (em, record) => {
        const issue = await this.load(em, pk, null);
        if (issue.status === IssueStatus.CLOSED) throw badInput('id', 'This issue is closed and takes no more support');
        issue.supportersCount += 1;
        issue.updatedAt = new Date();
        record({
          kind: ActivityKind.ISSUE_SUPPORTED,
          visibility: ActivityVisibility.PUBLIC,
          summary: `${issue.title}: ${issue.supportersCount} supporters`,
          actor: memberPkOf(viewer),
          actorOrganization: viewer?.organizationPk ?? null,
          issue,
          snapshot: () => ({ issue: issueSnapshot(issue) }),
        });
        return issue;
      },
      { retryOnConflict: true },
    );
  }

  /**
   * One page of issues (Relay), filters combined with AND: plain rows in two statements (the
   * page and its count), never hydrated entities; relations resolve through the loaders.
   */
  list(
    em: EntityManager,
    filter: IssueFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    orderBy: IssueOrder | null | undefined,
  ): Promise<ConnectionShape<IssueRow>> {
    return readIssuePage(
      em,
      this.where(filter),
      pageSize(first),
      checkCursor(after),
      ORDER[orderBy ?? IssueOrder.REPORTED_AT_DESC],
      // Filtering by organization joins the pivot: count issues, not their assignments.
      filter?.organizationId != null,
    );
  }

  where(filter: IssueFilter | null | undefined): FilterQuery<CommunityIssue> {
    return issueWhere(issueCriteria(filter), this.caseInsensitiveLike);
  }

  /**
   * Loads an issue to change it, locking its row (PostgreSQL; SQLite runs writers one at a
   * time anyway): concurrent changes queue and each sees the one before, instead of clashing
   * on the version. A stale `expectedVersion` is still a CONFLICT.
   */
  private async load(
    em: EntityManager,
    pk: number,
    expectedVersion: number | null | undefined,
  ): Promise<CommunityIssue> {
    const issue = await em.findOne(
      CommunityIssue,
      { pk },
      { populate: ['organizations'], lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!issue) throw notFound('Issue');
    if (expectedVersion != null && issue.version !== expectedVersion) {
      throw await staleVersion(em, { issue: issue.pk }, issue.version);
    }
    return issue;
  }

  /** Staff triage any issue; partners only issues shared with their organization. */
  private async loadForTriage(
    em: EntityManager,
    viewer: Viewer,
    pk: number,
    expectedVersion: number | null | undefined,
  ): Promise<CommunityIssue> {
    const issue = await this.load(em, pk, expectedVersion);
    if (!isStaff(viewer) && !issue.organizations.getItems().some((o) => o.pk === viewer.organizationPk)) {
      throw forbidden('Partners may triage only issues shared with their organization');
    }
    return issue;
  }
}
