import {
  Kind,
  execute,
  visit,
  type DocumentNode,
  getOperationAST,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import stringify from 'safe-stable-stringify';
import { badInput } from '../common/errors.js';
import { identityOf, visibilityClass, type Viewer } from '../auth/viewer.js';
import { createLoaders, type Context, type Services } from '../context.js';
import type { Accept } from '../modules/activity/activity.filters.js';
import type { ActivityBus } from './bus.js';
import { ChangeScope, Group, membersOf, type Rendered } from './group.js';
import type { ActivityEnvelope } from './envelope.js';
import { Subscriber, type LiveRequest, type LiveTarget } from './subscriber.js';
import { log } from '../ops/log.js';

export type { LiveTarget } from './subscriber.js';

const REPLAY_BATCH = 200;
/** The subscription fields whose `subscribe` joins the fan-out (modules/activity/activity.resolver.ts). */
const STREAMS = new Set(['activity', 'issueChanged', 'eventChanged']);

export interface FanOutOptions {
  /** Unsent bytes a socket may hold before it is cut off with 1013 (QUERY_LIMITS socketBuffer). */
  socketBufferBytes: number;
  /** Turns an execution error into what clients are sent (codes, no internals in production). */
  formatError: (error: GraphQLError) => unknown;
  /** Called when a change's payload has been written to a group's sockets (the delay metric). */
  onDelivered?: (envelope: ActivityEnvelope) => void;
}

/** What a stream field hands the fan-out when a client subscribes (type-graphql's resolver data). */
export interface JoinRequest {
  context: Context;
  info: GraphQLResolveInfo;
  after: number | null | undefined;
  /** The stream's filter for a viewer; called with the group's class viewer. May throw BAD_USER_INPUT. */
  acceptFor: (viewer: Viewer | null) => Accept;
}

/**
 * The live delivery of `activity`, `issueChanged` and `eventChanged`: listens to the bus's
 * ordered feed once, and per committed change loads the subject once, lets each group decide
 * once whether the change passes its filter, executes the group's selection once, and writes
 * the same serialized payload to every socket of the group. Changes are processed one after the
 * other, so every socket receives them in seq order.
 *
 * graphql-ws stays the protocol: a stream field's `subscribe` calls `join`, which returns an
 * iterator graphql-ws waits on (it ends when the client completes or leaves), while payloads
 * are written to the socket directly as graphql-ws `next` messages for that operation id.
 */
export class LiveFanOut {
  private schema: GraphQLSchema | null = null;
  private readonly groups = new Map<string, Group>();
  /** Base keys of operations whose answers depend on the viewer's identity. */
  private readonly personal = new Set<string>();
  private readonly queue: ActivityEnvelope[] = [];
  private running = false;
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly services: Services,
    private readonly bus: ActivityBus,
    private readonly options: FanOutOptions,
  ) {}

  /** The schema to execute with; set once it is built (it needs the services first). */
  attach(schema: GraphQLSchema): void {
    this.schema = schema;
  }

  close(): void {
    this.stopListening?.();
    this.stopListening = null;
    for (const group of this.groups.values()) for (const s of group.subscribers) s.end();
    this.groups.clear();
  }

  /** Whether an operation is one of the fan-out's streams (its single root field is). */
  serves(args: Pick<ExecutionArgs, 'document' | 'operationName'>): boolean {
    const operation = getOperationAST(args.document, args.operationName);
    if (operation?.operation !== 'subscription') return false;
    const [root] = operation.selectionSet.selections;
    return root?.kind === Kind.FIELD && STREAMS.has(root.name.value);
  }

  /** Changes received from the bus and waiting to be delivered (the one being delivered included). */
  get backlog(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  /** Open groups and subscribers on this instance. */
  stats(): { groups: number; subscribers: number } {
    let subscribers = 0;
    for (const group of this.groups.values()) subscribers += group.subscribers.size;
    return { groups: this.groups.size, subscribers };
  }

  /**
   * Adds a subscriber: from `after` (replayed from the database first) or from now. Returns the
   * iterator graphql-ws holds for the operation. Throws what the filter throws (BAD_USER_INPUT).
   */
  join({ context, info, after, acceptFor }: JoinRequest): AsyncIterableIterator<never> {
    const target = context.live;
    if (!target) throw new Error('Live streams run over the WebSocket endpoint');
    const viewer = context.viewer;
    const group = this.groupFor(viewer, target, acceptFor);
    const delivered = this.bus.delivered;
    const subscriber: Subscriber<Group> = new Subscriber<Group>(
      target,
      viewer,
      delivered,
      this.options.socketBufferBytes,
      () => this.leave(subscriber),
    );
    subscriber.group = group;
    group.subscribers.add(subscriber);
    if (after != null && after < delivered) {
      if (after < 0) subscriber.fail(badInput('after', `after must be between 0 and the latest seq (${delivered})`));
      else void this.replay(subscriber, after, delivered);
    } else if (after != null && after > delivered) {
      void this.checkAhead(subscriber, after);
    } else {
      subscriber.goLive(after ?? delivered);
    }
    return subscriber;
  }

  private groupFor(viewer: Viewer | null, target: LiveRequest, acceptFor: JoinRequest['acceptFor']): Group {
    const baseKey = [
      visibilityClass(viewer),
      target.operationName ?? '',
      target.query,
      stringify(variablesWithoutAfter(target)) ?? '',
    ].join('\n');
    const personal = this.personal.has(baseKey);
    const key = personal ? `${baseKey}\n${identityOf(viewer)}` : baseKey;
    let group = this.groups.get(key);
    if (!group) {
      group = new Group(key, baseKey, target, acceptFor, viewer, personal);
      this.groups.set(key, group);
      // Listen to the bus only while someone subscribes: an idle server reads nothing.
      this.stopListening ??= this.bus.listen((envelope) => {
        this.queue.push(envelope);
        if (!this.running) void this.drain();
      });
    }
    return group;
  }

  private leave(subscriber: Subscriber<Group>): void {
    const group = subscriber.group;
    if (!group) return;
    group.subscribers.delete(subscriber);
    if (group.subscribers.size === 0 && this.groups.get(group.key) === group) this.groups.delete(group.key);
    if (this.groups.size === 0 && this.stopListening) {
      this.stopListening();
      this.stopListening = null;
    }
  }

  /** `after` ahead of this instance: valid if committed (another instance delivered it first). */
  private async checkAhead(subscriber: Subscriber<Group>, after: number): Promise<void> {
    try {
      const latest = await this.bus.latestSeq();
      if (after > latest) throw badInput('after', `after must be between 0 and the latest seq (${latest})`);
      subscriber.goLive(after);
    } catch (error) {
      subscriber.fail(error);
    }
  }

  /**
   * Replays `after < seq <= upTo` for one subscriber while live changes after `upTo` wait in its
   * queue; then it joins its group's live writes. Each change's answer comes from the group (one
   * execution however many of its subscribers replay it); an answer that depends on who exactly
   * reads it is executed for this subscriber alone.
   */
  private async replay(subscriber: Subscriber<Group>, after: number, upTo: number): Promise<void> {
    try {
      let last = after;
      while (last < upTo && !subscriber.ended) {
        const rows = await this.bus.since(last, REPLAY_BATCH, upTo);
        if (rows.length === 0) break;
        for (const envelope of rows) {
          if (subscriber.ended) return;
          last = envelope.seq;
          const group = subscriber.group!;
          let answer = await group.answer(envelope.seq, () => this.answerOnce(group, envelope, [subscriber]));
          if (answer === IDENTITY) answer = await this.answerFor(subscriber, envelope);
          else if (answer?.contactsOf.length && !answer.loggedFor?.has(subscriber)) {
            await this.services.contactAccess.groupRecorder(() => membersOf([subscriber])).loadMany(answer.contactsOf);
          }
          if (answer && !(await subscriber.writeReplayed(answer.payload))) return;
        }
      }
      subscriber.goLive(upTo);
    } catch (error) {
      subscriber.fail(error);
    }
  }

  /**
   * The group's answer to one change, executed as its class for `readers` (logged as reading any
   * contact in it): null when the filter refuses the change, IDENTITY when the answer depends on
   * who reads it.
   */
  private async answerOnce(
    group: Group,
    envelope: ActivityEnvelope,
    readers: readonly Subscriber<Group>[],
    scope = new ChangeScope(this.services, envelope),
  ): Promise<Answer> {
    try {
      if (!(await group.accept(envelope, scope.em))) return null;
    } catch (error) {
      if (group.identityRead) return IDENTITY;
      throw error;
    }
    const contactsOf: number[] = [];
    const payload = await this.render(group.target, envelope, scope.contextFor(group, readers, contactsOf));
    if (group.identityRead) return IDENTITY;
    // Who was logged is kept only when there is something to log (it pins the readers).
    return contactsOf.length > 0 ? { payload, contactsOf, loggedFor: new Set(readers) } : { payload, contactsOf };
  }

  /** One subscriber's own answer, executed as its viewer (an answer that depends on identity). */
  private async answerFor(subscriber: Subscriber<Group>, envelope: ActivityEnvelope): Promise<Rendered | null> {
    const em = this.services.orm.em.fork();
    if (!(await subscriber.group!.acceptFor(subscriber.viewer)(envelope, em))) return null;
    const context: Context = {
      services: this.services,
      em,
      viewer: subscriber.viewer,
      loaders: createLoaders(this.services, subscriber.viewer, false),
    };
    return { payload: await this.render(subscriber.group!.target, envelope, context), contactsOf: [] };
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let envelope = this.queue.shift(); envelope; envelope = this.queue.shift()) {
        await this.deliver(envelope).catch((error) => log.error({ err: error }, 'live delivery failed'));
      }
    } finally {
      this.running = false;
    }
  }

  /** One change to every group: decided once, executed once and serialized once per group. */
  private async deliver(envelope: ActivityEnvelope): Promise<void> {
    if (this.groups.size === 0) return;
    const scope = new ChangeScope(this.services, envelope);
    // A failure here is not fatal: each group's resolvers try again and report their own errors.
    await scope.loadSubject().catch(() => {});
    for (const group of [...this.groups.values()]) {
      if (this.groups.get(group.key) !== group) continue; // emptied meanwhile
      try {
        await this.deliverToGroup(group, scope);
      } catch (error) {
        // Never skip a change silently: these subscribers get an error (graphql-ws `error`) and
        // resubscribe with their last seq, which replays the change from the database.
        log.error(
          { err: error, seq: envelope.seq },
          'live delivery of a change failed; its subscribers resume from their last seq',
        );
        for (const s of [...group.subscribers]) if (s.wants(envelope.seq)) s.fail(error);
      }
    }
  }

  private async deliverToGroup(group: Group, scope: ChangeScope): Promise<void> {
    const { envelope } = scope;
    // Who this change is for: subscribers that joined later start after it.
    const readers = [...group.subscribers].filter((s) => s.wants(envelope.seq));
    if (readers.length === 0) return;
    const answering = this.answerOnce(group, envelope, readers, scope);
    group.remember(envelope.seq, answering);
    const answer = await answering;
    if (answer === IDENTITY) return this.splitByIdentity(group, scope);
    if (!answer) {
      for (const s of readers) s.skip(envelope.seq);
      return;
    }
    const frames = new Map<string, Buffer>();
    for (const s of readers) s.write(envelope.seq, answer.payload, frames);
    this.options.onDelivered?.(envelope);
  }

  /** The group's answers depend on who reads them: one group per identity from now on. */
  private async splitByIdentity(group: Group, scope: ChangeScope): Promise<void> {
    this.personal.add(group.baseKey);
    if (this.groups.get(group.key) === group) this.groups.delete(group.key);
    const split = new Set<Group>();
    for (const subscriber of group.subscribers) {
      const next = this.groupFor(subscriber.viewer, group.target, group.acceptFor);
      subscriber.group = next;
      next.subscribers.add(subscriber);
      split.add(next);
    }
    for (const next of split) await this.deliverToGroup(next, scope);
  }

  /** Executes a stream's selection for one change; the serialized `payload` of a `next` message. */
  private async render(
    target: Pick<LiveTarget, 'document' | 'operationName' | 'variables'>,
    envelope: ActivityEnvelope,
    context: Context,
  ): Promise<Buffer> {
    if (!this.schema) throw new Error('LiveFanOut.attach(schema) was not called');
    const result = (await execute({
      schema: this.schema,
      document: target.document,
      operationName: target.operationName,
      variableValues: target.variables,
      rootValue: envelope,
      contextValue: context,
    })) as ExecutionResult;
    const payload = result.errors ? { ...result, errors: result.errors.map(this.options.formatError) } : result;
    return Buffer.from(JSON.stringify(payload));
  }
}

/** The answer of a group whose selection reads the viewer's identity: execute per identity. */
const IDENTITY = Symbol('identity');
/** A group's answer to a change; `loggedFor`: the readers already logged for its contacts. */
type Answer = (Rendered & { loggedFor?: Set<Subscriber<Group>> }) | null | typeof IDENTITY;

const afterVariables = new WeakMap<DocumentNode, string | null>();

/**
 * The variable that only carries the stream's `after` (used once, as the root field's `after`
 * argument): it decides the replay, not the answer, so subscribers differing only in it share a
 * group.
 */
function afterVariableOf(document: DocumentNode): string | null {
  if (afterVariables.has(document)) return afterVariables.get(document)!;
  let name: string | null = null;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const selection of definition.selectionSet.selections) {
      const after = selection.kind === Kind.FIELD ? selection.arguments?.find((a) => a.name.value === 'after') : null;
      if (after?.value.kind === Kind.VARIABLE) name = after.value.name.value;
    }
  }
  let uses = 0;
  visit(document, {
    Variable(variable, _key, parent) {
      const declaration = (parent as { kind?: string } | undefined)?.kind === Kind.VARIABLE_DEFINITION;
      if (!declaration && variable.name.value === name) uses++;
    },
  });
  const result = name != null && uses === 1 ? name : null;
  afterVariables.set(document, result);
  return result;
}

function variablesWithoutAfter(target: LiveRequest): Record<string, unknown> {
  const variables = target.variables ?? {};
  const after = afterVariableOf(target.document);
  if (after == null || !(after in variables)) return variables;
  const { [after]: _after, ...rest } = variables;
  return rest;
}
