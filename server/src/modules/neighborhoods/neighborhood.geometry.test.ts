import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import {
  CollectionError,
  GeometryError,
  MAX_FEATURES,
  MAX_POSITIONS,
  boundaryContains,
  checkGeometry,
  parseBoundary,
  parseFeatureCollection,
} from './neighborhood.geometry.js';

type Ring = number[][];
const square = (x: number, y: number, size = 1): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const polygon = (...rings: unknown[][]) => ({ type: 'Polygon', coordinates: rings });
const feature = (name: unknown, geometry: unknown, key = 'name') => ({
  type: 'Feature',
  properties: name === undefined ? {} : { [key]: name },
  geometry,
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const problem = (geometry: unknown) => {
  try {
    checkGeometry(geometry);
  } catch (error) {
    expect(error).toBeInstanceOf(GeometryError);
    return (error as Error).message;
  }
  throw new Error('expected a GeometryError');
};
const collectionProblem = (text: string, nameProperty = 'name') => {
  try {
    parseFeatureCollection(text, nameProperty);
  } catch (error) {
    expect(error).toBeInstanceOf(CollectionError);
    return { field: (error as CollectionError).field, message: (error as Error).message };
  }
  throw new Error('expected a CollectionError');
};

describe('checkGeometry', () => {
  it('accepts a square and computes its bounding box and a centre inside it', () => {
    const shape = checkGeometry(polygon(square(-122.7, 45.5, 0.1)));
    expect(shape.bbox.minLng).toBeCloseTo(-122.7);
    expect(shape.bbox.maxLng).toBeCloseTo(-122.6);
    expect(shape.bbox.minLat).toBeCloseTo(45.5);
    expect(shape.bbox.maxLat).toBeCloseTo(45.6);
    expect(shape.center.lat).toBeCloseTo(45.55);
    expect(shape.center.lng).toBeCloseTo(-122.65);
    expect(JSON.parse(shape.text)).toEqual(polygon(square(-122.7, 45.5, 0.1)));
  });

  it('puts the centre of a U shape in one of its arms, not in the gap, and out of a hole', () => {
    const u: Ring = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ];
    const shape = checkGeometry(polygon(u));
    expect(booleanPointInPolygon([shape.center.lng, shape.center.lat], shape.geometry, { ignoreBoundary: true })).toBe(
      true,
    );
    // The bbox centre (1.5, 1.5) is in the gap; the centre moved.
    expect([shape.center.lng, shape.center.lat]).not.toEqual([1.5, 1.5]);

    const ring = checkGeometry(polygon(square(0, 0, 4), square(1, 1, 2)));
    const { lat, lng } = ring.center;
    expect(lat > 1 && lat < 3 && lng > 1 && lng < 3).toBe(false);
    expect(booleanPointInPolygon([lng, lat], ring.geometry, { ignoreBoundary: true })).toBe(true);
  });

  it('takes the centre from the largest part of a MultiPolygon, and the bbox over all parts', () => {
    const shape = checkGeometry({
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 0.1)], [square(5, 5, 2)]],
    });
    expect(shape.bbox).toEqual({ minLat: 0, maxLat: 7, minLng: 0, maxLng: 7 });
    expect(shape.center.lng).toBeGreaterThan(5);
    expect(shape.center.lat).toBeGreaterThan(5);
  });

  it('drops repeated consecutive positions instead of calling them a kink', () => {
    const ring = square(0, 0);
    ring.splice(1, 0, [0, 0]);
    const shape = checkGeometry(polygon(ring));
    expect(shape.geometry.coordinates[0]).toHaveLength(5);
  });

  it.each([
    ['no geometry', null, 'has no geometry'],
    [
      'a LineString',
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
      'its geometry is a LineString, not a Polygon or MultiPolygon',
    ],
    ['no coordinates', { type: 'Polygon' }, 'its geometry has no coordinates'],
    [
      'a short ring',
      polygon([
        [0, 0],
        [1, 0],
        [0, 0],
      ]),
      'ring 0 has 3 positions; a ring needs at least 4',
    ],
    [
      'an open ring',
      polygon(square(0, 0), [
        [0.2, 0.2],
        [0.4, 0.2],
        [0.4, 0.4],
        [0.2, 0.4],
      ]),
      'ring 1 is not closed',
    ],
    [
      'a text coordinate',
      polygon([
        [0, 0],
        [1, '0'],
        [1, 1],
        [0, 0],
      ]),
      'ring 0, position 1: coordinates must be numbers',
    ],
    ['a lone number', polygon([[0, 0], 1, [1, 1], [0, 0]]), 'ring 0, position 1 is not a [longitude, latitude] pair'],
    [
      'a longitude past 180',
      polygon([
        [0, 0],
        [181, 0],
        [1, 1],
        [0, 0],
      ]),
      'ring 0, position 1: longitude 181 is outside -180..180',
    ],
    [
      'a latitude past 90',
      polygon([
        [0, 0],
        [1, -91],
        [1, 1],
        [0, 0],
      ]),
      'ring 0, position 1: latitude -91 is outside -90..90',
    ],
    [
      'an hourglass',
      polygon([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
      'ring 0 intersects itself near lat 0.5, lng 0.5',
    ],
    [
      'a ring of one point repeated',
      polygon([
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
      ]),
      'ring 0 has fewer than 4 distinct positions',
    ],
    [
      'a ring that doubles back on itself',
      polygon([
        [0, 0],
        [2, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ]),
      'ring 0 intersects itself near lat 0, lng 1',
    ],
    [
      'a ring that touches itself at a vertex',
      polygon([
        [0, 0],
        [2, 0],
        [2, 2],
        [1, 0],
        [0, 2],
        [0, 0],
      ]),
      'ring 0 intersects itself near lat 0, lng 1',
    ],
    [
      'a bad part of a MultiPolygon',
      {
        type: 'MultiPolygon',
        coordinates: [
          [square(0, 0)],
          [
            [
              [5, 5],
              [6, 5],
              [6, 6],
              [5, 6],
            ],
          ],
        ],
      },
      'polygon 1, ring 0 is not closed',
    ],
  ])('refuses %s', (_what, geometry, message) => {
    expect(problem(geometry)).toBe(message);
  });

  it(`refuses more than ${MAX_POSITIONS} positions in one feature`, () => {
    const ring: Ring = Array.from({ length: MAX_POSITIONS }, (_, i) => [
      Math.cos((2 * Math.PI * i) / MAX_POSITIONS),
      Math.sin((2 * Math.PI * i) / MAX_POSITIONS),
    ]);
    ring.push(ring[0]);
    expect(problem(polygon(ring))).toBe(`it has ${MAX_POSITIONS + 1} positions; at most ${MAX_POSITIONS} per feature`);
    ring.splice(1, 2);
    expect(checkGeometry(polygon(ring)).geometry.coordinates[0]).toHaveLength(MAX_POSITIONS - 1);
  });
});

describe('parseBoundary', () => {
  it('accepts a Polygon, a MultiPolygon or a Feature holding one', () => {
    expect(parseBoundary(JSON.stringify(polygon(square(0, 0)))).geometry.type).toBe('Polygon');
    expect(parseBoundary(JSON.stringify({ type: 'MultiPolygon', coordinates: [[square(0, 0)]] })).geometry.type).toBe(
      'MultiPolygon',
    );
    expect(parseBoundary(JSON.stringify(feature('x', polygon(square(0, 0))))).geometry.type).toBe('Polygon');
  });

  it('refuses text that is not JSON, and JSON that is not a shape', () => {
    expect(() => parseBoundary('{"type": "Polygon",')).toThrow(/^boundary is not valid JSON/);
    expect(() => parseBoundary(JSON.stringify({ type: 'Point', coordinates: [0, 0] }))).toThrow(
      'boundary is a Point, not a Polygon, MultiPolygon or Feature',
    );
    expect(() => parseBoundary('[1, 2]')).toThrow('boundary is an array, not a Polygon, MultiPolygon or Feature');
  });
});

describe('parseFeatureCollection', () => {
  it('imports the good features and names each bad one by index and name', () => {
    const text = collection(
      feature('Old Town', polygon(square(0, 0))),
      feature(
        'Bent',
        polygon([
          [2, 0],
          [3, 1],
          [3, 0],
          [2, 1],
          [2, 0],
        ]),
      ),
      feature(undefined, polygon(square(4, 0))),
      feature('  ', polygon(square(6, 0))),
      feature(
        'Open',
        polygon([
          [8, 0],
          [9, 0],
          [9, 1],
          [8, 1],
        ]),
      ),
      feature(7, polygon(square(10, 0))),
      feature('Road', {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      }),
      'not a feature',
    );
    const parsed = parseFeatureCollection(text, 'name');
    expect(parsed.features.map((f) => [f.index, f.name])).toEqual([
      [0, 'Old Town'],
      [5, '7'],
    ]);
    expect(parsed.errors).toEqual([
      { index: 1, name: 'Bent', message: 'feature 1 ("Bent"): ring 0 intersects itself near lat 0.5, lng 2.5' },
      { index: 2, name: null, message: 'feature 2: has no "name" property' },
      { index: 3, name: null, message: 'feature 3: its "name" property is empty' },
      { index: 4, name: 'Open', message: 'feature 4 ("Open"): ring 0 is not closed' },
      {
        index: 6,
        name: 'Road',
        message: 'feature 6 ("Road"): its geometry is a LineString, not a Polygon or MultiPolygon',
      },
      { index: 7, name: null, message: 'feature 7: is string, not a Feature' },
    ]);
    expect([...parsed.names].sort()).toEqual(['7', 'bent', 'old town', 'open', 'road']);
  });

  it('refuses every feature of a name used twice (trimmed, any case), naming both', () => {
    const parsed = parseFeatureCollection(
      collection(feature('Old Town', polygon(square(0, 0))), feature(' old town', polygon(square(2, 0)))),
      'name',
    );
    expect(parsed.features).toEqual([]);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      'feature 0 ("Old Town"): another feature has the same name (features 0, 1)',
      'feature 1 ("old town"): another feature has the same name (features 0, 1)',
    ]);
  });

  it('reads the name from the property given', () => {
    const parsed = parseFeatureCollection(
      collection(feature('Beat 4', polygon(square(0, 0)), 'BEAT_NAME')),
      'BEAT_NAME',
    );
    expect(parsed.features[0].name).toBe('Beat 4');
  });

  it('refuses the whole file: not JSON, not a FeatureCollection, empty, too many features, too large, no name at all', () => {
    expect(collectionProblem('{"type": "FeatureCollection"')).toMatchObject({
      field: 'geojson',
      message: expect.stringMatching(/^geojson is not valid JSON/),
    });
    expect(collectionProblem(JSON.stringify(polygon(square(0, 0))))).toEqual({
      field: 'geojson',
      message: 'geojson is a Polygon, not a GeoJSON FeatureCollection',
    });
    expect(collectionProblem(collection())).toEqual({ field: 'geojson', message: 'geojson has no features' });
    const many = Array.from({ length: MAX_FEATURES + 1 }, (_, i) => feature(`N${i}`, polygon(square(i % 170, 0))));
    expect(collectionProblem(collection(...many)).message).toBe(
      `geojson has ${MAX_FEATURES + 1} features; at most ${MAX_FEATURES} per import`,
    );
    expect(collectionProblem(' '.repeat(5 * 1024 * 1024 + 1)).message).toBe(
      'geojson is 5.0 MB; at most 5 MB per import: split the file',
    );
    expect(collectionProblem(collection(feature('A', polygon(square(0, 0)), 'NAME')), 'name')).toEqual({
      field: 'nameProperty',
      message: `no feature has a "name" property; the first feature's properties are: NAME`,
    });
  });
});

describe('boundaryContains', () => {
  const donut = JSON.stringify(polygon(square(0, 0, 4), square(1, 1, 2)));
  it('counts the inside and the edge, not a hole nor the outside; unreadable data never matches', () => {
    expect(boundaryContains(donut, 0.5, 0.5)).toBe(true);
    expect(boundaryContains(donut, 0, 2)).toBe(true);
    expect(boundaryContains(donut, 2, 2)).toBe(false);
    expect(boundaryContains(donut, 5, 5)).toBe(false);
    expect(boundaryContains(null, 0.5, 0.5)).toBe(false);
    expect(boundaryContains('{not json', 0.5, 0.5)).toBe(false);
  });
});
