import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { openDatabase } from '../../../server/src/db/orm.js';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { seedBasics, TEST_PASSWORD, type Basics } from '../../support/fixtures.js';

export interface City {
  db: TestDatabase;
  /** DATABASE_URL for the server processes. */
  databaseUrl: string;
  basics: Basics;
}

/** A fresh database of `dialect`, migrated and seeded with the basic fixtures, for servers to share. */
export async function prepareCity(dialect: 'postgres' | 'sqlite' = 'postgres'): Promise<City> {
  const db = await freshDatabase(dialect);
  const orm = await openDatabase(db.config);
  try {
    const basics = await seedBasics(orm);
    const databaseUrl = db.config.dialect === 'postgres' ? db.config.url : `sqlite:${db.config.file}`;
    return { db, databaseUrl, basics };
  } finally {
    await orm.close(true);
  }
}

export interface Answer<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POST /graphql at `url` (a server or the load balancer in front of it). */
export async function gql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
): Promise<Answer<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as Omit<Answer<T>, 'status'>) };
}

export async function login(url: string, email: string): Promise<string> {
  const res = await gql<{ login: { token: string } }>(
    url,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: email, p: TEST_PASSWORD },
  );
  if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

export const REPORT = 'mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id title } }';

/** `reportIssue`'s variables for an issue titled `title` in the fixtures' Eastside. */
export function report(city: City, title: string): Record<string, unknown> {
  return {
    input: {
      title,
      description: 'Seen on the way to work',
      category: 'LIGHTING',
      neighborhoodId: city.basics.neighborhoods.east,
    },
  };
}

export interface ResumingSubscriber {
  client: Client;
  /** Every `issueChanged` received, in order. */
  changes: { seq: number; kind: string; issue: { id: string; title: string } }[];
  /** Close codes of the sockets it lost. */
  closeCodes: number[];
  /** The URL of each socket the server acknowledged, in order. */
  connectedTo: string[];
  errors: unknown[];
  dispose(): Promise<void>;
}

/**
 * The README's resuming client: graphql-ws retrying for ever, `after` moved forward with every
 * change so a reconnection resumes where it left off. `urls` is tried in turn, one per socket
 * (the load balancer's job when there is one; give one URL then).
 */
export function resumingSubscriber(urls: string[], token: string | null, after: number): ResumingSubscriber {
  let attempt = 0;
  let current = urls[0];
  const subscriber: Omit<ResumingSubscriber, 'client' | 'dispose'> = {
    changes: [],
    closeCodes: [],
    connectedTo: [],
    errors: [],
  };
  const client = createClient({
    url: () => (current = urls[attempt++ % urls.length]),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: Infinity,
    retryWait: () => new Promise((r) => setTimeout(r, 100)),
    on: {
      connected: () => subscriber.connectedTo.push(current),
      closed: (event) => subscriber.closeCodes.push((event as { code: number }).code),
    },
  });
  const payload = {
    query: 'subscription($after: Int) { issueChanged(after: $after) { seq kind issue { id title } } }',
    variables: { after },
  };
  client.subscribe<{ issueChanged: ResumingSubscriber['changes'][number] }>(payload, {
    next: ({ data, errors }) => {
      if (errors) subscriber.errors.push(errors);
      if (!data) return;
      subscriber.changes.push(data.issueChanged);
      payload.variables.after = data.issueChanged.seq; // graphql-ws sends this payload again on reconnecting
    },
    error: (error) => subscriber.errors.push(error),
    complete: () => undefined,
  });
  return { ...subscriber, client, dispose: () => client.dispose() as Promise<void> };
}
