import { describe, expect, it } from 'vitest';
import { buildSchema as buildFromSdl } from 'graphql';
import { buildAppSchema } from '../schema.js';
import { undeclaredOperations } from './access.js';

describe('access declarations', () => {
  it('every query, mutation and subscription states who may call it', async () => {
    const schema = await buildAppSchema();
    expect(undeclaredOperations(schema)).toEqual([]);
    const roots = [schema.getQueryType()!, schema.getMutationType()!, schema.getSubscriptionType()!];
    const access = Object.fromEntries(
      roots.flatMap((root) =>
        Object.values(root.getFields()).map((f) => [`${root.name}.${f.name}`, f.extensions.access]),
      ),
    );
    // Spot-check the product's rules: residents report, support and RSVP; triage is for members.
    expect(access['Mutation.reportIssue']).toBe('PUBLIC');
    expect(access['Mutation.supportIssue']).toBe('PUBLIC');
    expect(access['Mutation.rsvpEvent']).toBe('PUBLIC');
    expect(access['Mutation.setIssueStatus']).toBe('COORDINATOR,OFFICER,PARTNER');
    expect(access['Mutation.createEvent']).toBe('COORDINATOR,OFFICER,PARTNER');
  });

  it('finds operations that declare nothing', () => {
    const schema = buildFromSdl('type Query { a: Int, b: Int } type Mutation { c: Int }');
    expect(undeclaredOperations(schema)).toEqual(['Query.a', 'Query.b', 'Mutation.c']);
  });
});
