import { Role } from '../../auth/roles.js';
import { ApiScope } from '../../auth/scopes.js';
import { hasScope, type Viewer } from '../../auth/viewer.js';
import { UpdateVisibility } from './issue.enums.js';

/**
 * Which updates (comments, status notes) a viewer sees: PARTNERS updates only with issues:read
 * (members always). Every read of updates, counts and the latest update filters by this.
 */
export const visibleUpdates = (viewer: Viewer | null): UpdateVisibility[] =>
  hasScope(viewer, ApiScope.ISSUES_READ)
    ? [UpdateVisibility.PUBLIC, UpdateVisibility.PARTNERS]
    : [UpdateVisibility.PUBLIC];

/**
 * Whether a viewer may read a resident's contact on an issue assigned to `organizationPks`:
 * coordinators, and members of an assigned organization; never API tokens or the public.
 */
export function mayReadContact(viewer: Viewer | null, organizationPks: readonly number[]): boolean {
  if (viewer?.kind !== 'member') return false;
  return viewer.role === Role.COORDINATOR || organizationPks.includes(viewer.organizationPk);
}
