import { randomUUID } from 'node:crypto';
import { getOperationAST, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ServerOptions } from 'graphql-ws';
import { log, setRequestId } from './log.js';
import type { Metrics } from './metrics.js';
import type { RequestRecord } from './requests.js';

/** The outcome label of a result: `OK`, or the code of its first error. */
function outcomeOf(errors: readonly (GraphQLFormattedError | { extensions?: Record<string, unknown> })[] | undefined) {
  if (!errors || errors.length === 0) return 'OK';
  const code = errors[0].extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * Apollo's share: each HTTP GraphQL request's operation name, type and outcome go to the access
 * log line of the request (`request` in the context) and to the operations histogram.
 */
export function observeHttpOperations<C extends BaseContext & { request?: RequestRecord }>(
  metrics: Metrics,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operation, operationName, request }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          const outcome = outcomeOf(body?.errors);
          const name = operationName ?? operation?.name?.value ?? request.operationName ?? null;
          const type = operation?.operation ?? 'unknown';
          const record = contextValue.request;
          if (record) Object.assign(record, { operation: name, type, outcome });
          metrics.operation({ transport: 'http', type, operation: name, outcome }, seconds(started));
        },
      };
    },
  };
}

/** The graphql-ws hooks this wraps, for any connection params and extra. */
type Hooks = Pick<ServerOptions<never, never>, 'onSubscribe' | 'onOperation' | 'onNext' | 'onError' | 'onComplete'>;

interface SocketOperation {
  reqId: string;
  started: bigint;
  name: string | null;
  type: string;
  outcome: string;
  executed: boolean;
  subscription: boolean;
}

/**
 * graphql-ws's share: wraps the server options so that each operation on a socket gets a request
 * id (on every line logged while it is handled), and when it ends (executed, refused before
 * execution, or a subscription completed or left) one log line with its name, type, outcome and
 * duration, and the operations histogram. Open subscriptions are counted while they run.
 *
 * The wrapped hooks run first and their answers are returned unchanged; outcomes are read from
 * the errors as formatted for the client (the product's codes).
 */
export function observeSocketOperations<O extends Hooks>(options: O, metrics: Metrics): O {
  const operations = new WeakMap<object, Map<string, SocketOperation>>();
  const of = (ctx: object) => {
    let map = operations.get(ctx);
    if (!map) operations.set(ctx, (map = new Map()));
    return map;
  };
  const finish = (ctx: object, id: string) => {
    const op = of(ctx).get(id);
    if (!op) return;
    of(ctx).delete(id);
    if (op.subscription) metrics.subscriptionClosed();
    const took = seconds(op.started);
    metrics.operation({ transport: 'ws', type: op.type, operation: op.name, outcome: op.outcome }, took);
    log.info(
      { reqId: op.reqId, operation: op.name, type: op.type, outcome: op.outcome, ms: Math.round(took * 1e4) / 10 },
      'websocket operation',
    );
  };

  return {
    ...options,
    async onSubscribe(ctx, id, payload) {
      const reqId = randomUUID();
      setRequestId(reqId);
      const name = typeof payload.operationName === 'string' ? payload.operationName : null;
      of(ctx).set(id, {
        reqId,
        started: process.hrtime.bigint(),
        name,
        type: 'unknown',
        outcome: 'OK',
        executed: false,
        subscription: false,
      });
      try {
        return await options.onSubscribe?.(ctx, id, payload);
      } catch (error) {
        const op = of(ctx).get(id);
        if (op) op.outcome = 'INTERNAL_SERVER_ERROR';
        finish(ctx, id);
        throw error;
      }
    },
    async onOperation(ctx, id, payload, args, result) {
      const answer = await options.onOperation?.(ctx, id, payload, args, result);
      const op = of(ctx).get(id);
      if (op) {
        const ast = getOperationAST(args.document, args.operationName);
        op.executed = true;
        op.type = ast?.operation ?? 'unknown';
        op.name = ast?.name?.value ?? op.name;
        const final = answer ?? result;
        if (Symbol.asyncIterator in Object(final)) {
          op.subscription = true;
          metrics.subscriptionOpened();
        } else {
          op.outcome = outcomeOf((final as ExecutionResult).errors);
        }
      }
      return answer;
    },
    async onNext(ctx, id, payload, args, result) {
      const answer = await options.onNext?.(ctx, id, payload, args, result);
      const op = of(ctx).get(id);
      if (op) op.outcome = outcomeOf(((answer ?? result) as ExecutionResult).errors);
      return answer;
    },
    async onError(ctx, id, payload, errors) {
      const answer = await options.onError?.(ctx, id, payload, errors);
      const op = of(ctx).get(id);
      if (op) {
        op.outcome = outcomeOf((answer ?? errors.map((e) => e.toJSON())) as GraphQLFormattedError[]);
        // Refused before execution: graphql-ws calls no `onComplete` for it.
        if (!op.executed) finish(ctx, id);
      }
      return answer;
    },
    async onComplete(ctx, id, payload) {
      await options.onComplete?.(ctx, id, payload);
      finish(ctx, id);
    },
  };
}
