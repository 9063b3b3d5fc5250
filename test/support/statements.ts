import type { TestServer } from './server.js';

/** Starts recording every SQL statement `server` runs; `stop()` ends it and returns them. */
export function recordStatements(server: TestServer): { stop(): string[] } {
  const knex = (server.app.orm.em.getConnection() as any).getKnex();
  const statements: string[] = [];
  const listener = (q: { sql: string }) => statements.push(q.sql);
  knex.on('query', listener);
  return {
    stop() {
      knex.removeListener('query', listener);
      return statements.slice();
    },
  };
}

/**
 * Every SQL statement `server` runs while `during` runs, and in the `settleMs` after it (so
 * that work a delivery still does after the last client got its message counts too).
 */
export async function statementsOf(server: TestServer, during: () => Promise<void>, settleMs = 300): Promise<string[]> {
  const recording = recordStatements(server);
  try {
    await during();
    await new Promise((r) => setTimeout(r, settleMs));
  } catch (error) {
    recording.stop();
    throw error;
  }
  return recording.stop();
}

/** The reads of the activity table among `statements` (not of its sequence counter). */
export const readsOfActivity = (statements: string[]): string[] =>
  statements.filter((s) => /^\s*select\b/i.test(s) && /\bfrom\s+[`"]?activity[`"]?(?!\w)/i.test(s));
