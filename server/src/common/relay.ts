import { Cursor } from '@mikro-orm/core';
import { Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';

/** Types whose ids are Relay global ids. The name is part of every id: never rename one. */
export type NodeTypeName =
  | 'Organization'
  | 'Member'
  | 'Neighborhood'
  | 'CommunityIssue'
  | 'IssueUpdate'
  | 'SharedEvent'
  | 'Activity'
  | 'ApiToken'
  | 'Invitation'
  | 'CoHostInvitation';

/** `base64url("CommunityIssue:12")`: opaque to clients, stable across databases. */
export const toGlobalId = (type: NodeTypeName, pk: number): string =>
  Buffer.from(`${type}:${pk}`).toString('base64url');

/** Decodes a global id; `null` when it is not one (callers decide what that means). */
export function parseGlobalId(id: string): { type: string; pk: number } | null {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):([1-9][0-9]{0,15})$/.exec(decoded);
  if (!match) return null;
  return { type: match[1], pk: Number(match[2]) };
}

/** The database key behind a global id of the expected type, or BAD_USER_INPUT naming `field`. */
export function pkOf(id: string, type: NodeTypeName, field: string): number {
  const parsed = parseGlobalId(id);
  if (!parsed || parsed.type !== type) throw badInput(field, `${field} is not a ${type} id`);
  return parsed.pk;
}

@InterfaceType('Node', { description: 'An object with a Relay global id.' })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the Relay `XConnection` and `XEdge` object types for a node type. */
export function Connection<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/** Validates `first`: 1..100, default 50. */
export function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/** A MikroORM `Cursor` page as a Relay connection. */
export function toConnection<T extends object>(page: {
  items: T[];
  totalCount?: number;
  hasNextPage: boolean | null;
  hasPrevPage: boolean | null;
  startCursor: string | null;
  endCursor: string | null;
  from(item: T): string;
}): ConnectionShape<T> {
  return {
    edges: page.items.map((node) => ({ cursor: page.from(node), node })),
    pageInfo: {
      hasNextPage: Boolean(page.hasNextPage),
      hasPreviousPage: Boolean(page.hasPrevPage),
      startCursor: page.startCursor,
      endCursor: page.endCursor,
    },
    totalCount: page.totalCount ?? page.items.length,
  };
}

/** An `after` cursor as MikroORM wants it, or BAD_USER_INPUT when it is not one of ours. */
export function checkCursor(after: string | null | undefined): string | undefined {
  if (after == null || after === '') return undefined;
  try {
    const decoded: unknown = Cursor.decode(after);
    if (Array.isArray(decoded)) return after;
  } catch {
    // fall through
  }
  throw badInput('after', 'after is not a cursor from this list');
}
