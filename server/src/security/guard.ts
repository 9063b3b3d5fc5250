import {
  GraphQLError,
  Kind,
  getOperationAST,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { QueryLimits } from '../config.js';
import { ErrorCode } from '../common/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { operationCost } from './cost.js';
import { LimitReason, limitError } from './limits.js';
import type { Charge, RateLimitName, RateLimiter } from './rate-limit.js';
import { containsNul, nulRefusal } from './text.js';

/** A validated operation about to run, and who sends it. */
export interface OperationRequest {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  viewer: Viewer | null;
  /** The client's address (after TRUST_PROXY). */
  address: string;
  /** The `Idempotency-Key` header (HTTP only). */
  idempotencyKey?: string | null;
}

/**
 * Whether a root mutation field repeats a keyed request that already has its answer: a replay
 * changes nothing, so it is not charged against the rate limits.
 */
export type ReplayCheck = (request: OperationRequest, field: FieldNode) => Promise<boolean>;

const RATE_MESSAGES: Record<RateLimitName, string> = {
  login: 'Too many sign-in attempts from your address',
  account: 'Too many sign-in attempts for this email address',
  report: 'Too many reports in a short time',
  mutation: 'Too many changes in a short time',
};

/**
 * The checks that need a parsed, validated operation and its variables, the same for both
 * transports: text no database can store, the cost budget, then the rate limits of mutations. `check` returns the refusal to
 * send instead of running the operation, or null.
 */
export class OperationGuard {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: QueryLimits,
    private readonly rateLimiter: RateLimiter | null,
    private readonly isReplay: ReplayCheck | null = null,
  ) {}

  async check(request: OperationRequest): Promise<GraphQLError | null> {
    const operation = getOperationAST(request.document, request.operationName);
    if (!operation) return null; // the server reports an unknown operation itself
    const variables = request.variables ?? {};
    if (containsNul(request.document, variables)) return nulRefusal();

    const result = operationCost(this.schema, request.document, operation.name?.value, variables);
    if ('tooLarge' in result) {
      return limitError(
        LimitReason.MAX_COST,
        'This operation selects too many fields once its fragments are expanded. Ask for less.',
        this.limits.cost,
      );
    }
    if ('cost' in result && result.cost > this.limits.cost) {
      const error = limitError(
        LimitReason.MAX_COST,
        `This operation could resolve about ${result.cost} objects; the limit is ${this.limits.cost}. ` +
          'Ask for fewer items (a smaller `first`) or fewer nested lists.',
        this.limits.cost,
      );
      error.extensions.cost = result.cost;
      return error;
    }

    if (operation.operation !== 'mutation' || !this.rateLimiter) return null;
    let fields = rootFields(request.document, operation.selectionSet);
    if (this.isReplay) {
      const replays = await Promise.all(fields.map((field) => this.isReplay!(request, field)));
      fields = fields.filter((_field, i) => !replays[i]);
    }
    if (fields.length === 0) return null;
    const refusal = await this.rateLimiter.consume(charges(request, fields));
    if (!refusal) return null;
    const retryAfter = refusal.retryAfterSeconds;
    return new GraphQLError(`${RATE_MESSAGES[refusal.name]}; try again in ${seconds(retryAfter)}.`, {
      extensions: { code: ErrorCode.RATE_LIMITED, retryAfter },
    });
  }
}

/**
 * What a mutation costs against the rate limits: every root field (aliases and fragments
 * included, so `a: reportIssue … b: reportIssue …` counts twice) counts once against `mutation`,
 * sign-ins also against their address and email, reports against `report`. Members are counted
 * by account, API tokens by token (so one busy tool never uses up a member's allowance, nor
 * members a tool's), residents by address.
 */
function charges(request: OperationRequest, fields: FieldNode[]): Charge[] {
  const actor = actorOf(request);
  const totals = new Map<string, Charge>();
  const add = (name: RateLimitName, key: string) => {
    const id = `${name}\u0000${key}`;
    const charge = totals.get(id) ?? { name, key, points: 0 };
    charge.points += 1;
    totals.set(id, charge);
  };
  for (const field of fields) {
    add('mutation', actor);
    // Asking for a reset link by email counts as a sign-in attempt, for the address and the email.
    if (field.name.value === 'login' || field.name.value === 'requestPasswordReset') {
      add('login', `address:${request.address}`);
      add('account', emailOf(field, request.variables ?? {}));
    }
    if (field.name.value === 'reportIssue') add('report', actor);
  }
  return [...totals.values()];
}

/** Who a charge counts against: a member by account, an API token by token, a resident by address. */
function actorOf({ viewer, address }: OperationRequest): string {
  if (viewer?.kind === 'member') return `member:${viewer.memberPk}`;
  if (viewer?.kind === 'token') return `token:${viewer.tokenPk}`;
  return `address:${address}`;
}

/** The root fields of an operation, through fragments and inline fragments. */
function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(document, selection.selectionSet, seen);
    if (seen.has(selection.name.value)) return [];
    seen.add(selection.name.value);
    const fragment = document.definitions.find(
      (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
    );
    return fragment?.kind === Kind.FRAGMENT_DEFINITION ? rootFields(document, fragment.selectionSet, seen) : [];
  });
}

/** The email a sign-in is for, normalized as the resolver does; any value counts, known or not. */
function emailOf(field: FieldNode, variables: Record<string, unknown>): string {
  const argument = field.arguments?.find((a) => a.name.value === 'email');
  const value = argument ? valueFromASTUntyped(argument.value, variables) : null;
  return `email:${typeof value === 'string' ? value.trim().toLowerCase() : ''}`;
}

const seconds = (n: number) => (n === 1 ? '1 second' : `${n} seconds`);
