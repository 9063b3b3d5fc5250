import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import type { AccessLinkKind, AccessLinkQuery } from '../../graphql/generated/graphql.js';
import { ACCESS_LINK_QUERY } from './graphql/queries/accessLink.query.js';
import { readProblem, type LinkReason } from './accessErrors.js';

export type AccessLinkInfo = AccessLinkQuery['accessLink'];

/** Where a link page stands before it can show its form. */
export type CheckedLink =
  | { status: 'missing' }
  | { status: 'loading' }
  | { status: 'refused'; reason: LinkReason }
  /** A valid link of another kind (an invitation opened on /password): the page points to the right one. */
  | { status: 'other-kind'; code: string; kind: AccessLinkKind }
  | { status: 'unreachable'; message: string; retry: () => void }
  | { status: 'ready'; code: string; info: AccessLinkInfo };

/**
 * Reads `?code=` and asks the server what the link is for (Query.accessLink), so a used or
 * expired link is explained before anyone fills in a form.
 */
export function useCheckedLink(kind: AccessLinkKind): CheckedLink {
  const [params] = useSearchParams();
  const code = params.get('code')?.trim() ?? '';
  const { data, error, refetch } = useQuery(ACCESS_LINK_QUERY, {
    variables: { code },
    skip: !code,
    // A link's state changes on the server (used, revoked): never trust an old answer.
    fetchPolicy: 'network-only',
  });
  if (!code) return { status: 'missing' };
  if (data) {
    const info = data.accessLink;
    return info.kind === kind ? { status: 'ready', code, info } : { status: 'other-kind', code, kind: info.kind };
  }
  if (error) {
    const problem = readProblem(error);
    if (problem.link) return { status: 'refused', reason: problem.link };
    return { status: 'unreachable', message: problem.message, retry: () => void refetch().catch(() => undefined) };
  }
  return { status: 'loading' };
}

/** The page for each kind of link, as the server's links name them. */
export const LINK_PAGE_PATH: Record<AccessLinkKind, string> = {
  SETUP: '/setup',
  INVITATION: '/invitation',
  PASSWORD: '/password',
};
