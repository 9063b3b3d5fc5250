import { GraphQLError, getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '../common/errors.js';

/** As Apollo's `hideSchemaDetailsFromClientErrors`: no "Did you mean …?" naming schema fields or enum values. */
export function withoutSuggestions(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message.replace(/ ?Did you mean(.+?)\?$/, ''), {
    nodes: error.nodes,
    extensions: error.extensions,
  });
}

/**
 * The variables' coercion errors, checked ahead of execution so that, with introspection off,
 * they can go out without suggestions: graphql-js writes `Did you mean "search"?` or `Did you
 * mean the enum value "GRAFFITI"?` into them, and neither Apollo nor graphql-ws strips those
 * (Apollo's option covers validation only). Empty when the variables fit.
 */
export function variableErrors(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError[] {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 20 });
  if (!result.errors) return [];
  return result.errors.map((error) =>
    withoutSuggestions(
      new GraphQLError(error.message, {
        nodes: error.nodes,
        extensions: { ...error.extensions, code: ErrorCode.BAD_USER_INPUT },
      }),
    ),
  );
}
