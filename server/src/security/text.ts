import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { ErrorCode } from '../common/errors.js';

const NUL = '\u0000';

/**
 * Whether any text in the operation (a string literal in the document, or a string anywhere in
 * the variables) contains U+0000. Neither database stores it (PostgreSQL rejects it; SQLite ends
 * the statement there), and no person types it, so it is refused up front as bad input instead
 * of failing deep in a write.
 */
export function containsNul(document: DocumentNode, variables: unknown): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes(NUL)) found = true;
    },
  });
  return found || valueContainsNul(variables, 0);
}

function valueContainsNul(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (depth > 64 || value == null || typeof value !== 'object') return false;
  const items = Array.isArray(value) ? value : Object.entries(value).flat();
  return items.some((item) => valueContainsNul(item, depth + 1));
}

export const nulRefusal = (): GraphQLError =>
  new GraphQLError('Text may not contain the NUL character (U+0000)', {
    extensions: { code: ErrorCode.BAD_USER_INPUT },
  });
