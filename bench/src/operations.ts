import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type FieldNode, type SelectionSetNode } from 'graphql';
import { ROOT } from './procs.js';

/**
 * The subscriptions the clients send. The board's is read from the web app's own files, so the
 * bench follows the board when its operation changes; the public page's uses the public list's
 * fragment (the page itself polls today; this is the live version it would open). Both get
 * `__typename` in every selection set, as Apollo Client adds it on the wire. Tools send a plain
 * selection of their own.
 */
export interface Operation {
  operationName: string;
  query: string;
}

/** The text inside the `graphql(\`…\`)` call of a web operation or fragment file. */
function documentIn(file: string): string {
  const source = fs.readFileSync(path.join(ROOT, 'web/src/features', file), 'utf8');
  const match = /graphql\(`([\s\S]*?)`\)/.exec(source);
  if (!match) throw new Error(`no graphql\`…\` document in web/src/features/${file}`);
  return match[1];
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** What Apollo Client's `addTypenameToDocument` does: `__typename` in every selection set but the operation's root. */
function withTypename(text: string): string {
  const document = visit(parse(text), {
    SelectionSet: (node: SelectionSetNode, _key, parent) => {
      const isRoot = parent && !Array.isArray(parent) && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION;
      const has = node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename');
      if (isRoot || has) return undefined;
      return { ...node, selections: [...node.selections, TYPENAME] };
    },
  });
  return print(document);
}

export function boardOperation(): Operation {
  const text =
    documentIn('board/graphql/subscriptions/boardIssueChanged.subscription.ts') +
    documentIn('board/graphql/fragments/boardIssue.fragment.ts');
  return { operationName: 'BoardIssueChanged', query: withTypename(text) };
}

export function publicOperation(): Operation {
  const text = `
    subscription PublicIssueChanged($filter: IssueFilter, $after: Int) {
      issueChanged(filter: $filter, after: $after) {
        seq
        kind
        issue {
          ...PublicIssue
        }
      }
    }
  ${documentIn('public/graphql/fragments/publicIssue.fragment.ts')}`;
  return { operationName: 'PublicIssueChanged', query: withTypename(text) };
}

export function toolOperation(): Operation {
  return {
    operationName: 'ToolIssueChanged',
    query: print(
      parse(`
        subscription ToolIssueChanged($after: Int) {
          issueChanged(after: $after) {
            seq
            kind
            issue { id title status category priority version updatedAt location { lat lng precise } }
          }
        }`),
    ),
  };
}

/** The board's default filter: the statuses of its columns, read from web/src/features/board/board.columns.ts. */
export function boardStatuses(): string[] {
  const source = fs.readFileSync(path.join(ROOT, 'web/src/features/board/board.columns.ts'), 'utf8');
  const match = /BOARD_COLUMNS[\s\S]*?\(\s*\[([^\]]*)\]\s*as const/.exec(source);
  if (!match) throw new Error('could not read BOARD_COLUMNS from web/src/features/board/board.columns.ts');
  return [...match[1].matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
}

/** A query of the web app, read from its own files, with `__typename` added as Apollo Client sends it. */
function webQuery(operationName: string, files: string[]): Operation {
  return { operationName, query: withTypename(files.map(documentIn).join('\n')) };
}

/**
 * The hot reads, as the web app sends them: the operation and fragment texts come from
 * web/src/features/<f>/graphql/, so the bench follows the pages when their queries change.
 */
export const READ_OPERATIONS = {
  board: () =>
    webQuery('BoardIssues', [
      'board/graphql/queries/boardIssues.query.ts',
      'board/graphql/fragments/boardIssue.fragment.ts',
    ]),
  public: () =>
    webQuery('PublicIssues', [
      'public/graphql/queries/publicIssues.query.ts',
      'public/graphql/fragments/publicIssue.fragment.ts',
    ]),
  drawer: () =>
    webQuery('BoardIssueDrawer', [
      'board/graphql/queries/boardIssueDrawer.query.ts',
      'board/graphql/fragments/boardIssueDetail.fragment.ts',
      'board/graphql/fragments/boardIssue.fragment.ts',
      'board/graphql/fragments/boardTimelineEntry.fragment.ts',
    ]),
  events: () =>
    webQuery('EventsList', [
      'events/graphql/queries/eventsList.query.ts',
      'events/graphql/fragments/eventCard.fragment.ts',
    ]),
  activity: () =>
    webQuery('ActivityFeed', [
      'activity/graphql/queries/activityFeed.query.ts',
      'activity/graphql/fragments/activityEntry.fragment.ts',
    ]),
} satisfies Record<string, () => Operation>;

/** A `const NAME = <number>;` of a web source file (page sizes), so the bench asks for what the pages ask for. */
export function webConstant(file: string, name: string): number {
  const source = fs.readFileSync(path.join(ROOT, 'web/src/features', file), 'utf8');
  const match = new RegExp(`const ${name}\\s*=\\s*(\\d+)`).exec(source);
  if (!match) throw new Error(`no const ${name} in web/src/features/${file}`);
  return Number(match[1]);
}
