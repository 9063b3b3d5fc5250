import type { ApiScope, InvitationStatus, OrganizationKind, Role } from '../../graphql/generated/graphql.js';

/** Every organization kind, the agency first, with the words the forms use. */
export const ORGANIZATION_KINDS: readonly { value: OrganizationKind; label: string }[] = [
  { value: 'AGENCY', label: 'Police agency' },
  { value: 'YOUTH', label: 'Youth program' },
  { value: 'HEALTH', label: 'Health organization' },
  { value: 'NEIGHBORHOOD', label: 'Neighborhood association' },
  { value: 'SCHOOL', label: 'School' },
  { value: 'FAITH', label: 'Faith group' },
  { value: 'OTHER', label: 'Other' },
];

/** An organization kind in words. */
export function kindLabel(kind: OrganizationKind): string {
  return ORGANIZATION_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export const ROLE_LABELS: Record<Role, string> = {
  COORDINATOR: 'Coordinator',
  OFFICER: 'Officer',
  PARTNER: 'Partner',
};

/**
 * The roles a member of an organization of this kind may have, as the server enforces them:
 * officers belong to the agency, partners to any other organization, coordinators anywhere.
 * Without a kind (no organization chosen yet) every role is offered.
 */
export function rolesFor(kind: OrganizationKind | undefined): Role[] {
  if (!kind) return ['COORDINATOR', 'OFFICER', 'PARTNER'];
  return kind === 'AGENCY' ? ['OFFICER', 'COORDINATOR'] : ['PARTNER', 'COORDINATOR'];
}

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  PENDING: 'Pending',
  ACCEPTED: 'Accepted',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
};

/**
 * What each API scope lets a token do (the schema's descriptions; kept here because the board
 * must work with introspection turned off). Typed by ApiScope so a new scope fails the build
 * until it is described.
 */
export const API_SCOPES: Record<ApiScope, { name: string; description: string }> = {
  ISSUES_READ: {
    name: 'issues:read',
    description:
      'See issues as members do: precise locations and addresses, internal updates, who reported and wrote them.',
  },
  ISSUES_WRITE: {
    name: 'issues:write',
    description: 'Triage as the token’s organization: status, assignment, updates, priority.',
  },
  EVENTS_READ: {
    name: 'events:read',
    description: 'Members-only events, RSVPs (without emails), who created an event.',
  },
  EVENTS_WRITE: {
    name: 'events:write',
    description: 'Create, edit and cancel events and commit staff as the token’s organization.',
  },
  ACTIVITY_READ: { name: 'activity:read', description: 'Members-only entries of the activity feed, and who did what.' },
};

/** The API scopes in the order the form lists them. */
export const API_SCOPE_ORDER: readonly ApiScope[] = [
  'ISSUES_READ',
  'ISSUES_WRITE',
  'EVENTS_READ',
  'EVENTS_WRITE',
  'ACTIVITY_READ',
];
