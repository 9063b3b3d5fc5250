/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment BoardIssue on CommunityIssue {\n    id\n    title\n    status\n    category\n    neighborhood {\n      id\n      name\n    }\n    supportersCount\n    version\n  }\n": typeof types.BoardIssueFragmentDoc,
    "\n  query BoardIssues($statuses: [IssueStatus!]!, $first: Int!) {\n    issues(filter: { status: $statuses }, first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...BoardIssue\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.BoardIssuesDocument,
    "\n  subscription IssueChanged($statuses: [IssueStatus!]!) {\n    issueChanged(filter: { status: $statuses }) {\n      seq\n      kind\n      issue {\n        ...BoardIssue\n      }\n    }\n  }\n": typeof types.IssueChangedDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        name\n        role\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ViewerDocument,
};
const documents: Documents = {
    "\n  fragment BoardIssue on CommunityIssue {\n    id\n    title\n    status\n    category\n    neighborhood {\n      id\n      name\n    }\n    supportersCount\n    version\n  }\n": types.BoardIssueFragmentDoc,
    "\n  query BoardIssues($statuses: [IssueStatus!]!, $first: Int!) {\n    issues(filter: { status: $statuses }, first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...BoardIssue\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.BoardIssuesDocument,
    "\n  subscription IssueChanged($statuses: [IssueStatus!]!) {\n    issueChanged(filter: { status: $statuses }) {\n      seq\n      kind\n      issue {\n        ...BoardIssue\n      }\n    }\n  }\n": types.IssueChangedDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        name\n        role\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardIssue on CommunityIssue {\n    id\n    title\n    status\n    category\n    neighborhood {\n      id\n      name\n    }\n    supportersCount\n    version\n  }\n"): (typeof documents)["\n  fragment BoardIssue on CommunityIssue {\n    id\n    title\n    status\n    category\n    neighborhood {\n      id\n      name\n    }\n    supportersCount\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardIssues($statuses: [IssueStatus!]!, $first: Int!) {\n    issues(filter: { status: $statuses }, first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...BoardIssue\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardIssues($statuses: [IssueStatus!]!, $first: Int!) {\n    issues(filter: { status: $statuses }, first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...BoardIssue\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IssueChanged($statuses: [IssueStatus!]!) {\n    issueChanged(filter: { status: $statuses }) {\n      seq\n      kind\n      issue {\n        ...BoardIssue\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription IssueChanged($statuses: [IssueStatus!]!) {\n    issueChanged(filter: { status: $statuses }) {\n      seq\n      kind\n      issue {\n        ...BoardIssue\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        name\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        name\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;