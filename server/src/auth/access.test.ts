import { describe, expect, it } from 'vitest';
import { buildSchema as buildFromSdl } from 'graphql';
import { buildAppSchema } from '../schema.js';
import { declarationOf, mayCall, undeclaredOperations, type Declaration } from './access.js';
import { Role } from './roles.js';
import { ApiScope } from './scopes.js';
import type { MemberViewer, TokenViewer } from './viewer.js';

describe('access declarations', () => {
  it('every query, mutation and subscription states who may call it, tokens included', async () => {
    const schema = await buildAppSchema();
    expect(undeclaredOperations(schema)).toEqual([]);
    const roots = [schema.getQueryType()!, schema.getMutationType()!, schema.getSubscriptionType()!];
    const access = Object.fromEntries(
      roots.flatMap((root) =>
        Object.values(root.getFields()).map((f) => [
          `${root.name}.${f.name}`,
          `${f.extensions.access} / ${f.extensions.scope}`,
        ]),
      ),
    );
    // Spot-check the product's rules: residents report, support and RSVP; triage is for members
    // and for tokens with the write scope; coordinators alone manage tokens and read the log.
    expect(access['Mutation.reportIssue']).toBe('PUBLIC / ANY');
    expect(access['Mutation.supportIssue']).toBe('PUBLIC / ANY');
    expect(access['Mutation.rsvpEvent']).toBe('PUBLIC / ANY');
    expect(access['Mutation.setIssueStatus']).toBe('COORDINATOR,OFFICER,PARTNER / issues:write');
    expect(access['Mutation.createEvent']).toBe('COORDINATOR,OFFICER,PARTNER / events:write');
    expect(access['Mutation.createApiToken']).toBe('COORDINATOR / NONE');
    expect(access['Query.contactAccessLog']).toBe('COORDINATOR / NONE');
    expect(access['Subscription.presence']).toBe('COORDINATOR,OFFICER,PARTNER / NONE');
  });

  it('finds operations that declare nothing, or no token scope', () => {
    const schema = buildFromSdl('type Query { a: Int, b: Int } type Mutation { c: Int }');
    expect(undeclaredOperations(schema)).toEqual(['Query.a', 'Query.b', 'Mutation.c']);
    const field = (extensions: Record<string, unknown>) => ({ extensions }) as never;
    expect(declarationOf(field({ access: 'COORDINATOR' }))).toBeNull();
    expect(declarationOf(field({ access: 'COORDINATOR', scope: 'issues:admin' }))).toBeNull();
    expect(declarationOf(field({ access: 'PUBLIC', scope: 'NONE' }))).toBeNull();
    expect(declarationOf(field({ access: 'CAPTAIN', scope: 'NONE' }))).toBeNull();
    expect(declarationOf(field({ access: 'OFFICER', scope: 'issues:write' }))).toEqual({
      roles: [Role.OFFICER],
      scope: 'issues:write',
    });
  });
});

describe('mayCall', () => {
  const member = (role: Role): MemberViewer => ({
    kind: 'member',
    memberPk: 1,
    name: 'M',
    role,
    organizationPk: 1,
    organizationName: 'O',
  });
  const token = (...scopes: ApiScope[]): TokenViewer => ({
    kind: 'token',
    tokenPk: 1,
    name: 'T',
    role: Role.OFFICER,
    organizationPk: 1,
    organizationName: 'O',
    scopes: new Set(scopes),
  });
  const triage: Declaration = { roles: [Role.COORDINATOR, Role.OFFICER], scope: ApiScope.ISSUES_WRITE };
  const manage: Declaration = { roles: [Role.COORDINATOR], scope: 'NONE' };

  it('lets members in by role and tokens by scope (and role)', () => {
    expect(mayCall(member(Role.OFFICER), triage)).toBe(true);
    expect(mayCall(member(Role.PARTNER), triage)).toBe(false);
    expect(mayCall(token(ApiScope.ISSUES_WRITE), triage)).toBe(true);
    expect(mayCall({ ...token(ApiScope.ISSUES_WRITE), role: Role.PARTNER }, triage)).toBe(false);
    expect(mayCall(null, { roles: 'PUBLIC', scope: 'ANY' })).toBe(true);
    expect(mayCall(token(), { roles: 'PUBLIC', scope: 'ANY' })).toBe(true);
  });

  it('refuses the public as UNAUTHENTICATED and tokens as FORBIDDEN, naming the scope', () => {
    expect(() => mayCall(null, triage)).toThrow(/Sign in/);
    expect(() => mayCall(token(ApiScope.ISSUES_READ), triage)).toThrow(/lacks the issues:write scope/);
    expect(() => mayCall(token(...Object.values(ApiScope)), manage)).toThrow(/API tokens may not do this/);
  });
});
