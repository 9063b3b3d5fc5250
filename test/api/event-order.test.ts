import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { acceptCoHosting, buildEvent, buildMember, buildOrganization } from '../support/factories.js';

// An event's co-hosts and staff come in one defined order, by organization name then key,
// compared by code unit: the same on SQLite and on PostgreSQL whatever its collation (a locale
// one would put "block watch" between "Block Club" and "City Police"), from the list, the event
// and a mutation's answer alike.

const FIELDS = 'coHosts { name } staff { organization { name } }';

let server: TestServer;
let coordinator: string;
let eventId: string;

beforeAll(async () => {
  server = await startServer();
  coordinator = await server.login(server.basics.emails.coordinator);
  const { youth, health } = server.basics.orgs;
  // Created after the seeded ones, so key order and name order differ.
  const watch = await buildOrganization(server, coordinator, { name: 'block watch' });
  const club = await buildOrganization(server, coordinator, { name: 'Block Club' });
  const event = await buildEvent(server, coordinator, { coHostOrganizationIds: [youth, health, watch.id, club.id] });
  eventId = event.id;
  const partnerOf = async (organizationId: string) =>
    server.login((await buildMember(server, coordinator, { organizationId })).email);
  for (const organizationId of [youth, health, watch.id, club.id]) {
    await acceptCoHosting(server, await partnerOf(organizationId), eventId);
  }
  for (const organizationId of [youth, club.id, server.basics.orgs.agency, watch.id, health]) {
    const res = await server.gql(
      'mutation($id: ID!, $org: ID) { commitStaff(eventId: $id, count: 2, organizationId: $org) { id } }',
      { id: eventId, org: organizationId },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
  }
}, 120_000);
afterAll(() => server?.close());

describe('SharedEvent.coHosts and SharedEvent.staff', () => {
  it('come by organization name, in code-unit order, wherever the event is read from', async () => {
    const coHosts = ['Block Club', 'Community Health', 'Youth Alliance', 'block watch'];
    const staff = ['Block Club', 'City Police', 'Community Health', 'Youth Alliance', 'block watch'];
    const expected = {
      coHosts: coHosts.map((name) => ({ name })),
      staff: staff.map((name) => ({ organization: { name } })),
    };
    const list = await server.gql(`{ events(first: 5) { edges { node { id ${FIELDS} } } } }`, {}, coordinator);
    expect(list.errors).toBeUndefined();
    const { id: _id, ...fromList } = list.data.events.edges.find(
      (e: { node: { id: string } }) => e.node.id === eventId,
    ).node;
    expect(fromList).toEqual(expected);
    const one = await server.gql(`query($id: ID!) { event(id: $id) { ${FIELDS} } }`, { id: eventId }, coordinator);
    expect(one.data.event).toEqual(expected);
    const answer = await server.gql(
      `mutation($id: ID!) { commitStaff(eventId: $id, count: 3) { ${FIELDS} } }`,
      { id: eventId },
      coordinator,
    );
    expect(answer.data.commitStaff).toEqual(expected);
  });
});
