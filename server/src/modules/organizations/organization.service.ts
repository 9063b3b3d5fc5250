import { UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { requireText } from '../../common/text.js';
import { badInput, notFound } from '../../common/errors.js';
import { pkOf } from '../../common/relay.js';
import { Role } from '../../auth/roles.js';
import type { MemberViewer } from '../../auth/viewer.js';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange, type Record as RecordActivity } from '../../realtime/change.js';
import { ActivityKind, ActivityVisibility } from '../activity/activity.enums.js';
import { Member } from '../members/member.entity.js';
import { Neighborhood } from '../neighborhoods/neighborhood.entity.js';
import { Organization, OrganizationKind } from './organization.entity.js';
import { MAX_NEIGHBORHOODS, type CreateOrganizationInput, type UpdateOrganizationInput } from './organization.input.js';
import { idempotent, type Idempotent, type IdempotencyClaim } from '../idempotency/idempotency.js';

const NAME_TAKEN = 'name is already in use by another organization';

/**
 * Which role may belong to which kind of organization: officers to the agency, partners to
 * the others, coordinators (who run the partnership, often a city liaison) to any. Checked
 * when a member is created or changed and when an organization changes kind, so it always holds.
 */
export function roleFitsKind(role: Role, kind: OrganizationKind): boolean {
  if (role === Role.OFFICER) return kind === OrganizationKind.AGENCY;
  if (role === Role.PARTNER) return kind !== OrganizationKind.AGENCY;
  return true;
}

/**
 * Creates and edits organizations (coordinators only; see the resolver). Each change writes an
 * ORGANIZATION_CREATED or ORGANIZATION_UPDATED activity that only coordinators see.
 */
export class OrganizationService {
  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ActivityBus,
  ) {}

  /** A new organization; BAD_USER_INPUT naming the field for a taken name or an unknown neighborhood. */
  async create(
    viewer: MemberViewer,
    input: CreateOrganizationInput,
    claim?: IdempotencyClaim | null,
  ): Promise<Organization> {
    const name = checkName(input.name);
    const neighborhoodPks = neighborhoodPksOf(input.neighborhoodIds);
    const work = async (em: EntityManager, record: RecordActivity) => {
      if (await em.count(Organization, { name })) throw badInput('name', NAME_TAKEN);
      const organization = em.create(Organization, { name, kind: input.kind });
      organization.neighborhoods.set(await loadNeighborhoods(em, neighborhoodPks));
      record(adminActivity(viewer, ActivityKind.ORGANIZATION_CREATED, `${viewer.name} added ${name} (${input.kind})`));
      return organization;
    };
    return this.write(work, idempotent(claim, 'Organization'));
  }

  /** Changes only the fields given; the whole change or nothing. */
  async update(viewer: MemberViewer, id: string, input: UpdateOrganizationInput): Promise<Organization> {
    const pk = pkOf(id, 'Organization', 'id');
    const name = input.name == null ? null : checkName(input.name);
    const neighborhoodPks = input.neighborhoodIds == null ? null : neighborhoodPksOf(input.neighborhoodIds);
    return this.write(async (em, record) => {
      const organization = await em.findOne(Organization, { pk }, { populate: ['neighborhoods'] });
      if (!organization) throw notFound('Organization');
      const before = organization.name;
      const changes: string[] = [];
      if (name != null && name !== organization.name) {
        if (await em.count(Organization, { name, pk: { $ne: pk } })) throw badInput('name', NAME_TAKEN);
        organization.name = name;
        changes.push(`renamed it ${name}`);
      }
      if (input.kind != null && input.kind !== organization.kind) {
        const kind = input.kind;
        // Officers belong to the agency, partners elsewhere: the one role the new kind excludes.
        const excluded = kind === OrganizationKind.AGENCY ? Role.PARTNER : Role.OFFICER;
        const misfit = await em.findOne(Member, { organization: pk, role: excluded }, { orderBy: { pk: 'asc' } });
        if (misfit) {
          throw badInput(
            'kind',
            `kind cannot become ${kind} while ${misfit.name} is ${excluded === Role.OFFICER ? 'an OFFICER' : 'a PARTNER'} there; change their role or organization first`,
          );
        }
        organization.kind = kind;
        changes.push(`made it ${kind}`);
      }
      if (neighborhoodPks != null) {
        const served = organization.neighborhoods
          .getItems()
          .map((n) => n.pk)
          .sort();
        organization.neighborhoods.set(await loadNeighborhoods(em, neighborhoodPks));
        if (served.join() !== [...neighborhoodPks].sort().join()) changes.push('changed the neighborhoods it serves');
      }
      if (changes.length > 0) {
        const summary = `${viewer.name} updated ${before}: ${changes.join(', ')}`;
        record(adminActivity(viewer, ActivityKind.ORGANIZATION_UPDATED, summary));
      }
      return organization;
    });
  }

  /** Runs `work` as one change; a name taken by a concurrent write is still BAD_USER_INPUT. */
  private async write(
    work: (em: EntityManager, record: RecordActivity) => Promise<Organization>,
    keyed: Idempotent | null = null,
  ): Promise<Organization> {
    try {
      return await runChange(this.orm, this.bus, work, { idempotency: keyed });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw badInput('name', NAME_TAKEN);
      throw error;
    }
  }
}

/** An administration entry: seen by coordinators only, never by tokens or the public. */
const adminActivity = (viewer: MemberViewer, kind: ActivityKind, summary: string) => ({
  kind,
  visibility: ActivityVisibility.COORDINATORS,
  summary,
  actor: viewer.memberPk,
  actorOrganization: viewer.organizationPk,
  snapshot: () => ({}),
});

function checkName(raw: string): string {
  return requireText(raw, 'name', 1, 200);
}

function neighborhoodPksOf(ids: string[]): number[] {
  if (ids.length > MAX_NEIGHBORHOODS) {
    throw badInput('neighborhoodIds', `neighborhoodIds may name at most ${MAX_NEIGHBORHOODS} neighborhoods`);
  }
  return [...new Set(ids.map((id) => pkOf(id, 'Neighborhood', 'neighborhoodIds')))];
}

async function loadNeighborhoods(em: EntityManager, pks: number[]): Promise<Neighborhood[]> {
  if (pks.length === 0) return [];
  const found = await em.find(Neighborhood, { pk: { $in: pks } });
  if (found.length !== pks.length)
    throw badInput('neighborhoodIds', 'neighborhoodIds names a neighborhood that does not exist');
  return found;
}
