import { GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import {
  MessageType,
  areGraphQLErrors,
  stringifyMessage,
  type Context as WsContext,
  type ServerOptions,
  type SubscribeMessage,
} from 'graphql-ws';
import { Subscriber } from './subscriber.js';

/** What `subscribeLive` needs of the connection: graphql-ws's `send` (resolves once written). */
export interface LiveConnection {
  send(data: string): Promise<void>;
}

type Options = ServerOptions<Record<string, unknown> | undefined, Record<PropertyKey, unknown>>;
type Ctx = WsContext<Record<string, unknown> | undefined, Record<PropertyKey, unknown>>;

/**
 * Serves one graphql-ws `subscribe` message for a live stream (an operation the fan-out writes
 * itself), step for step as graphql-ws' `makeServer` does, with the same hooks: `onSubscribe`
 * (limits, validation: its errors go back as an `error` message), `context`, `subscribe`,
 * `onOperation`, then `onNext`/`onError`/`onComplete` for what is sent. The operation is
 * registered in `ctx.subscriptions` under its id, so graphql-ws itself still refuses a duplicate
 * id (4409), ends it on the client's `complete` (`return()`) and when the socket closes.
 *
 * What differs is only what it keeps while the operation is open: graphql-ws awaits the
 * operation's stream in a suspended async frame holding the message, the execution arguments
 * (with the context), its emit closures and promises, several kilobytes per subscription; here
 * the fan-out's Subscriber is told when it ends (`onSettled`) and nothing else is held.
 *
 * The caller checked that the connection is acknowledged and the id is free. Rejects with what
 * a hook threw, as graphql-ws's message handling does (the adapter closes the socket with 1011).
 */
export async function subscribeLive(
  options: Options,
  ctx: Ctx,
  connection: LiveConnection,
  message: SubscribeMessage,
  onFailure: (error: unknown) => void,
): Promise<void> {
  const { id, payload } = message;
  const emit = emitter(options, ctx, connection, message);
  ctx.subscriptions[id] = null;
  let open = false; // once true, the operation's end removes it from ctx.subscriptions
  try {
    const argsOrErrors = await options.onSubscribe?.(ctx, id, payload);
    if (!argsOrErrors || !('schema' in argsOrErrors)) {
      if (areGraphQLErrors(argsOrErrors)) return id in ctx.subscriptions ? await emit.error(argsOrErrors) : undefined;
      // Served here only when onSubscribe gives the arguments (it validates); graphql-ws would do the same.
      throw new Error('subscribeLive needs an onSubscribe hook that returns the execution arguments');
    }
    const args: ExecutionArgs = { ...argsOrErrors };
    if (!('contextValue' in args) && options.context !== undefined) {
      args.contextValue =
        typeof options.context === 'function' ? await options.context(ctx, id, payload, args) : options.context;
    }
    if (!options.subscribe) throw new Error('subscribeLive needs the server’s subscribe');
    let result: unknown = await options.subscribe(args);
    const maybeResult = await options.onOperation?.(ctx, id, payload, args, result as ExecutionResult);
    if (maybeResult) result = maybeResult;

    if (!(result instanceof Subscriber)) {
      // Not a live stream after all (the resolver refused it: an ExecutionResult with errors).
      if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
        void (result as unknown as AsyncIterator<unknown>).return?.();
        throw new Error('subscribeLive serves only the fan-out’s streams');
      }
      if (id in ctx.subscriptions) await emit.next(result as ExecutionResult, args);
      await emit.complete(id in ctx.subscriptions);
      return;
    }
    const subscriber = result;
    if (!(id in ctx.subscriptions)) {
      // The client completed it while it was being set up.
      await subscriber.return();
      return;
    }
    ctx.subscriptions[id] = subscriber;
    open = true;
    // Only what ending it takes is kept (not the arguments, the context or the emitters).
    subscriber.onSettled((failure) => {
      settle(options, ctx, connection, message, subscriber, failure).catch(onFailure);
    });
  } finally {
    if (!open) delete ctx.subscriptions[id];
  }
}

/** How graphql-ws ends an operation whose stream ended (the server completed it) or failed. */
async function settle(
  options: Options,
  ctx: Ctx,
  connection: LiveConnection,
  message: SubscribeMessage,
  subscriber: Subscriber,
  failure: { error: unknown } | null,
): Promise<void> {
  const { id } = message;
  // Still registered: not completed by the client, nor the socket closed (graphql-ws empties it then).
  const ours = () => ctx.subscriptions[id] === subscriber;
  const emit = emitter(options, ctx, connection, message);
  try {
    if (failure) {
      const original = failure.error instanceof Error ? failure.error : new Error(String(failure.error));
      await emit.error([new GraphQLError(original.message, { originalError: original })]);
      if (ours()) delete ctx.subscriptions[id];
    }
    await emit.complete(ours());
  } finally {
    if (ours()) delete ctx.subscriptions[id];
  }
}

/** graphql-ws's `emit`: each message through its hook, then stringified with the replacer. */
function emitter(options: Options, ctx: Ctx, connection: LiveConnection, { id, payload }: SubscribeMessage) {
  const replacer = options.jsonMessageReplacer;
  return {
    next: async (result: ExecutionResult, args: ExecutionArgs) => {
      const { errors, ...resultWithoutErrors } = result;
      const maybeResult = await options.onNext?.(ctx, id, payload, args, result);
      await connection.send(
        stringifyMessage(
          {
            id,
            type: MessageType.Next,
            payload: maybeResult || {
              ...resultWithoutErrors,
              ...(errors ? { errors: errors.map((e) => e.toJSON()) } : {}),
            },
          },
          replacer,
        ),
      );
    },
    error: async (errors: readonly GraphQLError[]) => {
      const maybeErrors = await options.onError?.(ctx, id, payload, errors);
      await connection.send(
        stringifyMessage(
          { id, type: MessageType.Error, payload: maybeErrors || errors.map((e) => e.toJSON()) },
          replacer,
        ),
      );
    },
    complete: async (notifyClient: boolean) => {
      await options.onComplete?.(ctx, id, payload);
      if (notifyClient) await connection.send(stringifyMessage({ id, type: MessageType.Complete }, replacer));
    },
  };
}
