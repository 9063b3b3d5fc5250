import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter } from 'react-router';
import { GraphQLError } from 'graphql';
import { vi } from 'vitest';
import type { AccessLinkKind, Role } from '../../../graphql/generated/graphql.js';
import { SessionContext } from '../../../app/sessionContext.js';
import { ACCESS_LINK_QUERY } from '../graphql/queries/accessLink.query.js';
import { WithPartnership, buildPartnership } from '../../partnership/testing/partnershipFixture.js';
import type { PartnershipInfo } from '../../partnership/partnership.js';

/** A code shaped like the server's (43 base64url characters). */
export const CODE = 'k3J9vQ0mW2xT7rY5uB8nC1dF4gH6jL0pS2aZ9eX7wQ4';

/** Renders a link page at `path` as the shell would: router, Apollo mocks, partnership, session. */
export function renderLinkPage(
  page: ReactElement,
  {
    path,
    mocks,
    partnership = buildPartnership(),
    signedIn = false,
  }: { path: string; mocks: MockLink.MockedResponse[]; partnership?: PartnershipInfo; signedIn?: boolean },
) {
  const signIn = vi.fn();
  const view = render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[path]}>
        <WithPartnership info={partnership}>
          <SessionContext.Provider value={{ signedIn, signIn }}>{page}</SessionContext.Provider>
        </WithPartnership>
      </MemoryRouter>
    </MockedProvider>,
  );
  return { ...view, signIn };
}

/** Query.accessLink answering for a usable link. */
export function linkMock(
  kind: AccessLinkKind,
  info: { email?: string | null; name?: string | null; role?: Role | null; organizationName?: string | null } = {},
): MockLink.MockedResponse {
  return {
    request: { query: ACCESS_LINK_QUERY, variables: { code: CODE } },
    result: {
      data: {
        accessLink: {
          __typename: 'AccessLinkInfo',
          kind,
          email: info.email ?? null,
          name: info.name ?? null,
          role: info.role ?? null,
          organizationName: info.organizationName ?? null,
          expiresAt: '2026-12-08T09:00:00.000Z',
        },
      },
    },
  };
}

/** The server's refusal of a link, as findUsableLink words it. */
export function linkRefusal(reason: 'LINK_USED' | 'LINK_EXPIRED' | 'LINK_REVOKED' | 'NOT_FOUND'): GraphQLError {
  if (reason === 'NOT_FOUND') {
    return new GraphQLError('This link is not valid; check that it was copied whole', {
      extensions: { code: 'NOT_FOUND', field: 'code' },
    });
  }
  const message = {
    LINK_USED: 'This link has already been used; ask for a new one',
    LINK_EXPIRED: 'This link has expired; ask for a new one',
    LINK_REVOKED: 'This link was withdrawn; ask for a new one',
  }[reason];
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: 'code', reason } });
}

/** Query.accessLink refusing the link. */
export function linkErrorMock(reason: Parameters<typeof linkRefusal>[0]): MockLink.MockedResponse {
  return {
    request: { query: ACCESS_LINK_QUERY, variables: { code: CODE } },
    result: { errors: [linkRefusal(reason)] },
  };
}

/** An AuthPayload as completeSetup, acceptInvitation and resetPassword answer. */
export function authPayload(role: Role, token = 'session-token-1') {
  return {
    __typename: 'AuthPayload' as const,
    token,
    member: { __typename: 'Member' as const, id: 'TWVtYmVyOjE', role },
  };
}
