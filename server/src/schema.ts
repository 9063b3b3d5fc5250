import 'reflect-metadata';
import { ArgumentValidationError, buildSchema, type AuthChecker } from 'type-graphql';
import { validateOrReject, type ValidatorOptions } from 'class-validator';
import type { GraphQLSchema } from 'graphql';
import { DateTime } from './common/scalars.js';
import { assertAccessDeclared, checkDeclaredAccess } from './auth/access.js';
import type { Role } from './auth/roles.js';
import type { Context } from './context.js';
import { IssueResolver, IssueUpdateResolver } from './modules/issues/issue.resolver.js';
import { EventResolver, RsvpResolver, StaffCommitmentResolver } from './modules/events/event.resolver.js';
import { MemberResolver } from './modules/members/member.resolver.js';
import { OrganizationResolver } from './modules/organizations/organization.resolver.js';
import { NeighborhoodResolver } from './modules/neighborhoods/neighborhood.resolver.js';
import { ActivityResolver } from './modules/activity/activity.resolver.js';
import { NodeResolver } from './modules/node/node.resolver.js';
import { PresenceResolver } from './modules/presence/presence.resolver.js';
import { ApiTokenResolver } from './modules/api-tokens/api-token.resolver.js';
import { ContactAccessResolver } from './modules/privacy/contact-access.resolver.js';
import { InvitationResolver } from './modules/access-links/invitation.resolver.js';
import { CoHostInvitationResolver, EventCoHostInvitationsResolver } from './modules/events/cohost.resolver.js';
import { PartnershipResolver } from './modules/partnership/partnership.resolver.js';
import { SetupResolver } from './modules/setup/setup.resolver.js';
import { AccessLinkResolver } from './modules/access-links/access-link.resolver.js';

/**
 * Enforces what the field declares (@Allow: roles and token scope, read back from the schema):
 * signed out, UNAUTHENTICATED; a role not listed or a token without the scope, FORBIDDEN.
 */
const authChecker: AuthChecker<Context, Role> = ({ context, info }) => checkDeclaredAccess(context.viewer, info);

/** The whole GraphQL schema. Refuses to build if an operation does not declare its access. */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      IssueResolver,
      IssueUpdateResolver,
      EventResolver,
      StaffCommitmentResolver,
      RsvpResolver,
      MemberResolver,
      OrganizationResolver,
      NeighborhoodResolver,
      ActivityResolver,
      NodeResolver,
      PresenceResolver,
      ApiTokenResolver,
      ContactAccessResolver,
      InvitationResolver,
      CoHostInvitationResolver,
      EventCoHostInvitationsResolver,
      PartnershipResolver,
      SetupResolver,
      AccessLinkResolver,
    ],
    authChecker,
    // Every subscription streams from the ActivityBus through its own `subscribe`, so
    // type-graphql's topic pub/sub is never used; buildSchema still insists on one.
    pubSub: {
      publish: () => {
        throw new Error('Publish through realtime/change.ts, not type-graphql topics');
      },
      subscribe: () => {
        throw new Error('Subscriptions stream from the ActivityBus, not type-graphql topics');
      },
    },
    scalarsMap: [{ type: Date, scalar: DateTime }],
    validateFn: validateArgument,
  });
  assertAccessDeclared(schema);
  return schema;
}

const VALIDATOR_OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };
const validatable = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * type-graphql's own argument validation with `validate: { forbidUnknownValues: false }` (input
 * objects through class-validator, missing properties skipped, errors as ArgumentValidationError),
 * with class-validator imported once: type-graphql imports it dynamically on every validated
 * argument, which under tsx goes through the loader's hooks each time (a live stream's filter is
 * validated on every execution).
 */
async function validateArgument(value: unknown): Promise<void> {
  if (!validatable(value)) return;
  try {
    if (Array.isArray(value)) {
      await Promise.all(value.filter(validatable).map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
    } else {
      await validateOrReject(value, VALIDATOR_OPTIONS);
    }
  } catch (error) {
    throw new ArgumentValidationError(error as ConstructorParameters<typeof ArgumentValidationError>[0]);
  }
}
