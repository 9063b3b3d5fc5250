import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused as refused, sqlOf } from '../support/assert.js';
import { startServer, type GqlResult, type TestServer } from '../support/server.js';
import { buildApiToken, snapshotDb } from '../support/factories.js';
import { EASTSIDE_BOUNDARY, WESTSIDE_BOUNDARY } from '../support/fixtures.js';

const FIELDS = 'id name retired retiredAt centerLat centerLng';
const IMPORT = `mutation($g: String!, $p: String!, $r: Boolean) {
  importNeighborhoods(geojson: $g, nameProperty: $p, retireMissing: $r) {
    created { ${FIELDS} } updated { ${FIELDS} } unchanged { ${FIELDS} } retired { ${FIELDS} } deleted
    errors { index name message }
  }
}`;
const CREATE = `mutation($input: CreateNeighborhoodInput!) { createNeighborhood(input: $input) { ${FIELDS} boundary } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateNeighborhoodInput!) { updateNeighborhood(id: $id, input: $input) { ${FIELDS} boundary } }`;
const RETIRE = `mutation($id: ID!) { retireNeighborhood(id: $id) { ${FIELDS} } }`;
const RESTORE = `mutation($id: ID!) { restoreNeighborhood(id: $id) { ${FIELDS} } }`;
const LIST = `query($all: Boolean) { neighborhoods(includeRetired: $all) { id name retired } }`;
const AT = 'query($lat: Float!, $lng: Float!) { neighborhoodAt(lat: $lat, lng: $lng) { id name } }';
const REPORT =
  'mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id neighborhood { id name retired } } }';
const ACTIVITIES = '{ activities(first: 100) { kind visibility summary } }';

type Ring = number[][];
const rect = (west: number, south: number, east: number, north: number): Ring => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];
const polygon = (...rings: Ring[]) => ({ type: 'Polygon', coordinates: rings });
const feature = (name: string | null, geometry: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: name == null ? { ...extra } : { NAME: name, ...extra },
  geometry,
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

// East of Eastside, with an island further east; south of both, Parkside with a park (a hole)
// whose west half is the Central Park neighborhood and whose east half belongs to nobody.
const HARBOR = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [-122.61, 45.5],
        [-122.59, 45.5],
        [-122.585, 45.52],
        [-122.59, 45.545],
        [-122.61, 45.545],
        [-122.61, 45.5],
      ],
    ],
    [rect(-122.575, 45.515, -122.565, 45.525)],
  ],
};
const HARBOR_WIDER = { ...HARBOR, coordinates: [[rect(-122.61, 45.5, -122.58, 45.545)], HARBOR.coordinates[1]] };
const PARKSIDE = polygon(rect(-122.73, 45.48, -122.61, 45.5), rect(-122.69, 45.485, -122.65, 45.495));
const CENTRAL_PARK = polygon(rect(-122.69, 45.485, -122.67, 45.495));
const POINTS = {
  westOfRiver: { lat: 45.53, lng: -122.6695 },
  eastOfRiver: { lat: 45.53, lng: -122.6685 },
  onRiver: { lat: 45.525, lng: -122.666 }, // a vertex of the border both share
  island: { lat: 45.52, lng: -122.57 },
  parkside: { lat: 45.482, lng: -122.7 },
  parkWest: { lat: 45.49, lng: -122.68 },
  parkEast: { lat: 45.49, lng: -122.66 },
  outside: { lat: 45.6, lng: -122.5 },
  widerHarbor: { lat: 45.535, lng: -122.582 },
};

let server: TestServer;
let coordinator: string;
let officer: string;
let partner: string;
let apiToken: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer();
  coordinator = await server.login(server.basics.emails.coordinator);
  officer = await server.login(server.basics.emails.officer);
  partner = await server.login(server.basics.emails.partner);
  const scopes = ['ISSUES_READ', 'ISSUES_WRITE', 'EVENTS_READ', 'EVENTS_WRITE', 'ACTIVITY_READ'];
  apiToken = (await buildApiToken(server, coordinator, scopes)).token;
  ids.east = server.basics.neighborhoods.east;
  ids.west = server.basics.neighborhoods.west;
});
afterAll(() => server?.close());

const sql = sqlOf(() => server);
const expectRefused = (run: () => Promise<GqlResult>, code: string, message?: RegExp) =>
  refused(server, run, code, message);
const ok = <T = any>(res: GqlResult<T>): T => {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
};
const names = (list: { name: string }[]) => list.map((n) => n.name).sort();
const importAs = (token: string | null, geojson: string, retireMissing?: boolean | null) =>
  server.gql(IMPORT, { g: geojson, p: 'NAME', r: retireMissing }, token);
const report = (input: Record<string, unknown>, token: string | null = null) =>
  server.gql(REPORT, { input: { title: 'Broken bench', category: 'OTHER', ...input } }, token);
const at = async (point: { lat: number; lng: number }) => ok(await server.gql(AT, point)).neighborhoodAt?.name ?? null;
const neighborhoodRows = () =>
  sql('select id, name, boundary, min_lat, max_lat, retired_at from neighborhood order by id');

describe('changing neighborhoods is for coordinators only', () => {
  it('refuses the public (UNAUTHENTICATED), officers, partners and API tokens (FORBIDDEN), writing nothing', async () => {
    const geojson = collection(feature('Sneaky', polygon(rect(0, 0, 1, 1))));
    const calls: [string, Record<string, unknown>][] = [
      [IMPORT, { g: geojson, p: 'NAME' }],
      [CREATE, { input: { name: 'Sneaky', boundary: JSON.stringify(polygon(rect(0, 0, 1, 1))) } }],
      [UPDATE, { id: ids.east, input: { name: 'Taken over' } }],
      [RETIRE, { id: ids.east }],
      [RESTORE, { id: ids.east }],
    ];
    for (const [query, variables] of calls) {
      await expectRefused(() => server.gql(query, variables), 'UNAUTHENTICATED');
      await expectRefused(() => server.gql(query, variables, officer), 'FORBIDDEN');
      await expectRefused(() => server.gql(query, variables, partner), 'FORBIDDEN');
      await expectRefused(() => server.gql(query, variables, apiToken), 'FORBIDDEN', /API tokens may not/);
    }
  });
});

describe('importNeighborhoods', () => {
  it('imports the good features (a MultiPolygon, a hole) and names each bad one; nothing of those is written', async () => {
    const before = await snapshotDb(server);
    const geojson = collection(
      feature('Harbor', HARBOR),
      feature('Parkside', PARKSIDE),
      feature('Open Ring', polygon(rect(0, 0, 1, 1).slice(0, 4))),
      feature(
        'Figure Eight',
        polygon([
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ]),
      ),
      feature(null, polygon(rect(2, 2, 3, 3)), { OTHER: 'x' }),
      feature('Central Park', CENTRAL_PARK),
    );
    const result = ok(await importAs(coordinator, geojson, false)).importNeighborhoods;
    expect(names(result.created)).toEqual(['Central Park', 'Harbor', 'Parkside']);
    expect(result).toMatchObject({ updated: [], unchanged: [], retired: [], deleted: [] });
    expect(result.errors).toEqual([
      { index: 2, name: 'Open Ring', message: 'feature 2 ("Open Ring"): ring 0 is not closed' },
      {
        index: 3,
        name: 'Figure Eight',
        message: 'feature 3 ("Figure Eight"): ring 0 intersects itself near lat 0.5, lng 0.5',
      },
      { index: 4, name: null, message: 'feature 4: has no "NAME" property' },
    ]);
    for (const n of result.created) ids[n.name] = n.id;
    // Exactly three rows more; the bad features left no trace; Eastside and Westside untouched.
    const after = await snapshotDb(server);
    const rows = await neighborhoodRows();
    expect(rows.map((r) => r.name)).toEqual(['Eastside', 'Westside', 'Harbor', 'Parkside', 'Central Park']);
    expect(rows.slice(0, 2)).toEqual(JSON.parse(before.neighborhoods as string).map(pick));
    expect({ ...after, neighborhoods: '', activity: 0 }).toEqual({ ...before, neighborhoods: '', activity: 0 });
    expect(Number(after.activity)).toBe(Number(before.activity) + 1);
    // The island is Harbor's; the centre of the holed Parkside is not in its park.
    const parkside = result.created.find((n: { name: string }) => n.name === 'Parkside');
    expect(await at({ lat: parkside.centerLat, lng: parkside.centerLng })).toBe('Parkside');
    expect(await at(POINTS.island)).toBe('Harbor');
  });

  it.each([
    ['text that is not JSON', '{"type": "FeatureCollection", ', 'geojson', /^geojson is not valid JSON/],
    [
      'a lone Feature',
      JSON.stringify(feature('X', polygon(rect(0, 0, 1, 1)))),
      'geojson',
      /not a GeoJSON FeatureCollection/,
    ],
    ['an empty collection', collection(), 'geojson', /geojson has no features/],
    [
      'a file whose features have no such property',
      collection(feature(null, polygon(rect(0, 0, 1, 1)), { name: 'x' })),
      'nameProperty',
      /no feature has a "NAME" property; the first feature's properties are: name/,
    ],
  ])(
    'refuses %s with BAD_USER_INPUT and changes nothing, even with retireMissing',
    async (_what, geojson, field, message) => {
      const error = await expectRefused(() => importAs(coordinator, geojson, true), 'BAD_USER_INPUT', message);
      expect(error.extensions?.field).toBe(field);
    },
  );

  it('updates a changed shape (bbox and centre too) and leaves an identical one unchanged', async () => {
    expect(await at(POINTS.widerHarbor)).toBeNull();
    const geojson = collection(feature('Harbor', HARBOR_WIDER), feature('Parkside', PARKSIDE));
    const result = ok(await importAs(coordinator, geojson, false)).importNeighborhoods;
    expect(names(result.updated)).toEqual(['Harbor']);
    expect(names(result.unchanged)).toEqual(['Parkside']);
    expect(result.created).toEqual([]);
    expect(await at(POINTS.widerHarbor)).toBe('Harbor');
    const [row] = await sql('select max_lng from neighborhood where name = ?', ['Harbor']);
    expect(Number(row.max_lng)).toBeCloseTo(-122.565);
  });

  it('retires a missing neighborhood in use (keeping its issues), deletes an unused one, restores one that comes back', async () => {
    // Central Park gets an issue; Tiny is never used but is served by an organization.
    const issue = ok(await report({ location: POINTS.parkWest })).reportIssue;
    expect(issue.neighborhood.name).toBe('Central Park');
    const tiny = ok(
      await server.gql(
        CREATE,
        { input: { name: 'Tiny', boundary: JSON.stringify(polygon(rect(10, 10, 11, 11))) } },
        coordinator,
      ),
    ).createNeighborhood;
    ok(
      await server.gql(
        'mutation($id: ID!, $n: [ID!]) { updateOrganization(id: $id, input: { neighborhoodIds: $n }) { id } }',
        { id: server.basics.orgs.youth, n: [tiny.id, ids['Central Park']] },
        coordinator,
      ),
    );
    const geojson = collection(
      feature('Eastside', EASTSIDE_BOUNDARY),
      feature('Westside', WESTSIDE_BOUNDARY),
      feature('Parkside', PARKSIDE),
      feature('  harbor ', HARBOR_WIDER), // matched trimmed and whatever the case: spelt as in the file
    );
    const result = ok(await importAs(coordinator, geojson)).importNeighborhoods;
    expect(result).toMatchObject({ created: [], deleted: ['Tiny'], errors: [] });
    expect(names(result.unchanged)).toEqual(['Eastside', 'Parkside', 'Westside']);
    expect(result.updated).toMatchObject([{ id: ids.Harbor, name: 'harbor' }]);
    expect(result.retired).toMatchObject([{ id: ids['Central Park'], name: 'Central Park', retired: true }]);
    expect(Date.parse(result.retired[0].retiredAt)).toBeGreaterThan(Date.now() - 60_000);

    expect(await sql('select id from neighborhood where name = ?', ['Tiny'])).toEqual([]);
    const served = ok(await server.gql('{ organizations { name neighborhoods { name } } }')).organizations;
    expect(served.find((o: { name: string }) => o.name === 'Youth Alliance').neighborhoods).toEqual([
      { name: 'Central Park' },
    ]);
    // The issue stays where it was; the neighborhood leaves the list but not the record.
    const node = ok(
      await server.gql(`{ node(id: "${issue.id}") { ... on CommunityIssue { neighborhood { name retired } } } }`),
    );
    expect(node.node.neighborhood).toEqual({ name: 'Central Park', retired: true });
    expect(names(ok(await server.gql(LIST)).neighborhoods)).not.toContain('Central Park');
    expect(ok(await server.gql(LIST, { all: true })).neighborhoods).toContainEqual({
      id: ids['Central Park'],
      name: 'Central Park',
      retired: true,
    });
    // It takes no new reports, by id or by point.
    await expectRefused(
      () => report({ neighborhoodId: ids['Central Park'] }),
      'BAD_USER_INPUT',
      /Central Park is retired and takes no new reports/,
    );
    const error = await expectRefused(() => report({ location: POINTS.parkWest }), 'BAD_USER_INPUT', /outside every/);
    expect(error.extensions?.field).toBe('location');
    expect(await at(POINTS.parkWest)).toBeNull();

    const back = ok(await importAs(coordinator, collection(feature('Central Park', CENTRAL_PARK)), false));
    expect(back.importNeighborhoods.updated).toMatchObject([{ name: 'Central Park', retired: false, retiredAt: null }]);
    expect(ok(await report({ location: POINTS.parkWest })).reportIssue.neighborhood.name).toBe('Central Park');
  });
});

describe('a report by its point', () => {
  it.each([
    ['west of the river', POINTS.westOfRiver, 'Westside'],
    ['east of the river', POINTS.eastOfRiver, 'Eastside'],
    ['on the river itself (the older of the two)', POINTS.onRiver, 'Eastside'],
    ['on the island', POINTS.island, 'harbor'],
    ['in Parkside', POINTS.parkside, 'Parkside'],
    ["in the part of Parkside's park that is Central Park", POINTS.parkWest, 'Central Park'],
  ])('%s lands in %s', async (_where, location, name) => {
    const issue = ok(await report({ location }, partner)).reportIssue;
    expect(issue.neighborhood.name).toBe(name);
    expect(await at(location)).toBe(name);
  });

  it('is refused outside every neighborhood, and in the part of the park nobody covers', async () => {
    for (const location of [POINTS.outside, POINTS.parkEast]) {
      const error = await expectRefused(
        () => report({ location }),
        'BAD_USER_INPUT',
        /^location is outside every neighborhood the partnership covers; choose a neighborhood$/,
      );
      expect(error.extensions?.field).toBe('location');
      expect(await at(location)).toBeNull();
    }
  });

  it('needs a neighborhoodId or a location; an explicit neighborhoodId wins over the point', async () => {
    const error = await expectRefused(() => report({}), 'BAD_USER_INPUT', /^neighborhoodId or location is required$/);
    expect(error.extensions?.field).toBe('neighborhoodId');
    const issue = ok(await report({ neighborhoodId: ids.west, location: POINTS.eastOfRiver })).reportIssue;
    expect(issue.neighborhood.name).toBe('Westside');
  });

  it('neighborhoodAt refuses coordinates out of range', async () => {
    await expectRefused(() => server.gql(AT, { lat: 91, lng: 0 }), 'BAD_USER_INPUT', /lat must be between -90 and 90/);
    await expectRefused(() => server.gql(AT, { lat: 0, lng: 181 }), 'BAD_USER_INPUT', /lng must be between/);
  });
});

describe('one neighborhood at a time', () => {
  it('creates, renames, reshapes, retires and restores, refusing taken names and bad shapes', async () => {
    const boundary = JSON.stringify(feature('ignored', polygon(rect(20, 20, 21, 21))));
    const created = ok(await server.gql(CREATE, { input: { name: ' Lakeview ', boundary } }, coordinator));
    const lake = created.createNeighborhood;
    expect(lake).toMatchObject({ name: 'Lakeview', retired: false, centerLat: 20.5, centerLng: 20.5 });
    expect(JSON.parse(lake.boundary)).toEqual(polygon(rect(20, 20, 21, 21)));

    for (const [input, field, message] of [
      [{ name: 'EASTSIDE', boundary }, 'name', /^name is already in use by another neighborhood$/],
      [{ name: 'Bad', boundary: '{"type":' }, 'boundary', /^boundary is not valid JSON/],
      [{ name: 'Bad', boundary: JSON.stringify({ type: 'Point', coordinates: [0, 0] }) }, 'boundary', /not a Polygon/],
      [
        {
          name: 'Bad',
          boundary: JSON.stringify(
            polygon([
              [0, 0],
              [1, 1],
              [1, 0],
              [0, 1],
              [0, 0],
            ]),
          ),
        },
        'boundary',
        /ring 0 intersects itself/,
      ],
      [{ name: '  ', boundary }, 'name', /name must be 1 to 120/],
    ] as const) {
      const error = await expectRefused(() => server.gql(CREATE, { input }, coordinator), 'BAD_USER_INPUT', message);
      expect(error.extensions?.field).toBe(field);
    }
    const taken = await expectRefused(
      () => server.gql(UPDATE, { id: lake.id, input: { name: 'westside' } }, coordinator),
      'BAD_USER_INPUT',
      /name is already in use/,
    );
    expect(taken.extensions?.field).toBe('name');

    const reshaped = ok(
      await server.gql(
        UPDATE,
        { id: lake.id, input: { name: 'Lakeview Heights', boundary: JSON.stringify(polygon(rect(20, 20, 23, 21))) } },
        coordinator,
      ),
    ).updateNeighborhood;
    expect(reshaped).toMatchObject({ name: 'Lakeview Heights', centerLat: 20.5, centerLng: 21.5 });
    expect(await at({ lat: 20.5, lng: 22.5 })).toBe('Lakeview Heights');

    expect(ok(await server.gql(RETIRE, { id: lake.id }, coordinator)).retireNeighborhood.retired).toBe(true);
    await expectRefused(() => server.gql(RETIRE, { id: lake.id }, coordinator), 'BAD_USER_INPUT', /already retired/);
    expect(await at({ lat: 20.5, lng: 22.5 })).toBeNull();
    // A retired neighborhood takes no new event either.
    const startsAt = new Date(Date.now() + 48 * 3600_000);
    const event = await server.gql(
      'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
      {
        input: {
          title: 'Lakeview walk',
          kind: 'COMMUNITY_WALK',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
          locationName: 'The lake',
          neighborhoodId: lake.id,
          hostOrganizationId: server.basics.orgs.agency,
        },
      },
      coordinator,
    );
    expect(event.errors?.[0]).toMatchObject({
      message: 'Lakeview Heights is retired and takes no new events',
      extensions: { code: 'BAD_USER_INPUT', field: 'neighborhoodId' },
    });
    expect(ok(await server.gql(RESTORE, { id: lake.id }, coordinator)).restoreNeighborhood).toMatchObject({
      retired: false,
      retiredAt: null,
    });
    await expectRefused(() => server.gql(RESTORE, { id: lake.id }, coordinator), 'BAD_USER_INPUT', /is not retired/);
    const ghost = Buffer.from('Neighborhood:99999').toString('base64url');
    await expectRefused(() => server.gql(RETIRE, { id: ghost }, coordinator), 'NOT_FOUND');
  });

  it('writes each change to the activity feed, for coordinators only', async () => {
    const feed = ok(await server.gql(ACTIVITIES, {}, coordinator)).activities as {
      kind: string;
      visibility: string;
      summary: string;
    }[];
    const admin = feed.filter((a) => a.kind.startsWith('NEIGHBORHOOD'));
    expect(new Set(admin.map((a) => a.visibility))).toEqual(new Set(['COORDINATORS']));
    expect(admin.map((a) => a.summary)).toEqual(
      expect.arrayContaining([
        'Neighborhood created: Lakeview',
        'Neighborhood updated: Lakeview Heights (renamed from Lakeview, new boundary)',
        'Neighborhood retired: Lakeview Heights',
        'Neighborhood restored: Lakeview Heights',
        'Neighborhoods imported: 0 created, 1 updated, 3 unchanged, 1 retired, 1 deleted, 0 refused',
        'Neighborhoods imported: 3 created, 0 updated, 0 unchanged, 0 retired, 0 deleted, 3 refused',
      ]),
    );
    for (const token of [null, officer, partner, apiToken]) {
      const seen = ok(await server.gql(ACTIVITIES, {}, token)).activities as { kind: string }[];
      expect(seen.filter((a) => a.kind.startsWith('NEIGHBORHOOD'))).toEqual([]);
    }
  });
});

describe('the size of an import', () => {
  // Three round shapes of 42,000 positions, far from the city: about 5 MB of GeoJSON text.
  const bigGeojson = () => {
    const circle = (lng: number, n: number): Ring => {
      const ring = Array.from({ length: n }, (_, i) => [
        lng + 0.1 * Math.cos((2 * Math.PI * i) / n),
        -40 + 0.1 * Math.sin((2 * Math.PI * i) / n),
      ]);
      return [...ring, ring[0]];
    };
    return collection(...[0, 1, 2].map((i) => feature(`Big ${i}`, polygon(circle(100 + i, 42_000)))));
  };

  it('accepts an import of about 5 MB while any other operation of that size gets 413', async () => {
    const geojson = bigGeojson();
    expect(geojson.length).toBeGreaterThan(4.5 * 1024 * 1024);
    expect(geojson.length).toBeLessThan(5 * 1024 * 1024);
    const result = ok(await importAs(coordinator, geojson, false)).importNeighborhoods;
    expect(names(result.created)).toEqual(['Big 0', 'Big 1', 'Big 2']);

    const before = await snapshotDb(server);
    const post = async (query: string, variables: Record<string, unknown>, token: string | null) => {
      const res = await fetch(`${server.app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as { errors: { extensions: Record<string, unknown> }[] } };
    };
    const big = { input: { name: 'Huge', boundary: geojson } };
    for (const token of [coordinator, null]) {
      const res = await post(CREATE, big, token);
      expect(res.status).toBe(413);
      expect(res.body.errors[0].extensions).toMatchObject({ reason: 'PAYLOAD_TOO_LARGE', limit: 64 * 1024 });
    }
    // Mentioning the import in a comment does not make another operation an import.
    expect((await post(`# importNeighborhoods\n${CREATE}`, big, coordinator)).status).toBe(413);
    // Without credentials the usual limit holds even for the import (nobody signed out may import).
    expect((await post(IMPORT, { g: geojson, p: 'NAME' }, null)).status).toBe(413);
    // Past 6 MB the import is refused too, naming its own limit.
    const over = await post(IMPORT, { g: geojson + ' '.repeat(1.5 * 1024 * 1024), p: 'NAME' }, coordinator);
    expect(over.status).toBe(413);
    expect(over.body.errors[0].extensions).toMatchObject({ reason: 'PAYLOAD_TOO_LARGE', limit: 6 * 1024 * 1024 });
    // Over 5 MB of GeoJSON but under the body limit: the service says so.
    const tooMuch = await post(IMPORT, { g: geojson + ' '.repeat(0.6 * 1024 * 1024), p: 'NAME' }, coordinator);
    expect(tooMuch.status).toBe(200);
    expect(tooMuch.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'geojson' });
    expect(await snapshotDb(server)).toEqual(before);
  });
});

function pick(row: Record<string, unknown>) {
  const { id, name, boundary, min_lat, max_lat, retired_at } = row;
  return { id, name, boundary, min_lat, max_lat, retired_at };
}
