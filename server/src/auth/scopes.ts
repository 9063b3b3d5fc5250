import { registerEnumType } from 'type-graphql';

/**
 * What an API token may do. The values (`issues:read`, …) are what is stored and what people
 * write in docs; the GraphQL enum names (`ISSUES_READ`, …) are what clients send.
 */
export enum ApiScope {
  ISSUES_READ = 'issues:read',
  ISSUES_WRITE = 'issues:write',
  EVENTS_READ = 'events:read',
  EVENTS_WRITE = 'events:write',
  ACTIVITY_READ = 'activity:read',
}
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'What an API token may do. No scope ever shows a resident contact to a token.',
  valuesConfig: {
    ISSUES_READ: {
      description:
        'issues:read — issues as members see them: precise locations and addresses, internal (PARTNERS) updates, who reported and wrote them.',
    },
    ISSUES_WRITE: {
      description: 'issues:write — triage as the token’s organization: status, assignment, updates, priority.',
    },
    EVENTS_READ: { description: 'events:read — members-only events, RSVPs (without emails), who created an event.' },
    EVENTS_WRITE: {
      description: 'events:write — create, edit and cancel events and commit staff as the token’s organization.',
    },
    ACTIVITY_READ: { description: 'activity:read — members-only entries of the activity feed, and who did what.' },
  },
});

export const ALL_SCOPES: readonly ApiScope[] = Object.values(ApiScope);

const KNOWN = new Set<string>(ALL_SCOPES);

/** Scopes as stored (`issues:read,events:read`); unknown names (from a newer version) are dropped. */
export const parseScopes = (stored: string): ApiScope[] => stored.split(',').filter((s): s is ApiScope => KNOWN.has(s));

/** The stored form: distinct, in a stable order. */
export const formatScopes = (scopes: readonly ApiScope[]): string =>
  ALL_SCOPES.filter((s) => scopes.includes(s)).join(',');
