import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

// Apollo's codes for a document that does not parse, does not validate (the limits included),
// or whose variables do not fit; the guard's refusals before execution carry BAD_USER_INPUT too.
const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/** Whether the client asked for `application/json` and not `application/graphql-response+json`. */
function wantsLegacyJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((part) => part.split(';')[0].trim().toLowerCase());
  return types.includes('application/json') && !types.includes('application/graphql-response+json');
}

/**
 * GraphQL over HTTP: a client that accepts only `application/json` reads errors from the body and
 * SHOULD get 200 for a document that does not parse or validate or variables that do not coerce
 * (clients predating the spec treat any 4xx as a transport failure and lose the message). Apollo
 * answers 400; this turns those answers, and only those, into 200. With
 * `application/graphql-response+json` (or no explicit JSON) the 400 stays, as the spec asks.
 * Malformed requests (no query, a bad body), sign-in failures (401) and rate limits (429) keep
 * their status.
 */
export function legacyJsonStatus<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ request }) {
      if (!wantsLegacyJson(request.http?.headers.get('accept'))) return;
      return {
        async willSendResponse({ response, errors }) {
          if (response.http.status !== 400 || !errors || errors.length === 0) return;
          if (response.body.kind === 'single' && response.body.singleResult.data !== undefined) return;
          const all = errors.every((error) => {
            const code = error.extensions?.code;
            return typeof code === 'string' && REQUEST_ERRORS.has(code);
          });
          if (all) response.http.status = 200;
        },
      };
    },
  };
}
