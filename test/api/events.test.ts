import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused as refused, sqlOf, theError } from '../support/assert.js';
import { startServer, type GqlResult, type TestServer } from '../support/server.js';
import { acceptCoHosting, buildEvent, buildIssue, snapshotDb } from '../support/factories.js';
import { globalId, pkOf } from '../support/ids.js';

// What a board or a tool reads back after a change.
const EVENT = `query($id: ID!) {
  event(id: $id) {
    id title description kind status startsAt endsAt locationName capacity rsvpCount isPublic cancelReason version
    viewerCanEdit
    location { lat lng precise }
    neighborhood { id }
    host { id }
    coHosts { id }
    issues { id }
    rsvps { name email partySize }
    staff { count note organization { id name } }
    staffCount
  }
}`;
const CREATE = `mutation($input: CreateEventInput!) {
  createEvent(input: $input) { id title version status capacity isPublic host { id } coHosts { id } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!, $v: Int) {
  updateEvent(id: $id, input: $input, expectedVersion: $v) { id title status version capacity }
}`;
const CANCEL = `mutation($id: ID!, $reason: String!, $v: Int) {
  cancelEvent(id: $id, reason: $reason, expectedVersion: $v) { id status cancelReason version }
}`;
const RSVP = `mutation($id: ID!, $input: RsvpInput!) { rsvpEvent(id: $id, input: $input) { id rsvpCount version } }`;
const COMMIT = `mutation($id: ID!, $count: Int!, $org: ID, $note: String, $v: Int) {
  commitStaff(eventId: $id, count: $count, organizationId: $org, note: $note, expectedVersion: $v) {
    id version staffCount staff { count note organization { id } }
  }
}`;

let server: TestServer;
let coordinator: string;
let officer: string;
let partner: string; // Youth Alliance
let otherPartner: string; // Community Health

beforeAll(async () => {
  server = await startServer();
  coordinator = await server.login(server.basics.emails.coordinator);
  officer = await server.login(server.basics.emails.officer);
  partner = await server.login(server.basics.emails.partner);
  otherPartner = await server.login(server.basics.emails.otherPartner);
});
afterAll(() => server?.close());

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

const readEvent = async (id: string, token: string | null = null) => {
  const res = await server.gql(EVENT, { id }, token);
  expect(res.errors).toBeUndefined();
  return res.data.event;
};

const sql = sqlOf(() => server);

/** A valid CreateEventInput two days out, with `overrides`. */
const eventInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Health fair',
  kind: 'HEALTH_FAIR',
  startsAt: hoursFromNow(48),
  endsAt: hoursFromNow(52),
  locationName: 'Eastside Library',
  ...overrides,
});

const expectRefused = (run: () => Promise<GqlResult>, code: string, message?: RegExp) =>
  refused(server, run, code, message);

describe('createEvent', () => {
  it('requires a signed-in member', async () => {
    await expectRefused(() => server.gql(CREATE, { input: eventInput() }), 'UNAUTHENTICATED');
  });

  it('lets partners and officers host only as their own organization; a coordinator may host for another', async () => {
    await expectRefused(
      () => server.gql(CREATE, { input: eventInput({ hostOrganizationId: server.basics.orgs.health }) }, partner),
      'FORBIDDEN',
      /only as your own organization/,
    );
    await expectRefused(
      () => server.gql(CREATE, { input: eventInput({ hostOrganizationId: server.basics.orgs.youth }) }, officer),
      'FORBIDDEN',
      /only as your own organization/,
    );
    const res = await server.gql(
      CREATE,
      { input: eventInput({ title: 'Hosted for youth', hostOrganizationId: server.basics.orgs.youth }) },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect((await readEvent(res.data.createEvent.id)).host.id).toBe(server.basics.orgs.youth);
  });

  it("creates a partner's event hosted by their organization, with everything it was given", async () => {
    const issue = await buildIssue(server, { title: 'Kids have nowhere to go' });
    const startsAt = hoursFromNow(72);
    const endsAt = hoursFromNow(75);
    const res = await server.gql(
      CREATE,
      {
        input: eventInput({
          title: '  Midnight basketball  ',
          kind: 'YOUTH_PROGRAM',
          description: 'Bring water',
          startsAt,
          endsAt,
          locationName: 'Eastside gym',
          location: { lat: 45.52, lng: -122.64 },
          neighborhoodId: server.basics.neighborhoods.east,
          coHostOrganizationIds: [server.basics.orgs.health, server.basics.orgs.youth],
          capacity: 30,
          issueIds: [issue.id],
        }),
      },
      partner,
    );
    expect(res.errors).toBeUndefined();
    const created = res.data.createEvent;
    expect(created).toMatchObject({ title: 'Midnight basketball', status: 'PLANNED', capacity: 30, isPublic: true });
    // Named co-hosts are invited: Health co-hosts once it accepts (cohosts.test.ts tests the rest).
    expect(created.coHosts).toEqual([]);
    const version = await acceptCoHosting(server, otherPartner, created.id);

    const seen = await readEvent(created.id);
    expect(seen).toMatchObject({
      title: 'Midnight basketball',
      kind: 'YOUTH_PROGRAM',
      description: 'Bring water',
      startsAt,
      endsAt,
      locationName: 'Eastside gym',
      location: { lat: 45.52, lng: -122.64, precise: true },
      neighborhood: { id: server.basics.neighborhoods.east },
      host: { id: server.basics.orgs.youth },
      // The host is not its own co-host.
      coHosts: [{ id: server.basics.orgs.health }],
      issues: [{ id: issue.id }],
      capacity: 30,
      rsvpCount: 0,
      version,
      viewerCanEdit: false,
    });
    const list = await server.gql(
      'query($org: ID!) { events(filter: { organizationId: $org }) { edges { node { id } } } }',
      {
        org: server.basics.orgs.health,
      },
    );
    expect(list.data.events.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(created.id);
  });

  it('keeps a members-only event from the public', async () => {
    const event = await buildEvent(server, officer, { title: 'Partners briefing', isPublic: false });
    expect((await server.gql(EVENT, { id: event.id })).data.event).toBeNull();
    const publicList = await server.gql('query { events(first: 100) { edges { node { id } } } }');
    expect(publicList.data.events.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(event.id);
    expect((await readEvent(event.id, otherPartner)).title).toBe('Partners briefing');
  });

  type Case = [string, (s: TestServer) => Record<string, unknown>, RegExp];
  const cases: Case[] = [
    ['a too-short title', () => ({ title: 'ab' }), /title must be 3 to 200/],
    ['a too-long title', () => ({ title: 't'.repeat(201) }), /title must be 3 to 200/],
    ['an unknown kind', () => ({ kind: 'PARTY' }), /"input\.kind".*EventKind/],
    ['latitude 91', () => ({ location: { lat: 91, lng: -122.6 } }), /location\.lat must be between -90 and 90/],
    ['longitude -200', () => ({ location: { lat: 45.5, lng: -200 } }), /location\.lng must be between -180 and 180/],
    [
      'endsAt before startsAt',
      () => ({ startsAt: hoursFromNow(50), endsAt: hoursFromNow(49) }),
      /endsAt must be after startsAt/,
    ],
    [
      'endsAt equal to startsAt',
      () => ({ startsAt: hoursFromNow(50), endsAt: hoursFromNow(50) }),
      /endsAt must be after startsAt/,
    ],
    [
      'an event of 15 days',
      () => ({ startsAt: hoursFromNow(50), endsAt: hoursFromNow(50 + 15 * 24) }),
      /at most 14 days/,
    ],
    [
      'a start in the past',
      () => ({ startsAt: hoursFromNow(-5), endsAt: hoursFromNow(1) }),
      /startsAt must be in the future/,
    ],
    ['a start that is not a date-time', () => ({ startsAt: 'next tuesday' }), /"input\.startsAt".*DateTime/],
    ['capacity 0', () => ({ capacity: 0 }), /capacity must be between 1 and 100000/],
    ['capacity 100001', () => ({ capacity: 100001 }), /capacity must be between 1 and 100000/],
    ['a one-letter locationName', () => ({ locationName: 'x' }), /locationName must be 2 to 300/],
    [
      'an unknown neighborhood',
      () => ({ neighborhoodId: globalId('Neighborhood', 99999) }),
      /neighborhoodId names no neighborhood/,
    ],
    [
      'an Organization id as neighborhoodId',
      (s) => ({ neighborhoodId: s.basics.orgs.youth }),
      /neighborhoodId is not a Neighborhood id/,
    ],
    [
      'an unknown co-host',
      () => ({ coHostOrganizationIds: [globalId('Organization', 99999)] }),
      /coHostOrganizationIds names an organization that does not exist/,
    ],
    [
      'an Organization id among issueIds',
      (s) => ({ issueIds: [s.basics.orgs.youth] }),
      /issueIds is not a CommunityIssue id/,
    ],
    [
      'an unknown issue',
      () => ({ issueIds: [globalId('CommunityIssue', 99999)] }),
      /issueIds names an issue that does not exist/,
    ],
  ];
  it.each(cases)('refuses %s with BAD_USER_INPUT and stores nothing', async (_name, overrides, message) => {
    await expectRefused(
      () => server.gql(CREATE, { input: eventInput(overrides(server)) }, partner),
      'BAD_USER_INPUT',
      message,
    );
  });
});

describe('updateEvent', () => {
  it('keeps the capacity when it is not sent and removes the limit on an explicit null', async () => {
    const event = await buildEvent(server, partner, { title: 'Capacity edits', capacity: 40 });
    const untouched = await server.gql(UPDATE, { id: event.id, input: { title: 'Capacity edits, renamed' } }, partner);
    expect(untouched.data.updateEvent.capacity).toBe(40);
    const cleared = await server.gql(UPDATE, { id: event.id, input: { capacity: null } }, partner);
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data.updateEvent.capacity).toBeNull();
  });

  it('refuses marking an event DONE before it starts, and co-hosts changing the co-hosts', async () => {
    const event = await buildEvent(server, partner, {
      title: 'Not yet',
      coHostOrganizationIds: [server.basics.orgs.health],
    });
    await acceptCoHosting(server, otherPartner, event.id);
    const before = await snapshotDb(server);
    await expectRefused(
      () => server.gql(UPDATE, { id: event.id, input: { status: 'DONE' } }, partner),
      'BAD_USER_INPUT',
      /DONE only once it has started/,
    );
    await expectRefused(
      () => server.gql(UPDATE, { id: event.id, input: { coHostOrganizationIds: [] } }, otherPartner),
      'FORBIDDEN',
      /Only the host organization/,
    );
    expect(await snapshotDb(server)).toEqual(before);
  });

  it('requires a signed-in member', async () => {
    const event = await buildEvent(server, partner, { title: 'Update needs a member' });
    await expectRefused(() => server.gql(UPDATE, { id: event.id, input: { title: 'Hijacked' } }), 'UNAUTHENTICATED');
  });

  it('is refused to a partner whose organization neither hosts nor co-hosts the event', async () => {
    const event = await buildEvent(server, officer, {
      title: 'Agency walk',
      coHostOrganizationIds: [server.basics.orgs.youth],
    });
    expect((await readEvent(event.id, otherPartner)).viewerCanEdit).toBe(false);
    await expectRefused(
      () => server.gql(UPDATE, { id: event.id, input: { title: 'Health takes over' } }, otherPartner),
      'FORBIDDEN',
      /host and co-host organizations/,
    );
    expect((await readEvent(event.id)).title).toBe('Agency walk');
  });

  it('lets the host, a co-host, officers and coordinators edit; each edit shows and bumps the version', async () => {
    const event = await buildEvent(server, partner, {
      title: 'Park cleanup',
      kind: 'CLEANUP',
      coHostOrganizationIds: [server.basics.orgs.health],
    });
    expect((await readEvent(event.id, otherPartner)).viewerCanEdit).toBe(false);
    let version = await acceptCoHosting(server, otherPartner, event.id);
    expect((await readEvent(event.id, partner)).viewerCanEdit).toBe(true);
    expect((await readEvent(event.id, otherPartner)).viewerCanEdit).toBe(true);

    const edits: [string, Record<string, unknown>][] = [
      [partner, { locationName: 'Laurelhurst Park', location: { lat: 45.5215, lng: -122.625 } }],
      [otherPartner, { capacity: 40 }],
      [officer, { title: 'Park cleanup and picnic' }],
      [coordinator, { status: 'CONFIRMED', isPublic: true, neighborhoodId: server.basics.neighborhoods.west }],
    ];
    for (const [token, input] of edits) {
      const res = await server.gql(UPDATE, { id: event.id, input }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data.updateEvent.version).toBe(version + 1);
      version += 1;
    }
    expect(await readEvent(event.id)).toMatchObject({
      title: 'Park cleanup and picnic',
      kind: 'CLEANUP',
      status: 'CONFIRMED',
      capacity: 40,
      locationName: 'Laurelhurst Park',
      location: { lat: 45.5215, lng: -122.625, precise: true },
      neighborhood: { id: server.basics.neighborhoods.west },
      version,
    });
  });

  it('changes only the fields it is given', async () => {
    const event = await buildEvent(server, partner, { title: 'Keep my times', capacity: 12 });
    const before = await readEvent(event.id);
    const res = await server.gql(UPDATE, { id: event.id, input: { description: 'Now with snacks' } }, partner);
    expect(res.errors).toBeUndefined();
    const after = await readEvent(event.id);
    expect(after).toMatchObject({ ...before, description: 'Now with snacks', version: before.version + 1 });
  });

  type Case = [string, (s: TestServer) => Record<string, unknown>, RegExp];
  const cases: Case[] = [
    ['an end before the start', () => ({ endsAt: hoursFromNow(1) }), /endsAt must be after startsAt/],
    ['capacity 0', () => ({ capacity: 0 }), /capacity must be between 1 and 100000/],
    ['a too-short title', () => ({ title: 'ab' }), /title must be 3 to 200/],
    ['latitude 91', () => ({ location: { lat: 91, lng: 0 } }), /location\.lat must be between -90 and 90/],
    ['longitude -200', () => ({ location: { lat: 0, lng: -200 } }), /location\.lng must be between -180 and 180/],
    ['an unknown status', () => ({ status: 'POSTPONED' }), /"input\.status".*EventStatus/],
    ['status CANCELLED (cancelEvent takes a reason)', () => ({ status: 'CANCELLED' }), /Use cancelEvent/],
    [
      'an unknown neighborhood',
      () => ({ neighborhoodId: globalId('Neighborhood', 99999) }),
      /neighborhoodId names no neighborhood/,
    ],
    [
      'an Organization id as neighborhoodId',
      (s) => ({ neighborhoodId: s.basics.orgs.agency }),
      /neighborhoodId is not a Neighborhood id/,
    ],
  ];
  it.each(cases)('refuses %s with BAD_USER_INPUT and changes nothing', async (_name, input, message) => {
    const event = await buildEvent(server, partner, { title: 'Bad update' });
    await expectRefused(
      () => server.gql(UPDATE, { id: event.id, input: input(server) }, partner),
      'BAD_USER_INPUT',
      message,
    );
  });

  it('refuses a capacity below the people already coming', async () => {
    const event = await buildEvent(server, partner, { title: 'Popular', capacity: 10 });
    await server.gql(RSVP, { id: event.id, input: { name: 'Ana', partySize: 3 } });
    await expectRefused(
      () => server.gql(UPDATE, { id: event.id, input: { capacity: 2 } }, partner),
      'BAD_USER_INPUT',
      /capacity cannot be below the 3 people already coming/,
    );
    expect((await server.gql(UPDATE, { id: event.id, input: { capacity: 3 } }, partner)).errors).toBeUndefined();
  });

  it('refuses an issue id where an event id is expected, and says NOT_FOUND for a missing event', async () => {
    const issue = await buildIssue(server, { title: 'Not an event' });
    await expectRefused(
      () => server.gql(UPDATE, { id: issue.id, input: { title: 'Whatever' } }, officer),
      'BAD_USER_INPUT',
      /id is not a SharedEvent id/,
    );
    await expectRefused(
      () => server.gql(UPDATE, { id: globalId('SharedEvent', 99999), input: { title: 'Whatever' } }, officer),
      'NOT_FOUND',
      /Event not found/,
    );
  });

  it('refuses to edit a cancelled event', async () => {
    const event = await buildEvent(server, partner, { title: 'Called off' });
    await server.gql(CANCEL, { id: event.id, reason: 'Storm warning' }, partner);
    await expectRefused(
      () => server.gql(UPDATE, { id: event.id, input: { title: 'Back on?' } }, partner),
      'BAD_USER_INPUT',
      /cancelled event cannot be edited/,
    );
  });

  it('refuses a stale expectedVersion with CONFLICT naming the current version; the right one wins', async () => {
    const event = await buildEvent(server, partner, { title: 'Two editors' });
    await server.gql(UPDATE, { id: event.id, input: { capacity: 50 } }, officer);
    const current = (await readEvent(event.id)).version;
    expect(current).toBeGreaterThan(event.version);

    const error = await expectRefused(
      () => server.gql(UPDATE, { id: event.id, input: { title: 'Overwrite' }, v: event.version }, partner),
      'CONFLICT',
      new RegExp(`version ${current}\\b`),
    );
    expect(error.extensions?.currentVersion).toBe(current);

    const ok = await server.gql(UPDATE, { id: event.id, input: { title: 'Merged edit' }, v: current }, partner);
    expect(ok.errors).toBeUndefined();
    expect(await readEvent(event.id)).toMatchObject({ title: 'Merged edit', capacity: 50, version: current + 1 });
  });
});

describe('cancelEvent', () => {
  it('requires a signed-in member', async () => {
    const event = await buildEvent(server, partner, { title: 'Cancel needs a member' });
    await expectRefused(() => server.gql(CANCEL, { id: event.id, reason: 'Because' }), 'UNAUTHENTICATED');
  });

  it('is refused to a partner whose organization neither hosts nor co-hosts the event', async () => {
    const event = await buildEvent(server, partner, { title: 'Youth only' });
    await expectRefused(
      () => server.gql(CANCEL, { id: event.id, reason: 'Not ours anyway' }, otherPartner),
      'FORBIDDEN',
      /host and co-host organizations/,
    );
    expect((await readEvent(event.id)).status).toBe('PLANNED');
  });

  it('lets a co-host cancel with a reason everyone can read; it then takes no RSVPs', async () => {
    const event = await buildEvent(server, officer, {
      title: 'Rainy walk',
      coHostOrganizationIds: [server.basics.orgs.health],
    });
    const accepted = await acceptCoHosting(server, otherPartner, event.id);
    const res = await server.gql(CANCEL, { id: event.id, reason: '  Heavy rain  ' }, otherPartner);
    expect(res.errors).toBeUndefined();
    expect(res.data.cancelEvent).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'Heavy rain',
      version: accepted + 1,
    });
    expect(await readEvent(event.id)).toMatchObject({ status: 'CANCELLED', cancelReason: 'Heavy rain' });

    await expectRefused(
      () => server.gql(RSVP, { id: event.id, input: { name: 'Late Larry' } }),
      'BAD_USER_INPUT',
      /cancelled/,
    );
    await expectRefused(
      () => server.gql(CANCEL, { id: event.id, reason: 'Twice' }, officer),
      'BAD_USER_INPUT',
      /already cancelled/,
    );
  });

  it('lets the host, an officer and a coordinator cancel', async () => {
    for (const token of [partner, officer, coordinator]) {
      const event = await buildEvent(server, partner, { title: 'Cancel me' });
      const res = await server.gql(CANCEL, { id: event.id, reason: 'Venue lost' }, token);
      expect(res.errors).toBeUndefined();
      expect((await readEvent(event.id)).status).toBe('CANCELLED');
    }
  });

  it('refuses a too-short reason, an event that took place, and a wrong id type', async () => {
    const event = await buildEvent(server, partner, { title: 'Reason check' });
    await expectRefused(
      () => server.gql(CANCEL, { id: event.id, reason: 'no' }, partner),
      'BAD_USER_INPUT',
      /reason must be 3 to 500/,
    );
    await expectRefused(
      () => server.gql(CANCEL, { id: event.id, reason: 'r'.repeat(501) }, partner),
      'BAD_USER_INPUT',
      /reason must be 3 to 500/,
    );
    await expectRefused(
      () => server.gql(CANCEL, { id: server.basics.orgs.youth, reason: 'Wrong id' }, partner),
      'BAD_USER_INPUT',
      /id is not a SharedEvent id/,
    );
    const startedAt = new Date(Date.now() - 3 * 3600_000);
    const done = await server.gql(
      UPDATE,
      {
        id: event.id,
        input: {
          startsAt: startedAt.toISOString(),
          endsAt: new Date(startedAt.getTime() + 3600_000).toISOString(),
          status: 'DONE',
        },
      },
      partner,
    );
    expect(done.errors).toBeUndefined();
    await expectRefused(
      () => server.gql(CANCEL, { id: event.id, reason: 'Too late' }, partner),
      'BAD_USER_INPUT',
      /already taken place/,
    );
  });

  it('refuses a stale expectedVersion with CONFLICT naming the current version; the right one wins', async () => {
    const event = await buildEvent(server, partner, { title: 'Cancel race' });
    await server.gql(UPDATE, { id: event.id, input: { title: 'Cancel race, moved' } }, officer);
    const current = (await readEvent(event.id)).version;
    const error = await expectRefused(
      () => server.gql(CANCEL, { id: event.id, reason: 'Outdated view', v: event.version }, partner),
      'CONFLICT',
      new RegExp(`version ${current}\\b`),
    );
    expect(error.extensions?.currentVersion).toBe(current);
    const ok = await server.gql(CANCEL, { id: event.id, reason: 'Seen the move, still off', v: current }, partner);
    expect(ok.errors).toBeUndefined();
    expect(await readEvent(event.id)).toMatchObject({ status: 'CANCELLED', version: current + 1 });
  });
});

describe('rsvpEvent', () => {
  it('hides a members-only event from a resident (NOT_FOUND) but takes a member', async () => {
    const event = await buildEvent(server, officer, { title: 'Internal training', isPublic: false });
    await expectRefused(
      () => server.gql(RSVP, { id: event.id, input: { name: 'Resident' } }),
      'NOT_FOUND',
      /Event not found/,
    );
    const res = await server.gql(RSVP, { id: event.id, input: { name: 'Paula' } }, partner);
    expect(res.errors).toBeUndefined();
    expect((await readEvent(event.id, partner)).rsvpCount).toBe(1);
  });

  it('refuses an event that has already taken place', async () => {
    const event = await buildEvent(server, partner, { title: 'Yesterday' });
    await server.gql(
      UPDATE,
      { id: event.id, input: { startsAt: hoursFromNow(-5), endsAt: hoursFromNow(-3) } },
      partner,
    );
    await expectRefused(
      () => server.gql(RSVP, { id: event.id, input: { name: 'Too late' } }),
      'BAD_USER_INPUT',
      /already taken place/,
    );
  });

  it("counts a resident's party; names and emails are for members only", async () => {
    const event = await buildEvent(server, partner, { title: 'Block party', capacity: 50 });
    const res = await server.gql(RSVP, {
      id: event.id,
      input: { name: ' Ana Ruiz ', email: 'Ana@Example.org', partySize: 4 },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.rsvpEvent.rsvpCount).toBe(4);
    expect((await server.gql(RSVP, { id: event.id, input: { name: 'Bo' } })).errors).toBeUndefined();

    const forPublic = await readEvent(event.id);
    expect(forPublic.rsvpCount).toBe(5);
    expect(forPublic.rsvps).toEqual([]);
    const forMember = await readEvent(event.id, otherPartner);
    expect(forMember.rsvps).toEqual([
      { name: 'Ana Ruiz', email: 'ana@example.org', partySize: 4 },
      { name: 'Bo', email: null, partySize: 1 },
    ]);
  });

  type Case = [string, Record<string, unknown>, RegExp];
  const cases: Case[] = [
    ['a party of 21', { name: 'Big family', partySize: 21 }, /partySize must be between 1 and 20/],
    ['a party of 0', { name: 'Nobody', partySize: 0 }, /partySize must be between 1 and 20/],
    ['an empty name', { name: '' }, /name must be 1 to 200/],
    ['a malformed email', { name: 'Ana', email: 'not-an-email' }, /email must be an email address/],
    ['a party size that is not a number', { name: 'Ana', partySize: 'two' }, /"input\.partySize".*Int/],
  ];
  it.each(cases)('refuses %s with BAD_USER_INPUT and stores nothing', async (_name, input, message) => {
    const event = await buildEvent(server, partner, { title: 'Bad RSVP' });
    await expectRefused(() => server.gql(RSVP, { id: event.id, input }), 'BAD_USER_INPUT', message);
  });

  it('refuses a wrong id type with BAD_USER_INPUT', async () => {
    const issue = await buildIssue(server, { title: 'RSVP to an issue?' });
    await expectRefused(
      () => server.gql(RSVP, { id: issue.id, input: { name: 'Ana' } }),
      'BAD_USER_INPUT',
      /id is not a SharedEvent id/,
    );
  });

  it('never goes over capacity, saying how many places are left', async () => {
    const event = await buildEvent(server, partner, { title: 'Small workshop', capacity: 5 });
    expect((await server.gql(RSVP, { id: event.id, input: { name: 'A', partySize: 3 } })).errors).toBeUndefined();
    const error = await expectRefused(
      () => server.gql(RSVP, { id: event.id, input: { name: 'B', partySize: 3 } }),
      'BAD_USER_INPUT',
      /Only 2 places are left/,
    );
    expect(error.extensions?.field).toBe('partySize');
    expect((await server.gql(RSVP, { id: event.id, input: { name: 'C', partySize: 2 } })).errors).toBeUndefined();
    await expectRefused(
      () => server.gql(RSVP, { id: event.id, input: { name: 'D' } }),
      'BAD_USER_INPUT',
      /This event is full/,
    );
    expect((await readEvent(event.id)).rsvpCount).toBe(5);
  });

  it('never oversells under concurrent RSVPs, and counts exactly the ones it accepted', async () => {
    const event = await buildEvent(server, partner, { title: 'Free concert', capacity: 10 });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        server.gql(RSVP, { id: event.id, input: { name: `Fan ${i}`, partySize: 2 } }),
      ),
    );
    const accepted = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      const error = theError(r);
      expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(error.extensions?.code);
      expect(error.message).toMatch(/full|places are left|try again/);
    }

    const seen = await readEvent(event.id, partner);
    expect(seen.rsvpCount).toBeLessThanOrEqual(10);
    expect(seen.rsvpCount).toBe(2 * accepted.length);
    expect(seen.rsvps).toHaveLength(accepted.length);
    const [row] = await sql('select coalesce(sum(party_size), 0) as n from event_rsvp where event_id = ?', [
      pkOf(event.id),
    ]);
    expect(Number(row.n)).toBe(seen.rsvpCount);
  });
});

describe('commitStaff', () => {
  it('requires a signed-in member', async () => {
    const event = await buildEvent(server, partner, { title: 'Staff needs a member' });
    await expectRefused(() => server.gql(COMMIT, { id: event.id, count: 3 }), 'UNAUTHENTICATED');
  });

  it("lets partners and officers commit only their own organization's staff; a coordinator may commit any", async () => {
    const event = await buildEvent(server, partner, { title: 'Staffing fair' });
    await expectRefused(
      () => server.gql(COMMIT, { id: event.id, count: 3, org: server.basics.orgs.health }, partner),
      'FORBIDDEN',
      /only from your own organization/,
    );
    await expectRefused(
      () => server.gql(COMMIT, { id: event.id, count: 3, org: server.basics.orgs.youth }, officer),
      'FORBIDDEN',
      /only from your own organization/,
    );
    const res = await server.gql(COMMIT, { id: event.id, count: 2, org: server.basics.orgs.health }, coordinator);
    expect(res.errors).toBeUndefined();
    expect((await readEvent(event.id)).staff).toEqual([
      { count: 2, note: null, organization: { id: server.basics.orgs.health, name: 'Community Health' } },
    ]);
  });

  it('sets, changes and withdraws an organization’s commitment, one row per organization', async () => {
    const event = await buildEvent(server, officer, { title: 'Community walk', kind: 'COMMUNITY_WALK' });
    const first = await server.gql(COMMIT, { id: event.id, count: 4, note: ' Two coaches, two mentors ' }, partner);
    expect(first.errors).toBeUndefined();
    expect(first.data.commitStaff.version).toBe(event.version + 1);
    expect(await readEvent(event.id)).toMatchObject({
      staffCount: 4,
      staff: [{ count: 4, note: 'Two coaches, two mentors', organization: { id: server.basics.orgs.youth } }],
    });

    const agency = await server.gql(COMMIT, { id: event.id, count: 2 }, officer);
    expect(agency.errors).toBeUndefined();
    const changed = await server.gql(COMMIT, { id: event.id, count: 6 }, partner);
    expect(changed.errors).toBeUndefined();
    const seen = await readEvent(event.id);
    expect(seen.staffCount).toBe(8);
    expect(seen.staff).toHaveLength(2);
    expect(
      seen.staff.find((s: { organization: { id: string } }) => s.organization.id === server.basics.orgs.youth),
    ).toMatchObject({ count: 6, note: null });

    const withdrawn = await server.gql(COMMIT, { id: event.id, count: 0 }, partner);
    expect(withdrawn.errors).toBeUndefined();
    const after = await readEvent(event.id);
    expect(after.staff.map((s: { organization: { id: string } }) => s.organization.id)).toEqual([
      server.basics.orgs.agency,
    ]);
    expect(after.staffCount).toBe(2);
    expect(after.version).toBe(event.version + 4);
  });

  type Case = [string, (s: TestServer) => Record<string, unknown>, string, RegExp];
  const cases: Case[] = [
    ['a negative count', () => ({ count: -1 }), 'partner', /count must be between 0 and 500/],
    ['a count of 501', () => ({ count: 501 }), 'partner', /count must be between 0 and 500/],
    ['a too-long note', () => ({ count: 2, note: 'n'.repeat(501) }), 'partner', /note must be at most 500/],
    [
      'a Neighborhood id as eventId',
      (s) => ({ id: s.basics.neighborhoods.east, count: 2 }),
      'partner',
      /eventId is not a SharedEvent id/,
    ],
    [
      'a Neighborhood id as organizationId',
      (s) => ({ count: 2, org: s.basics.neighborhoods.east }),
      'coordinator',
      /organizationId is not a Organization id/,
    ],
    [
      'an unknown organization',
      () => ({ count: 2, org: globalId('Organization', 99999) }),
      'coordinator',
      /organizationId names no organization/,
    ],
  ];
  it.each(cases)('refuses %s with BAD_USER_INPUT and changes nothing', async (_name, vars, who, message) => {
    const event = await buildEvent(server, partner, { title: 'Bad staffing' });
    const token = who === 'coordinator' ? coordinator : partner;
    await expectRefused(() => server.gql(COMMIT, { id: event.id, ...vars(server) }, token), 'BAD_USER_INPUT', message);
  });

  it('refuses staff for a cancelled event', async () => {
    const event = await buildEvent(server, partner, { title: 'No staff needed' });
    await server.gql(CANCEL, { id: event.id, reason: 'Called off' }, partner);
    await expectRefused(
      () => server.gql(COMMIT, { id: event.id, count: 2 }, partner),
      'BAD_USER_INPUT',
      /only to planned or confirmed events/,
    );
  });

  it('refuses a stale expectedVersion with CONFLICT naming the current version; the right one wins', async () => {
    const event = await buildEvent(server, partner, { title: 'Staff race' });
    await server.gql(COMMIT, { id: event.id, count: 1 }, officer);
    const current = (await readEvent(event.id)).version;
    const error = await expectRefused(
      () => server.gql(COMMIT, { id: event.id, count: 3, v: event.version }, partner),
      'CONFLICT',
      new RegExp(`version ${current}\\b`),
    );
    expect(error.extensions?.currentVersion).toBe(current);
    const ok = await server.gql(COMMIT, { id: event.id, count: 3, v: current }, partner);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.commitStaff).toMatchObject({ version: current + 1, staffCount: 4 });
  });

  it('keeps one row per organization when two of its members commit at once', async () => {
    const event = await buildEvent(server, partner, { title: 'Both officers answer' });
    const results = await Promise.all([
      server.gql(COMMIT, { id: event.id, count: 2 }, officer),
      server.gql(COMMIT, { id: event.id, count: 3 }, coordinator),
    ]);
    for (const r of results.filter((x) => x.errors)) {
      expect(theError(r).extensions?.code).toBe('CONFLICT');
    }
    expect(results.some((r) => !r.errors)).toBe(true);
    const seen = await readEvent(event.id);
    expect(seen.staff).toHaveLength(1);
    expect(seen.staff[0].organization.id).toBe(server.basics.orgs.agency);
    expect([2, 3]).toContain(seen.staffCount);
  });
});
