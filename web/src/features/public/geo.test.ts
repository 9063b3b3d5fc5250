import { describe, expect, it } from 'vitest';
import { boundsOf, outerRings, parseBoundary, project, shapeContains, shapePath, type Position } from './geo.js';

/** A closed square ring from (lng0, lat0) with side `size`. */
function square(lng0: number, lat0: number, size: number): Position[] {
  return [
    [lng0, lat0],
    [lng0 + size, lat0],
    [lng0 + size, lat0 + size],
    [lng0, lat0 + size],
    [lng0, lat0],
  ];
}

const POLYGON_WITH_HOLE = JSON.stringify({ type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] });
const MULTI = JSON.stringify({
  type: 'MultiPolygon',
  coordinates: [[square(0, 0, 1)], [square(5, 5, 1), square(5.25, 5.25, 0.5)]],
});

describe('parseBoundary', () => {
  it('reads a Polygon with its hole', () => {
    const shape = parseBoundary(POLYGON_WITH_HOLE);
    expect(shape).toHaveLength(1);
    expect(shape?.[0]).toHaveLength(2);
    expect(shape?.[0][1][0]).toEqual([4, 4]);
  });

  it('reads every polygon of a MultiPolygon, holes included', () => {
    const shape = parseBoundary(MULTI);
    expect(shape?.map((polygon) => polygon.length)).toEqual([1, 2]);
    expect(outerRings(shape ?? []).map((ring) => ring[0])).toEqual([
      [0, 0],
      [5, 5],
    ]);
  });

  it('reads the geometry of a Feature', () => {
    const feature = JSON.stringify({ type: 'Feature', properties: { name: 'A' }, geometry: JSON.parse(MULTI) });
    expect(parseBoundary(feature)).toHaveLength(2);
  });

  it('drops a polygon whose outer ring is unusable, and keeps the others', () => {
    const text = JSON.stringify({ type: 'MultiPolygon', coordinates: [[[[0, 0]]], [square(1, 1, 1)]] });
    expect(parseBoundary(text)).toEqual([[square(1, 1, 1)]]);
  });

  it('is null for missing text, bad JSON, points and empty geometries', () => {
    expect(parseBoundary(null)).toBeNull();
    expect(parseBoundary('')).toBeNull();
    expect(parseBoundary('{not json')).toBeNull();
    expect(parseBoundary(JSON.stringify({ type: 'Point', coordinates: [1, 2] }))).toBeNull();
    expect(parseBoundary(JSON.stringify({ type: 'MultiPolygon', coordinates: [] }))).toBeNull();
    expect(parseBoundary(JSON.stringify({ type: 'Polygon', coordinates: [[['a', 'b']]] }))).toBeNull();
  });
});

describe('shapeContains', () => {
  const holed = parseBoundary(POLYGON_WITH_HOLE) ?? [];
  const multi = parseBoundary(MULTI) ?? [];

  it('is true inside the outer ring and false inside its hole', () => {
    expect(shapeContains(holed, 1, 1)).toBe(true);
    expect(shapeContains(holed, 5, 5)).toBe(false);
    expect(shapeContains(holed, 11, 11)).toBe(false);
  });

  it('is true in any polygon of a MultiPolygon, false between them and in a hole', () => {
    expect(shapeContains(multi, 0.5, 0.5)).toBe(true);
    expect(shapeContains(multi, 5.1, 5.1)).toBe(true);
    expect(shapeContains(multi, 3, 3)).toBe(false);
    expect(shapeContains(multi, 5.5, 5.5)).toBe(false);
  });
});

describe('shapePath', () => {
  it('draws one closed subpath per ring, so evenodd leaves holes empty', () => {
    const shape = parseBoundary(MULTI) ?? [];
    const bounds = boundsOf(outerRings(shape));
    expect(bounds).not.toBeNull();
    const d = shapePath(shape, project(bounds!, 400));
    expect(d.match(/M/g)).toHaveLength(3);
    expect(d.match(/Z/g)).toHaveLength(3);
  });

  it('frames every polygon of a MultiPolygon', () => {
    const bounds = boundsOf(outerRings(parseBoundary(MULTI) ?? []), 0);
    expect(bounds).toEqual({ minLat: 0, maxLat: 6, minLng: 0, maxLng: 6 });
  });
});
