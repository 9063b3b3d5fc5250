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
  loginPair: 'Too many sign-in attempts',
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
    /** Told the name of the limit each time a rate limit refuses a call (metrics). */
    private readonly onRefused: (limit: string) => void = () => {},
  ) {}

  /**
   * After an operation ran, with its result's `data`: a sign-in that succeeded gives back what
   * it cost, so only failed ones count and an office signing in every morning from one address
   * never runs out. Never throws.
   */
  async settle(request: OperationRequest, data: Record<string, unknown> | null | undefined): Promise<void> {
    if (!this.rateLimiter || !data) return;
    const operation = getOperationAST(request.document, request.operationName);
    if (operation?.operation !== 'mutation') return;
    const given = refunds(request, operation.selectionSet, data);
    if (given.length > 0) await this.rateLimiter.reward(given);
  }

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
    const all = charges(request, fields);
    // The loose count per email takes only attempts the strict ones let through: a guesser
    // hammering from one address spends at most its `loginPair` allowance of the owner's.
    const refusal =
      (await this.rateLimiter.consume(all.filter((c) => c.name !== 'account'))) ??
      (await this.rateLimiter.consume(all.filter((c) => c.name === 'account')));
    if (!refusal) return null;
    this.onRefused(refusal.name);
    const retryAfter = refusal.retryAfterSeconds;
    return new GraphQLError(`${RATE_MESSAGES[refusal.name]}; try again in ${waitFor(retryAfter)}.`, {
      extensions: { code: ErrorCode.RATE_LIMITED, retryAfter },
    });
  }
}

/**
 * What a successful sign-in gives back: its charges against the three sign-in limits, so that
 * only failed attempts count (`mutation` keeps its charge).
 */
function refunds(request: OperationRequest, selectionSet: SelectionSetNode, data: Record<string, unknown>): Charge[] {
  return rootFields(request.document, selectionSet)
    .filter((field) => field.name.value === 'login' && data[field.alias?.value ?? field.name.value] != null)
    .flatMap((field) => {
      const email = emailOf(field, request.variables ?? {});
      return [
        { name: 'login', key: `address:${request.address}`, points: 1 },
        { name: 'loginPair', key: `address:${request.address}\u0000${email}`, points: 1 },
        { name: 'account', key: email, points: 1 },
      ] satisfies Charge[];
    });
}

/**
 * What a mutation costs against the rate limits: every root field (aliases and fragments
 * included, so `a: reportIssue … b: reportIssue …` counts twice) counts once against `mutation`,
 * sign-ins also against their address, the (address, email) pair and the email, reports against `report`. Members are counted
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
      // Strict per address and per (address, email): the guesser's own address runs out. Loose
      // per email alone: guesses from elsewhere do not lock the owner out from theirs, yet
      // guesses spread over many addresses still meet a ceiling.
      const email = emailOf(field, request.variables ?? {});
      add('login', `address:${request.address}`);
      add('loginPair', `address:${request.address}\u0000${email}`); // as in `refunds`
      add('account', email);
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

/** "45 seconds", "9 minutes", "2 hours": rounded up, so the client never tries too early. */
export function waitFor(seconds: number): string {
  const plural = (n: number, unit: string) => (n === 1 ? `1 ${unit}` : `${n} ${unit}s`);
  if (seconds < 60) return plural(seconds, 'second');
  if (seconds <= 90 * 60) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 3600), 'hour');
}
